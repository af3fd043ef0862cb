import type { Guide, GuideHtml, GuideLang, GuideVersionSummary } from '@samverkan/contracts';
import { ApiError } from '../api/api-error';
import { Store } from '../state/store';
import type { NaloxoneApi } from './naloxone-api';

export type GuideEditorOutcome =
  | { kind: 'saved'; version: number }
  | { kind: 'published'; version: number }
  /** Someone saved a newer version since this one was read: the writer's text stays in the form. */
  | { kind: 'conflict'; message: string }
  | { kind: 'invalid'; error: ApiError }
  | { kind: 'forbidden'; message: string }
  | { kind: 'failed'; failure: 'network' | 'server' };

export interface GuideEditorState {
  lang: GuideLang;
  status: 'loading' | 'ready' | 'error';
  /** The newest version, published or not; null before the first one is written. */
  latest: Guide | null;
  /** Newest first. */
  versions: GuideVersionSummary[];
  busy: 'saving' | 'publishing' | null;
  outcome: GuideEditorOutcome | null;
  /** A version as officers would see it, rendered by the api. */
  preview: GuideHtml | null;
}

function outcomeOf(error: unknown): GuideEditorOutcome {
  if (error instanceof ApiError) {
    if (error.status === 409) return { kind: 'conflict', message: error.message };
    if (error.status === 400) return { kind: 'invalid', error };
    if (error.status === 403) return { kind: 'forbidden', message: error.message };
    if (error.isNetworkError) return { kind: 'failed', failure: 'network' };
  }
  return { kind: 'failed', failure: 'server' };
}

/**
 * Writing the guide (service staff and coordinators) and publishing it (a service signatory). Every save is
 * a new version, based on the version the writer read; the api refuses a stale one with 409.
 */
export class GuideEditorStore extends Store<GuideEditorState> {
  private run = 0;

  constructor(
    private readonly api: NaloxoneApi,
    lang: GuideLang,
  ) {
    super({ lang, status: 'loading', latest: null, versions: [], busy: null, outcome: null, preview: null });
  }

  /** The version the next save is based on. */
  get baseVersion(): number {
    return this.value.latest?.version ?? 0;
  }

  get publishedVersion(): number | null {
    return this.value.versions.find((version) => version.published)?.version ?? null;
  }

  /** `keepOutcome`: after a save or publication, whose message stays while the versions reload. */
  async load(lang: GuideLang = this.value.lang, keepOutcome = false): Promise<void> {
    const run = ++this.run;
    this.set({
      ...this.value,
      lang,
      status: 'loading',
      outcome: keepOutcome ? this.value.outcome : null,
      preview: null,
    });
    try {
      const [latest, versions] = await Promise.all([
        this.api.guide.get(lang, 'latest').catch((error: unknown) => {
          if (error instanceof ApiError && error.status === 404) return null;
          throw error;
        }),
        this.api.guide.versions(lang),
      ]);
      if (run === this.run) this.set({ ...this.value, status: 'ready', latest, versions });
    } catch (error) {
      if (run === this.run) this.set({ ...this.value, status: 'error', outcome: outcomeOf(error) });
    }
  }

  /** Saves the text as a new draft version; on success the form continues from it. */
  async save(text: { title: string; body: string }): Promise<boolean> {
    if (this.value.busy) return false;
    const { lang } = this.value;
    this.set({ ...this.value, busy: 'saving', outcome: null });
    try {
      const draft = await this.api.guide.save({
        lang,
        title: text.title,
        body: text.body,
        version: this.baseVersion,
      });
      this.set({ ...this.value, busy: null, outcome: { kind: 'saved', version: draft.version } });
      await this.load(lang, true);
      return true;
    } catch (error) {
      this.set({ ...this.value, busy: null, outcome: outcomeOf(error) });
      return false;
    }
  }

  async publish(version: number): Promise<boolean> {
    if (this.value.busy) return false;
    const { lang } = this.value;
    this.set({ ...this.value, busy: 'publishing', outcome: null });
    try {
      await this.api.guide.publish(lang, version);
      this.set({ ...this.value, busy: null, outcome: { kind: 'published', version } });
      await this.load(lang, true);
      return true;
    } catch (error) {
      this.set({ ...this.value, busy: null, outcome: outcomeOf(error) });
      return false;
    }
  }

  async showPreview(version: number): Promise<void> {
    try {
      const preview = await this.api.guide.html(this.value.lang, version);
      this.set({ ...this.value, preview });
    } catch (error) {
      this.set({ ...this.value, outcome: outcomeOf(error) });
    }
  }

  closePreview(): void {
    this.set({ ...this.value, preview: null });
  }
}
