import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Cron } from '@nestjs/schedule';
import { KIT_LIMITS, REPORTING_TIME_ZONE } from '@samverkan/contracts';
import { Clock } from '../common/clock';
import { DOMAIN_EVENTS, JointChannelNoticeEvent } from '../common/domain-events';
import { addDays, localToday } from '../common/calendar-dates';
import { ExpiringKits, KitsRepository } from './kits.repository';

function kits(count: number): string {
  return count === 1 ? '1 naloxone kit' : `${count} naloxone kits`;
}

function naloxonkit(count: number): string {
  return `${count} naloxonkit`;
}

/** One line for the joint channel, in Swedish and English: both sides read it. */
export function expiryNoticeBody(organisation: ExpiringKits, days: number): string {
  const swedish: string[] = [];
  const english: string[] = [];
  if (organisation.expiring > 0) {
    swedish.push(`${naloxonkit(organisation.expiring)} går ut inom ${days} dagar (först ${organisation.earliest})`);
    english.push(`${kits(organisation.expiring)} ${organisation.expiring === 1 ? 'expires' : 'expire'} within ${days} days (earliest ${organisation.earliest})`);
  }
  if (organisation.expired > 0) {
    swedish.push(`${naloxonkit(organisation.expired)} i tjänst har redan gått ut`);
    english.push(`${kits(organisation.expired)} in service ${organisation.expired === 1 ? 'has' : 'have'} already expired`);
  }
  return `${organisation.organisationName}: ${swedish.join('; ')}. / ${english.join('; ')}.`;
}

/**
 * Once a day, one notice on the joint channel per police organisation whose kits in service expire within
 * 14 days (or have expired), so they are replaced in time. The messaging module posts each notice once per
 * key (organisation and day), so a rerun or a second instance adds nothing.
 */
@Injectable()
export class KitExpiryNoticeService {
  private readonly logger = new Logger('KitExpiry');

  constructor(
    private readonly kits: KitsRepository,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
  ) {}

  @Cron('0 0 7 * * *', { name: 'naloxone-kit-expiry', timeZone: REPORTING_TIME_ZONE })
  async runDaily(): Promise<void> {
    try {
      const notices = await this.notifyExpiringKits();
      if (notices.length > 0) this.logger.log(`Posted ${notices.length} naloxone kit expiry notices`);
    } catch (error) {
      this.logger.error(`Naloxone kit expiry notices failed: ${(error as Error).message}`);
    }
  }

  /** Emits the day's notices (as of the clock's now) and answers them. */
  async notifyExpiringKits(): Promise<JointChannelNoticeEvent[]> {
    const today = localToday(this.clock.now());
    const organisations = await this.kits.expiringByOrganisation(today, addDays(today, KIT_LIMITS.noticeDays));
    const notices = organisations.map((organisation) => ({
      key: `kits-expiring:${organisation.organisationId}:${today}`,
      body: expiryNoticeBody(organisation, KIT_LIMITS.noticeDays),
    }));
    for (const notice of notices) this.events.emit(DOMAIN_EVENTS.jointChannelNotice, notice);
    return notices;
  }
}
