import type { KitReplacement } from '@samverkan/contracts';
import { apiErrorOf, fakeApiFetch } from '../reports/fake-api-fetch';
import { KitReplacementsStore } from './kit-replacements.store';
import { createNaloxoneApi } from './naloxone-api';

const used: KitReplacement = { kitId: 'k1', label: 'Bil 3211', usedAt: '2026-12-06T22:00:00.000Z' };

describe('KitReplacementsStore', () => {
  it('shows the used kits the api names, and drops them once a new kit replaced them', async () => {
    const { apiFetch, remaining } = fakeApiFetch([
      { path: '/api/kits/replacements', answer: [used] },
      { path: '/api/kits/replacements', answer: [] },
    ]);
    const store = new KitReplacementsStore(createNaloxoneApi(apiFetch));
    await store.load();
    expect(store.value.pending).toEqual([used]);
    await store.load();
    expect(store.value.pending).toEqual([]);
    expect(remaining()).toBe(0);
  });

  it('keeps the reminder when the api cannot be reached', async () => {
    const { apiFetch } = fakeApiFetch([
      { path: '/api/kits/replacements', answer: [used] },
      { path: '/api/kits/replacements', answer: apiErrorOf(0) },
    ]);
    const store = new KitReplacementsStore(createNaloxoneApi(apiFetch));
    await store.load();
    await store.load();
    expect(store.value.pending).toEqual([used]);
  });

  it('lets the newest answer win when two cross', async () => {
    let answerFirst: (value: KitReplacement[]) => void = () => undefined;
    const answers = [new Promise<KitReplacement[]>((resolve) => (answerFirst = resolve)), Promise.resolve([])];
    const api = createNaloxoneApi((async () => answers.shift()) as never);
    const store = new KitReplacementsStore(api);
    const first = store.load();
    await store.load();
    answerFirst([used]);
    await first;
    expect(store.value.pending).toEqual([]);
  });
});
