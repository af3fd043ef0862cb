import { KitRegistrationRow, KitUseRow, pendingReplacements } from './kit-replacements';

const ME = 'officer-1';
const COLLEAGUE = 'officer-2';
const use = (kitId: string, label: string, usedAt: string): KitUseRow => ({ kitId, label, usedAt: new Date(usedAt) });
const registered = (kitId: string, label: string, createdBy: string, createdAt: string): KitRegistrationRow => ({
  kitId,
  label,
  createdBy,
  createdAt: new Date(createdAt),
});
const pending = (uses: KitUseRow[], registrations: KitRegistrationRow[]) => pendingReplacements(uses, registrations, ME).map((row) => row.kitId);

describe('which used kits still wait for a new one', () => {
  const bil = use('used-bil', 'Bil 3211', '2026-12-06T22:00:00Z');

  it('keeps a used kit until a new one is registered', () => {
    expect(pending([bil], [])).toEqual(['used-bil']);
    expect(pending([bil], [registered('new', 'Piket 3', ME, '2026-12-07T08:00:00Z')])).toEqual([]);
  });

  it('counts only kits registered after the use, never the used kit itself', () => {
    expect(pending([bil], [registered('old', 'Piket 3', ME, '2026-12-01T08:00:00Z')])).toEqual(['used-bil']);
    expect(pending([bil], [registered('used-bil', 'Bil 3211', ME, '2026-12-06T23:00:00Z')])).toEqual(['used-bil']);
  });

  it("lets a colleague's new kit for the same unit replace it, but not a colleague's kit for another unit", () => {
    expect(pending([bil], [registered('new', ' bil 3211', COLLEAGUE, '2026-12-07T08:00:00Z')])).toEqual([]);
    expect(pending([bil], [registered('new', 'Piket 3', COLLEAGUE, '2026-12-07T08:00:00Z')])).toEqual(['used-bil']);
  });

  it('replaces one used kit per new kit, giving a unit its own new kit first', () => {
    const piket = use('used-piket', 'Piket 3', '2026-12-06T23:00:00Z');
    expect(pending([bil, piket], [registered('new', 'Bil 9', ME, '2026-12-07T08:00:00Z')])).toEqual(['used-piket']);
    // The officer's one new kit is labelled for the second unit: the first still waits.
    expect(pending([bil, piket], [registered('new', 'Piket 3', ME, '2026-12-07T08:00:00Z')])).toEqual(['used-bil']);
    expect(
      pending([bil, piket], [registered('a', 'Piket 3', ME, '2026-12-07T08:00:00Z'), registered('b', 'Bil 9', ME, '2026-12-07T09:00:00Z')]),
    ).toEqual([]);
  });
});
