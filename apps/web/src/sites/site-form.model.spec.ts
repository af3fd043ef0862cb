import type { SiteFeature } from '@samverkan/contracts';
import {
  draftFromSite,
  emptySiteDraft,
  toCreateSiteRequest,
  toUpdateSiteRequest,
  validateSiteDraft,
} from './site-form.model';

const ORGANISATION = '5f1c3a7e-0000-4000-8000-000000000001';

const site: SiteFeature = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [13.0069, 55.5894] },
  properties: {
    id: '5f1c3a7e-0000-4000-8000-0000000000aa',
    name: 'Sprututbytet',
    type: 'needle_exchange',
    organisationId: ORGANISATION,
    address: null,
    openingHours: 'Stängt på helgdagar',
    description: null,
    version: 4,
    updatedAt: '2026-12-01T10:00:00+01:00',
    openingSchedule: {
      timezone: 'Europe/Stockholm',
      windows: [{ days: [1, 2, 3], from: '10:00', to: '18:00' }],
      exceptions: [{ date: '2026-12-24', closed: true }],
    },
    openNow: null,
    closesAt: null,
    nextOpenAt: null,
  },
};

describe('the site form model', () => {
  it('needs a name, a type and a place on the map before a new site is sent', () => {
    const problems = validateSiteDraft(emptySiteDraft(ORGANISATION), 'create');
    expect(problems.map((problem) => problem.field).sort()).toEqual(['location', 'name', 'type']);
    const ready = {
      ...emptySiteDraft(ORGANISATION),
      name: 'Ny',
      type: 'naloxone' as const,
      location: { lat: 55.6, lng: 13 },
    };
    expect(validateSiteDraft(ready, 'create')).toEqual([]);
    expect(
      validateSiteDraft({ ...ready, windows: [{ days: [], from: '10:00', to: '12:00' }] }, 'create'),
    ).toEqual([{ field: 'schedule', message: 'zoneForm.error.noDays' }]);
    expect(validateSiteDraft({ ...ready, description: 'Ring 070-123 45 67' }, 'create')).toEqual([
      { field: 'description', message: 'siteForm.error.identifying' },
    ]);
    // The public phone field is the one place a number belongs, and it must be one.
    expect(validateSiteDraft({ ...ready, phone: '040-628 04 42' }, 'create')).toEqual([]);
    expect(validateSiteDraft({ ...ready, phone: 'ring oss' }, 'create')).toEqual([
      { field: 'phone', message: 'error.reason.not_a_phone_number' },
    ]);
  });

  it('sends a clicked place as a GeoJSON point, and the organisation only when the user chooses it', () => {
    const draft = {
      ...emptySiteDraft(ORGANISATION),
      name: 'Ny',
      type: 'naloxone' as const,
      location: { lat: 55.60012345678, lng: 13.00098765432 },
    };
    expect(toCreateSiteRequest(draft, false)).toEqual({
      name: 'Ny',
      type: 'naloxone',
      location: { type: 'Point', coordinates: [13.000988, 55.600123] },
      address: null,
      phone: null,
      openingHours: null,
      openingSchedule: {
        timezone: 'Europe/Stockholm',
        windows: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }],
      },
      description: null,
    });
    expect(toCreateSiteRequest(draft, true).organisationId).toBe(ORGANISATION);
    expect(toCreateSiteRequest({ ...draft, hasSchedule: false }, false).openingSchedule).toBeNull();
  });

  it('edits never move the site, keep the schedule exceptions the form does not show, and hand over only on a change', () => {
    const draft = draftFromSite(site);
    const request = toUpdateSiteRequest({ ...draft, description: 'Ny text' }, site);
    expect(request).not.toHaveProperty('location');
    expect(request).not.toHaveProperty('organisationId');
    expect(request).toMatchObject({
      version: 4,
      description: 'Ny text',
      openingHours: 'Stängt på helgdagar',
    });
    expect(request.openingSchedule?.exceptions).toEqual([{ date: '2026-12-24', closed: true }]);
    const other = '5f1c3a7e-0000-4000-8000-000000000002';
    expect(toUpdateSiteRequest({ ...draft, organisationId: other }, site).organisationId).toBe(other);
  });
});
