import type { FieldReport, Kit } from '@samverkan/contracts';
import { apiErrorOf, fakeApiFetch, type ExpectedCall } from '../reports/fake-api-fetch';
import { KitsStore } from './kits.store';
import { createNaloxoneApi } from './naloxone-api';

const NOW = new Date('2026-03-10T12:00:00Z');

function kit(id: string, change: Partial<Kit> = {}): Kit {
  return {
    id,
    organisationId: 'org-police',
    label: 'Bil 3211',
    batch: 'NX-1',
    expiresOn: '2027-01-01',
    status: 'in_service',
    version: 1,
    usedAt: null,
    reportId: null,
    expired: false,
    daysUntilExpiry: 297,
    ...change,
  };
}

const report = { id: 'report-1', category: 'overdose_response', kitId: 'k1' } as FieldReport;

function setup(expected: ExpectedCall[]) {
  const fake = fakeApiFetch(expected);
  return { store: new KitsStore(createNaloxoneApi(fake.apiFetch), () => NOW), ...fake };
}

describe('KitsStore', () => {
  it('registers a kit and lists it', async () => {
    const { store } = setup([
      { path: '/api/kits', answer: [] },
      {
        method: 'POST',
        path: '/api/kits',
        body: { label: 'Bil 3211', batch: 'NX-1', expiresOn: '2027-01-01' },
        answer: kit('k1'),
      },
    ]);
    await store.load();
    await store.create({ label: 'Bil 3211', batch: 'NX-1', expiresOn: '2027-01-01' });
    expect(store.value.kits).toEqual([kit('k1')]);
  });

  it('records a use now, and the answer carries the report the api created', async () => {
    const { store } = setup([
      { path: '/api/kits', answer: [kit('k1')] },
      {
        method: 'POST',
        path: '/api/kits/k1/use',
        body: { usedAt: NOW.toISOString() },
        answer: {
          kit: kit('k1', { status: 'used', version: 2, usedAt: NOW.toISOString(), reportId: 'report-1' }),
          report,
        },
      },
    ]);
    await store.load();

    const response = await store.use(store.value.kits[0]);

    expect(response?.report).toBe(report);
    expect(store.value.kits[0]).toMatchObject({ status: 'used', version: 2 });
    expect(store.value.saving.size).toBe(0);
  });

  it('on a stale version says so and shows the kit as it is now', async () => {
    const { store, remaining } = setup([
      { path: '/api/kits', answer: [kit('k1')] },
      {
        method: 'PATCH',
        path: '/api/kits/k1',
        body: { version: 1, status: 'discarded' },
        answer: apiErrorOf(409),
      },
      { path: '/api/kits/k1', answer: kit('k1', { version: 2, label: 'Piket 3' }) },
    ]);
    await store.load();

    await expect(store.discard(store.value.kits[0])).resolves.toBeNull();

    expect(store.value.kitError).toMatchObject({ kitId: 'k1', reason: 'conflict' });
    expect(store.value.kits[0]).toMatchObject({ version: 2, label: 'Piket 3' });
    expect(remaining()).toBe(0);
  });

  it('edits with the version read and throws the refusal for the form', async () => {
    const { store } = setup([
      { path: '/api/kits', answer: [kit('k1')] },
      {
        method: 'PATCH',
        path: '/api/kits/k1',
        body: { version: 1, label: 'Piket 3', batch: 'NX-1', expiresOn: '2027-01-01' },
        answer: apiErrorOf(400, 'label must not name a person'),
      },
    ]);
    await store.load();
    await expect(
      store.edit(store.value.kits[0], { label: 'Piket 3', batch: 'NX-1', expiresOn: '2027-01-01' }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('says the list is not for this user', async () => {
    const { store } = setup([{ path: '/api/kits', answer: apiErrorOf(403) }]);
    await store.load();
    expect(store.value).toMatchObject({ status: 'error', failure: 'forbidden' });
  });
});
