import { ConflictException, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { GUIDE_LANGS } from '@samverkan/contracts';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { GuidesService } from '../guides/guides.service';
import { DEMO_GUIDES } from './demo-guide.data';

/** With DEMO on: the example naloxone guide in Swedish and English, published, unless a guide exists already. */
@Injectable()
export class DemoGuideSeed implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoGuide');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly guides: GuidesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo) return;
    for (const lang of GUIDE_LANGS) {
      try {
        // Version 0 read: only stored when no version of this language exists, so real guides are never overwritten.
        const draft = await this.guides.saveDraft('naloxone', { lang, ...DEMO_GUIDES[lang], version: 0 }, null);
        await this.guides.publish('naloxone', { lang, version: draft.version }, null);
        this.logger.log(`Published the example ${lang} naloxone guide`);
      } catch (error) {
        if (!(error instanceof ConflictException)) throw error;
      }
    }
  }
}
