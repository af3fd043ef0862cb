import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { DEFAULT_TIMEZONE, type Meeting } from '@samverkan/contracts';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { OrganisationEntity } from '../people/entities/organisation.entity';
import { PeopleService } from '../people/people.service';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PASSWORD, DemoOrganisationKey } from './demo-data';
import { DemoMapSeed } from './demo-map.seed';
import { DemoMeetingsSeed } from './demo-meetings.seed';

/** With DEMO on: fictitious Malmö organisations and one account per role, created once, printed at every start. */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly demoMap: DemoMapSeed,
    private readonly demoMeetings: DemoMeetingsSeed,
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
    // The meetings' agendas link the demo sites and zones.
    const meeting = await this.demoMeetings.seed(organisationIds);
    this.printLogins(meeting);
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

  private printLogins(meeting: Pick<Meeting, 'title' | 'startsAt'>): void {
    const width = Math.max(...DEMO_ACCOUNTS.map((account) => account.email.length));
    const lines = DEMO_ACCOUNTS.map(
      (account) => `  ${account.email.padEnd(width)}  ${account.role}${account.canSign ? ', signatory' : ''}`,
    );
    // Written for the person who started the app, as plain lines rather than a JSON log record.
    process.stdout.write(
      [
        '',
        'Demo data is on: fictitious Malmö organisations, sites and zones (DEMO=false turns it off).',
        `Demo meeting: ${meeting.title}, ${DateTime.fromISO(meeting.startsAt).setZone(DEFAULT_TIMEZONE).toFormat('yyyy-MM-dd HH:mm')} (Malmö time)`,
        'Demo sign-ins:',
        ...lines,
        `  password for every demo account: ${DEMO_PASSWORD}`,
        '',
      ].join('\n') + '\n',
    );
  }
}
