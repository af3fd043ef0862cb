import type { FieldReport } from '@samverkan/contracts';
import { apiErrorOf, fakeApiFetch, type ExpectedCall } from './fake-api-fetch';
import { createReportsApi } from './reports-api';
import { ReportsListStore } from './reports-list.store';

const NOW = new Date('2026-03-10T12:00:00Z');
const SINCE_30D = encodeURIComponent('2026-02-08T12:00:00.000Z');
const UNTIL = encodeURIComponent('2026-03-10T12:05:00.000Z');

function report(id: string, change: Partial<FieldReport> = {}): FieldReport {
  return {
    id,
    category: 'public_nuisance',
    siteId: 'site-1',
    zoneId: null,
    occurredAt: '2026-03-09T20:00:00.000Z',
    body: 'Needles found by the bench.',
    organisationId: 'org-police',
    authorId: 'user-1',
    status: 'open',
    version: 1,
    createdAt: '2026-03-09T20:05:00.000Z',
    kitId: null,
    updatedAt: '2026-03-09T20:05:00.000Z',
    ...change,
  };
}

function setup(expected: ExpectedCall[], filter: ConstructorParameters<typeof ReportsListStore>[1] = {}) {
  const fake = fakeApiFetch(expected);
  const store = new ReportsListStore(createReportsApi(fake.apiFetch), filter, () => NOW);
  return { store, ...fake };
}

describe('ReportsListStore', () => {
  it('loads the reports of the last 30 days by default, with the filters as query parameters', async () => {
    const { store, remaining } = setup(
      [
        {
          path: `/api/reports?siteId=site-1&since=${SINCE_30D}&until=${UNTIL}&limit=200`,
          answer: [report('r1')],
        },
        {
          path: `/api/reports?siteId=site-1&category=diversion&status=open&since=${encodeURIComponent('2026-03-03T12:00:00.000Z')}&until=${UNTIL}&limit=200`,
          answer: [],
        },
      ],
      { siteId: 'site-1' },
    );

    await store.load();
    expect(store.value).toMatchObject({ status: 'ready', reports: [report('r1')], failure: null });

    await store.setFilter({ category: 'diversion', status: 'open', period: '7d' });
    expect(store.value).toMatchObject({
      status: 'ready',
      reports: [],
      filter: { siteId: 'site-1', category: 'diversion', status: 'open', period: '7d' },
    });
    expect(remaining()).toBe(0);
  });

  it('tells a dropped connection from a failing server', async () => {
    const { store } = setup([
      { path: `/api/reports?since=${SINCE_30D}&until=${UNTIL}&limit=200`, answer: apiErrorOf(0) },
      { path: `/api/reports?since=${SINCE_30D}&until=${UNTIL}&limit=200`, answer: apiErrorOf(500) },
    ]);
    await store.load();
    expect(store.value).toMatchObject({ status: 'error', failure: 'network' });
    await store.load();
    expect(store.value).toMatchObject({ status: 'error', failure: 'server' });
  });

  it('shows a report written here at once when the filter lists it, newest first', async () => {
    const { store } = setup(
      [
        {
          path: `/api/reports?siteId=site-1&since=${SINCE_30D}&until=${UNTIL}&limit=200`,
          answer: [report('old')],
        },
      ],
      { siteId: 'site-1' },
    );
    await store.load();

    store.added(report('other-site', { siteId: 'site-2' }));
    store.added(report('new', { occurredAt: '2026-03-10T11:00:00.000Z' }));
    store.added(report('new', { occurredAt: '2026-03-10T11:00:00.000Z' }));

    expect(store.value.reports.map((shown) => shown.id)).toEqual(['new', 'old']);
  });

  it('changes a status with the version it read', async () => {
    const { store } = setup([
      { path: `/api/reports?since=${SINCE_30D}&until=${UNTIL}&limit=200`, answer: [report('r1')] },
      {
        method: 'PATCH',
        path: '/api/reports/r1',
        body: { version: 1, status: 'discussed' },
        answer: report('r1', { status: 'discussed', version: 2 }),
      },
    ]);
    await store.load();

    const changed = await store.changeStatus(store.value.reports[0], 'discussed');

    expect(changed).toMatchObject({ status: 'discussed', version: 2 });
    expect(store.value.reports[0]).toMatchObject({ status: 'discussed', version: 2 });
    expect(store.value.saving.size).toBe(0);
    expect(store.value.changeError).toBeNull();
  });

  it('on a stale version says so and shows the report as it is now', async () => {
    const { store, remaining } = setup([
      { path: `/api/reports?since=${SINCE_30D}&until=${UNTIL}&limit=200`, answer: [report('r1')] },
      {
        method: 'PATCH',
        path: '/api/reports/r1',
        body: { version: 1, status: 'closed' },
        answer: apiErrorOf(409, 'stale'),
      },
      { path: '/api/reports/r1', answer: report('r1', { status: 'discussed', version: 2 }) },
    ]);
    await store.load();

    await expect(store.changeStatus(store.value.reports[0], 'closed')).resolves.toBeNull();

    expect(store.value.changeError).toEqual({ reportId: 'r1', reason: 'conflict' });
    expect(store.value.reports[0]).toMatchObject({ status: 'discussed', version: 2 });
    expect(remaining()).toBe(0);
  });

  it('says when the user may not change the status', async () => {
    const { store } = setup([
      { path: `/api/reports?since=${SINCE_30D}&until=${UNTIL}&limit=200`, answer: [report('r1')] },
      { method: 'PATCH', path: '/api/reports/r1', answer: apiErrorOf(403) },
    ]);
    await store.load();
    await store.changeStatus(store.value.reports[0], 'closed');
    expect(store.value.changeError).toEqual({ reportId: 'r1', reason: 'forbidden' });
    expect(store.value.reports[0].status).toBe('open');
  });

  it('takes a newer version changed elsewhere in the app, and ignores an older one', async () => {
    const { store } = setup([
      {
        path: `/api/reports?since=${SINCE_30D}&until=${UNTIL}&limit=200`,
        answer: [report('r1', { version: 3, status: 'discussed' })],
      },
    ]);
    await store.load();
    store.changed(report('r1', { version: 2, status: 'open' }));
    expect(store.value.reports[0].status).toBe('discussed');
    store.changed(report('r1', { version: 4, status: 'closed' }));
    expect(store.value.reports[0].status).toBe('closed');
  });
});
