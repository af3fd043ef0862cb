import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { OrganisationEntity } from '../people/entities/organisation.entity';
import { PeopleService } from '../people/people.service';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PASSWORD, DemoOrganisationKey } from './demo-data';
import { DemoMapSeed } from './demo-map.seed';

/** With DEMO on: fictitious Malmö organisations and one account per role, created once, printed at every start. */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly demoMap: DemoMapSeed,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo) return;
    const organisationIds = await this.ensureOrganisations();
    for (const account of DEMO_ACCOUNTS) {
      if (await this.people.findUserWithPasswordHash(account.email)) continue;
      await this.people.createUser(
        {
          email: account.email,
          displayName: account.displayName,
          password: DEMO_PASSWORD,
          role: account.role,
          organisationId: organisationIds[account.organisation],
          canSign: account.canSign,
        },
        null,
      );
    }
    // Sites and zones need the demo organisations and signatories made above.
    await this.demoMap.seed(organisationIds);
    this.printLogins();
  }

  private async ensureOrganisations(): Promise<Record<DemoOrganisationKey, string>> {
    const repository = this.dataSource.getRepository(OrganisationEntity);
    const ids = {} as Record<DemoOrganisationKey, string>;
    for (const [key, organisation] of Object.entries(DEMO_ORGANISATIONS) as [DemoOrganisationKey, (typeof DEMO_ORGANISATIONS)[DemoOrganisationKey]][]) {
      const existing = await repository.findOneBy({ name: organisation.name });
      ids[key] = existing ? existing.id : (await this.people.createOrganisation({ ...organisation }, null)).id;
    }
    return ids;
  }

  private printLogins(): void {
    const width = Math.max(...DEMO_ACCOUNTS.map((account) => account.email.length));
    const lines = DEMO_ACCOUNTS.map(
      (account) => `  ${account.email.padEnd(width)}  ${account.role}${account.canSign ? ', signatory' : ''}`,
    );
    // Written for the person who started the app, as plain lines rather than a JSON log record.
    process.stdout.write(
      [
        '',
        'Demo data is on: fictitious Malmö organisations, sites and zones (DEMO=false turns it off).',
        'Demo sign-ins:',
        ...lines,
        `  password for every demo account: ${DEMO_PASSWORD}`,
        '',
      ].join('\n') + '\n',
    );
  }
}
