import type { ZoneSummary } from '@samverkan/contracts';
import { checkAnswerOf } from './zone-check-answer';

const summary = (overrides: Partial<ZoneSummary>): ZoneSummary => ({
  zoneId: 'z',
  name: 'Zone',
  siteId: 's',
  siteName: 'Site',
  inForce: false,
  until: null,
  nextInForceAt: null,
  distanceMeters: 0,
  ...overrides,
});

describe('the answer to "am I in a zone?"', () => {
  it('puts a zone in force first, the one in force longest at the top', () => {
    const soon = summary({ zoneId: 'soon', inForce: true, until: '2026-11-25T16:00:00+01:00' });
    const always = summary({ zoneId: 'always', inForce: true, until: null });
    const closed = summary({ zoneId: 'closed' });
    const answer = checkAnswerOf({ at: '', inside: [soon, closed, always], nearby: [] });
    expect(answer).toEqual({ kind: 'inside-in-force', zones: [always, soon], alsoInside: [closed] });
  });

  it('inside only zones not in force: the one in force soonest first', () => {
    const later = summary({ zoneId: 'later', nextInForceAt: '2026-11-27T09:00:00+01:00' });
    const never = summary({ zoneId: 'never' });
    const sooner = summary({ zoneId: 'sooner', nextInForceAt: '2026-11-26T09:00:00+01:00' });
    expect(checkAnswerOf({ at: '', inside: [later, never, sooner], nearby: [] })).toEqual({
      kind: 'inside-not-in-force',
      zones: [sooner, later, never],
    });
  });

  it('inside a suspended zone: said apart from one outside its hours, whatever the order', () => {
    const suspension = {
      byOrganisationId: 'o',
      byOrganisationName: 'Polisen',
      since: '2026-11-25T10:00:00+01:00',
      reason: 'Insats',
      until: '2026-11-25T18:00:00+01:00',
    };
    const suspended = summary({ zoneId: 'suspended', suspension, nextInForceAt: suspension.until });
    const closed = summary({ zoneId: 'closed', nextInForceAt: '2026-11-25T17:00:00+01:00' });
    expect(
      checkAnswerOf({ at: '2026-11-25T12:00:00+01:00', inside: [closed, suspended], nearby: [] }),
    ).toEqual({
      kind: 'inside-suspended',
      zones: [suspended],
      alsoInside: [closed],
    });
    // A zone in force still comes first; past its end time a suspension no longer counts.
    const inForce = summary({ zoneId: 'in-force', inForce: true });
    expect(
      checkAnswerOf({ at: '2026-11-25T12:00:00+01:00', inside: [suspended, inForce], nearby: [] }).kind,
    ).toBe('inside-in-force');
    expect(checkAnswerOf({ at: '2026-11-25T19:00:00+01:00', inside: [suspended], nearby: [] }).kind).toBe(
      'inside-not-in-force',
    );
  });

  it('outside every zone: the nearby ones, nearest first; or none', () => {
    const far = summary({ zoneId: 'far', distanceMeters: 180 });
    const near = summary({ zoneId: 'near', distanceMeters: 40 });
    expect(checkAnswerOf({ at: '', inside: [], nearby: [far, near] })).toEqual({
      kind: 'near',
      zones: [near, far],
    });
    expect(checkAnswerOf({ at: '', inside: [], nearby: [] })).toEqual({ kind: 'none' });
  });
});
