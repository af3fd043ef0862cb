import { validateSchedule, validateZoneGeometry } from '@samverkan/geo';
import { isPhoneNumber } from '@samverkan/text';
import { openingState } from '@samverkan/geo';
import { DEMO_SITES } from './demo-map.data';

// The demo seed goes through the services, not the HTTP pipes: these are the checks the pipes would make.
describe('the demo map data', () => {
  it.each(DEMO_SITES.map((site) => [site.name, site] as const))('%s has a valid opening schedule and zone', (_name, site) => {
    expect(validateSchedule(site.openingSchedule, 'openingSchedule')).toEqual([]);
    if (site.phone !== undefined) expect(isPhoneNumber(site.phone)).toBe(true);
    if (site.zone) {
      expect(validateSchedule(site.zone.schedule)).toEqual([]);
      if ('geometry' in site.zone.shape) expect(validateZoneGeometry(site.zone.shape.geometry)).toEqual([]);
    }
  });

  const byType = (type: string) => DEMO_SITES.find((site) => site.type === type)!.openingSchedule;

  it('gives every naloxone point a public phone number', () => {
    for (const site of DEMO_SITES.filter((demo) => demo.type === 'naloxone')) expect(site.phone).toEqual(expect.any(String));
  });

  it('opens the naloxone point on weekdays and Saturday afternoons', () => {
    const naloxone = byType('naloxone');
    expect(openingState(naloxone, new Date('2026-05-04T17:30:00+02:00'))).toMatchObject({ openNow: true, closesAt: '2026-05-04T18:00:00.000+02:00' });
    expect(openingState(naloxone, new Date('2026-05-09T12:30:00+02:00'))).toMatchObject({ openNow: true, closesAt: '2026-05-09T16:00:00.000+02:00' });
    expect(openingState(naloxone, new Date('2026-05-10T12:30:00+02:00'))).toMatchObject({ openNow: false, nextOpenAt: '2026-05-11T10:00:00.000+02:00' });
  });

  it('keeps the outreach site open past midnight', () => {
    const outreach = byType('outreach');
    // Friday night into Saturday: the late window.
    expect(openingState(outreach, new Date('2026-05-09T02:00:00+02:00'))).toMatchObject({ openNow: true, closesAt: '2026-05-09T03:00:00.000+02:00' });
    // Monday night into Tuesday: the early one.
    expect(openingState(outreach, new Date('2026-05-05T02:00:00+02:00'))).toMatchObject({ openNow: false, nextOpenAt: '2026-05-05T19:00:00.000+02:00' });
  });

  it('closes the needle exchange at weekends', () => {
    expect(openingState(byType('needle_exchange'), new Date('2026-05-09T12:00:00+02:00'))).toMatchObject({ openNow: false, nextOpenAt: '2026-05-11T09:00:00.000+02:00' });
  });
});
