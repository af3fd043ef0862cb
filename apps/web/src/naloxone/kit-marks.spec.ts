import { KIT_LIMITS, type Kit } from '@samverkan/contracts';
import { kitDraftProblems, kitMark, sortKits } from './kit-marks';

function kit(id: string, change: Partial<Kit> = {}): Kit {
  return {
    id,
    organisationId: 'org-police',
    label: `Bil ${id}`,
    batch: 'NX-1',
    expiresOn: '2027-01-01',
    status: 'in_service',
    version: 1,
    usedAt: null,
    reportId: null,
    expired: false,
    daysUntilExpiry: 300,
    ...change,
  };
}

describe('naloxone kit marks', () => {
  it('marks expired kits, kits expiring within 60 days, and used or discarded ones', () => {
    expect(kitMark(kit('a', { expired: true, daysUntilExpiry: -1 }))).toBe('expired');
    expect(kitMark(kit('a', { daysUntilExpiry: 0 }))).toBe('expiring');
    expect(kitMark(kit('a', { daysUntilExpiry: 60 }))).toBe('expiring');
    expect(kitMark(kit('a', { daysUntilExpiry: 61 }))).toBe('ok');
    expect(kitMark(kit('a', { status: 'used', expired: true }))).toBe('used');
    expect(kitMark(kit('a', { status: 'discarded' }))).toBe('discarded');
  });

  it('puts the kits that need attention first', () => {
    const kits = [
      kit('ok', { expiresOn: '2027-05-01' }),
      kit('used', { status: 'used', expiresOn: '2026-01-01' }),
      kit('soon', { expiresOn: '2026-04-01', daysUntilExpiry: 22 }),
      kit('gone', { expiresOn: '2026-03-01', expired: true, daysUntilExpiry: -9 }),
    ];
    expect(sortKits(kits).map((entry) => entry.id)).toEqual(['gone', 'soon', 'ok', 'used']);
  });

  it('checks a kit before it is sent', () => {
    expect(kitDraftProblems({ label: 'Bil 3211', batch: 'NX24-118', expiresOn: '2027-06-30' })).toEqual({});
    expect(kitDraftProblems({ label: ' ', batch: '', expiresOn: '30/6/2027' })).toEqual({
      label: 'naloxone.kits.error.label',
      batch: 'naloxone.kits.error.batch',
      expiresOn: 'naloxone.kits.error.expiresOn',
    });
  });

  it('counts and refuses text as the api does', () => {
    const ok = { label: 'Bil 3211', batch: 'NX24-118', expiresOn: '2027-06-30' };
    // Lengths are in code points: 100 emoji fit a batch of at most 100, one more does not.
    expect(kitDraftProblems({ ...ok, batch: '💊'.repeat(KIT_LIMITS.maxBatch) })).toEqual({});
    expect(kitDraftProblems({ ...ok, batch: '💊'.repeat(KIT_LIMITS.maxBatch + 1) })).toEqual({
      batch: 'naloxone.kits.error.batch',
    });
    expect(kitDraftProblems({ ...ok, label: 'Bil\u00003211' })).toEqual({
      label: 'naloxone.kits.error.label',
    });
  });
});
