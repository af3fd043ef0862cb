import type { Guide, GuideVersionSummary } from '@samverkan/contracts';
import { apiErrorOf, fakeApiFetch, type ExpectedCall } from '../reports/fake-api-fetch';
import { GuideEditorStore } from './guide-editor.store';
import { createNaloxoneApi } from './naloxone-api';

function guide(version: number, published = false): Guide {
  return {
    key: 'naloxone',
    lang: 'sv',
    title: `Naloxon v${version}`,
    body: '## Gör så här',
    version,
    publishedAt: published ? '2026-03-01T09:00:00.000Z' : null,
    publishedBy: published ? 'user-sig' : null,
    publishedByName: published ? 'Signatär' : null,
    published,
    createdAt: '2026-03-01T08:00:00.000Z',
  };
}

const summary = (version: number, published = false): GuideVersionSummary => ({
  version,
  title: `Naloxon v${version}`,
  createdAt: '2026-03-01T08:00:00.000Z',
  createdBy: 'user-1',
  publishedAt: published ? '2026-03-01T09:00:00.000Z' : null,
  publishedBy: published ? 'user-sig' : null,
  published,
});

function setup(expected: ExpectedCall[]) {
  const fake = fakeApiFetch(expected);
  return { store: new GuideEditorStore(createNaloxoneApi(fake.apiFetch), 'sv'), ...fake };
}

const LOAD_V1: ExpectedCall[] = [
  { path: '/api/guides/naloxone?lang=sv&draft=true', answer: guide(1, true) },
  { path: '/api/guides/naloxone/versions?lang=sv', answer: [summary(1, true)] },
];

describe('GuideEditorStore', () => {
  it('starts from version 0 when no guide is written yet', async () => {
    const { store } = setup([
      { path: '/api/guides/naloxone?lang=sv&draft=true', answer: apiErrorOf(404) },
      { path: '/api/guides/naloxone/versions?lang=sv', answer: [] },
    ]);
    await store.load();
    expect(store.value).toMatchObject({ status: 'ready', latest: null, versions: [] });
    expect(store.baseVersion).toBe(0);
    expect(store.publishedVersion).toBeNull();
  });

  it('saves a new version based on the latest read, then shows it', async () => {
    const { store, remaining } = setup([
      ...LOAD_V1,
      {
        method: 'PUT',
        path: '/api/guides/naloxone',
        body: { lang: 'sv', title: 'Ny', body: 'Text', version: 1 },
        answer: { ...guide(2), published: false },
      },
      { path: '/api/guides/naloxone?lang=sv&draft=true', answer: guide(2) },
      { path: '/api/guides/naloxone/versions?lang=sv', answer: [summary(2), summary(1, true)] },
    ]);
    await store.load();

    await expect(store.save({ title: 'Ny', body: 'Text' })).resolves.toBe(true);

    expect(store.value).toMatchObject({
      status: 'ready',
      outcome: { kind: 'saved', version: 2 },
      latest: { version: 2 },
    });
    expect(store.publishedVersion).toBe(1);
    expect(remaining()).toBe(0);
  });

  it('reports a stale version as a conflict and keeps the latest it read', async () => {
    const { store } = setup([
      ...LOAD_V1,
      {
        method: 'PUT',
        path: '/api/guides/naloxone',
        answer: apiErrorOf(409, 'The Swedish guide is at version 2, not 1'),
      },
    ]);
    await store.load();
    await expect(store.save({ title: 'Ny', body: 'Text' })).resolves.toBe(false);
    expect(store.value.outcome).toEqual({
      kind: 'conflict',
      message: 'The Swedish guide is at version 2, not 1',
    });
    expect(store.baseVersion).toBe(1);
  });

  it('publishes a version, and a refusal to a non-signatory says so', async () => {
    const { store } = setup([
      ...LOAD_V1,
      {
        method: 'POST',
        path: '/api/guides/naloxone/publish',
        body: { lang: 'sv', version: 1 },
        answer: apiErrorOf(403, 'Only a signatory of a service publishes the guide'),
      },
    ]);
    await store.load();
    await store.publish(1);
    expect(store.value.outcome).toEqual({
      kind: 'forbidden',
      message: 'Only a signatory of a service publishes the guide',
    });
  });

  it("previews a version with the api's sanitised rendering", async () => {
    const preview = {
      key: 'naloxone',
      lang: 'sv',
      title: 'Naloxon v1',
      version: 1,
      publishedAt: null,
      html: '<p>&lt;script&gt;</p>',
    };
    const { store } = setup([
      ...LOAD_V1,
      { path: '/api/guides/naloxone/html?lang=sv&version=1', answer: preview },
    ]);
    await store.load();
    await store.showPreview(1);
    expect(store.value.preview).toEqual(preview);
    store.closePreview();
    expect(store.value.preview).toBeNull();
  });
});
