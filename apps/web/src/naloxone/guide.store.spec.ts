import type { GuideHtml, GuideLang } from '@samverkan/contracts';
import { apiErrorOf, fakeApiFetch, type ExpectedCall } from '../reports/fake-api-fetch';
import { memoryStorage } from '../state/safe-storage';
import { GuideCache, GUIDE_CACHE_PREFIX } from './guide-cache';
import { GuideStore, refreshSavedGuide } from './guide.store';
import { createNaloxoneApi } from './naloxone-api';

const NOW = new Date('2026-03-10T12:00:00Z');

const html = (lang: GuideLang, version = 2): GuideHtml => ({
  key: 'naloxone',
  lang,
  title: lang === 'sv' ? 'Naloxon' : 'Naloxone',
  version,
  publishedAt: '2026-03-01T09:00:00.000Z',
  html: '<h2>Gör så här</h2><ol><li>Larma 112</li></ol>',
});

function setup(expected: ExpectedCall[], saved: Record<string, string> = {}, online = true) {
  const fake = fakeApiFetch(expected);
  const storage = memoryStorage(saved);
  const cache = new GuideCache(storage);
  const api = createNaloxoneApi(fake.apiFetch);
  const store = new GuideStore(
    api,
    cache,
    'sv',
    () => NOW,
    () => online,
  );
  return { store, cache, storage, api, ...fake };
}

const savedCopy = (lang: GuideLang, version = 1, savedAt = '2026-03-09T08:00:00.000Z') => ({
  [`${GUIDE_CACHE_PREFIX}${lang}`]: JSON.stringify({ ...html(lang, version), savedAt }),
});

describe('GuideStore', () => {
  it('reads the published guide and saves it on the phone', async () => {
    const { store, cache } = setup([{ path: '/api/guides/naloxone/html?lang=sv', answer: html('sv') }]);
    expect(store.value).toEqual({ status: 'loading', lang: 'sv' });

    await store.load('sv');

    expect(store.value).toMatchObject({
      status: 'ready',
      lang: 'sv',
      offline: false,
      guide: { version: 2, title: 'Naloxon' },
    });
    expect(cache.read('sv')).toEqual({ ...html('sv'), savedAt: NOW.toISOString() });
  });

  it('shows the saved copy at once, and says it is the saved one when the connection is down', async () => {
    const { store } = setup(
      [{ path: '/api/guides/naloxone/html?lang=sv', answer: apiErrorOf(0) }],
      savedCopy('sv'),
    );
    expect(store.value).toMatchObject({ status: 'ready', offline: false, guide: { version: 1 } });

    await store.load('sv');

    expect(store.value).toMatchObject({
      status: 'ready',
      offline: true,
      guide: { version: 1, savedAt: '2026-03-09T08:00:00.000Z' },
    });
  });

  it("keeps the saved copy's date when the service worker answers from its cache while offline", async () => {
    const { store, cache } = setup(
      [{ path: '/api/guides/naloxone/html?lang=sv', answer: html('sv', 1) }],
      savedCopy('sv'),
      false,
    );
    await store.load('sv');
    expect(store.value).toMatchObject({ status: 'ready', offline: true });
    expect(cache.read('sv')?.savedAt).toBe('2026-03-09T08:00:00.000Z');
  });

  it('falls back to the other language when the guide is not published in this one', async () => {
    const { store } = setup([
      { path: '/api/guides/naloxone/html?lang=en', answer: apiErrorOf(404) },
      { path: '/api/guides/naloxone/html?lang=sv', answer: html('sv') },
    ]);
    await store.load('en');
    expect(store.value).toMatchObject({ status: 'ready', lang: 'en', guide: { lang: 'sv' } });
  });

  it('says when no guide is published at all, and forgets a saved copy of one that is gone', async () => {
    const { store, cache } = setup(
      [
        { path: '/api/guides/naloxone/html?lang=sv', answer: apiErrorOf(404) },
        { path: '/api/guides/naloxone/html?lang=en', answer: apiErrorOf(404) },
      ],
      savedCopy('sv'),
    );
    await store.load('sv');
    expect(store.value).toEqual({ status: 'missing', lang: 'sv' });
    expect(cache.read('sv')).toBeNull();
  });

  it('fails plainly when nothing is saved and the api is down', async () => {
    const { store } = setup([{ path: '/api/guides/naloxone/html?lang=sv', answer: apiErrorOf(503) }]);
    await store.load('sv');
    expect(store.value).toEqual({ status: 'error', lang: 'sv', failure: 'server' });
  });

  it('ignores a saved copy that is not a guide', () => {
    const { cache } = setup([], {
      [`${GUIDE_CACHE_PREFIX}sv`]: '{"key":"naloxone","lang":"sv","html":1}',
      [`${GUIDE_CACHE_PREFIX}en`]: 'not json',
    });
    expect(cache.read('sv')).toBeNull();
    expect(cache.read('en')).toBeNull();
  });

  it('refreshes the saved copy in the background only when it is old', async () => {
    const fresh = setup([], savedCopy('sv', 1, '2026-03-10T10:00:00.000Z'));
    await refreshSavedGuide(fresh.api, fresh.cache, 'sv', NOW);
    expect(fresh.calls).toEqual([]);

    const old = setup(
      [{ path: '/api/guides/naloxone/html?lang=sv', answer: html('sv', 3) }],
      savedCopy('sv', 1, '2026-03-09T10:00:00.000Z'),
    );
    await refreshSavedGuide(old.api, old.cache, 'sv', NOW);
    expect(old.cache.read('sv')?.version).toBe(3);
  });
});
