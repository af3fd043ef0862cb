import type { EventEmitter2 } from '@nestjs/event-emitter';
import type { Clock } from '../common/clock';
import { DOMAIN_EVENTS } from '../common/domain-events';
import { expiryNoticeBody, KitExpiryNoticeService } from './kit-expiry-notice.service';
import type { KitsRepository } from './kits.repository';

const organisation = { organisationId: 'org-1', organisationName: 'Polisområde Test', expiring: 1, expired: 0, earliest: '2026-12-24' };

describe('expiryNoticeBody', () => {
  it('says it in Swedish and English, in the singular for one kit', () => {
    expect(expiryNoticeBody(organisation, 14)).toBe(
      'Polisområde Test: 1 naloxonkit går ut inom 14 dagar (först 2026-12-24). / 1 naloxone kit expires within 14 days (earliest 2026-12-24).',
    );
  });

  it('names expired kits too, and only them when none is about to expire', () => {
    expect(expiryNoticeBody({ ...organisation, expiring: 0, expired: 2, earliest: null }, 14)).toBe(
      'Polisområde Test: 2 naloxonkit i tjänst har redan gått ut. / 2 naloxone kits in service have already expired.',
    );
  });
});

describe('KitExpiryNoticeService', () => {
  it('asks for the kits expiring within 14 days of today in Malmö and emits one keyed notice per organisation', async () => {
    const kits = { expiringByOrganisation: jest.fn().mockResolvedValue([organisation]) } as unknown as jest.Mocked<KitsRepository>;
    const events = { emit: jest.fn() } as unknown as jest.Mocked<EventEmitter2>;
    // 23:30 UTC on 10 December is 00:30 on 11 December in Malmö.
    const clock = { now: () => new Date('2026-12-10T23:30:00Z') } as Clock;

    const notices = await new KitExpiryNoticeService(kits, events, clock).notifyExpiringKits();

    expect(kits.expiringByOrganisation).toHaveBeenCalledWith('2026-12-11', '2026-12-25');
    expect(notices).toEqual([{ key: 'kits-expiring:org-1:2026-12-11', body: expiryNoticeBody(organisation, 14) }]);
    expect(events.emit).toHaveBeenCalledTimes(1);
    expect(events.emit).toHaveBeenCalledWith(DOMAIN_EVENTS.jointChannelNotice, notices[0]);
  });
});
