import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DateTime } from 'luxon';
import { DEFAULT_TIMEZONE, type Meeting } from '@samverkan/contracts';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PasswordHasher } from '../people/password-hasher';
import { PeopleService } from '../people/people.service';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PASSWORD, DemoOrganisationKey } from './demo-data';
import { DOMAIN_EVENTS, type JointEscalationPolicyEvent } from '../common/domain-events';
import { demoJointEscalationPolicy } from './demo-escalation.data';
import { DemoMapSeed } from './demo-map.seed';
import { DemoMeetingsSeed } from './demo-meetings.seed';

/**
 * With DEMO on: fictitious Malmö organisations and one account per role, created once, printed at every start;
 * the accounts are kept enabled and on the demo password (DEMO_PASSWORD, else the published default).
 * With DEMO off: existing demo accounts are disabled and their sessions end, so a demo install turned into a
 * real one keeps no account whose password is published.
 */
@Injectable()
export class DemoSeedService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly people: PeopleService,
    private readonly hasher: PasswordHasher,
    private readonly demoMap: DemoMapSeed,
    private readonly demoMeetings: DemoMeetingsSeed,
    private readonly events: EventEmitter2,
  ) {}

  /** Before ADMIN_EMAIL's bootstrap runs, so that it sees whether an administrator other than the demo's is left. */
  async onModuleInit(): Promise<void> {
    if (this.config.demo) return;
    const disabled = await this.people.disableAccounts(DEMO_ACCOUNTS.map((account) => account.email), null);
    if (disabled.length) this.logger.warn(`DEMO is off: disabled ${disabled.length} demo accounts and ended their sessions`);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo) return;
    const password = this.config.demoPassword ?? DEMO_PASSWORD;
    const organisationIds = await this.ensureOrganisations();
    for (const account of DEMO_ACCOUNTS) {
      const existing = await this.people.findUserWithPasswordHash(account.email);
      if (existing) {
        // Back on after DEMO was off, or DEMO_PASSWORD set or changed since the last start.
        const stale = existing.user.disabled || !(await this.hasher.verify(existing.passwordHash, password));
        if (stale) await this.people.updateUser(existing.user.id, { disabled: false, password }, null);
        continue;
      }
      await this.people.createUser(
        {
          email: account.email,
          displayName: account.displayName,
          password,
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
    // Messaging owns channels and policies: it gives the joint channel this one unless it follows one already.
    const escalation: JointEscalationPolicyEvent = { policy: demoJointEscalationPolicy(organisationIds) };
    await this.events.emitAsync(DOMAIN_EVENTS.jointEscalationPolicy, escalation);
    this.printLogins(meeting);
  }

  private async ensureOrganisations(): Promise<Record<DemoOrganisationKey, string>> {
    const ids = {} as Record<DemoOrganisationKey, string>;
    for (const [key, organisation] of Object.entries(DEMO_ORGANISATIONS) as [DemoOrganisationKey, (typeof DEMO_ORGANISATIONS)[DemoOrganisationKey]][]) {
      const existing = await this.people.findOrganisationByName(organisation.name);
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
        this.config.demoPassword === null
          ? `  password for every demo account: ${DEMO_PASSWORD}`
          : '  password for every demo account: the one set in DEMO_PASSWORD',
        '',
      ].join('\n') + '\n',
    );
  }
}
