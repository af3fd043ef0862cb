import { GUIDE_LANGS, type GuideLang } from '@samverkan/contracts';
import { ApiError, failureKindOf } from '../api/api-error';
import { Store } from '../state/store';
import type { CachedGuide, GuideCache } from './guide-cache';
import type { NaloxoneApi } from './naloxone-api';

export type GuideState =
  | { status: 'loading'; lang: GuideLang }
  /** `offline`: the copy saved on this phone is shown because the api could not be reached. */
  | { status: 'ready'; lang: GuideLang; guide: CachedGuide; offline: boolean }
  /** No guide has been published yet, in any language. */
  | { status: 'missing'; lang: GuideLang }
  /** Nothing to show: the api failed and no copy is saved. */
  | { status: 'error'; lang: GuideLang; failure: 'network' | 'server' };

/** A saved copy younger than this is not fetched again in the background. */
export const GUIDE_REFRESH_MS = 6 * 3_600_000;

const otherLanguage = (lang: GuideLang): GuideLang => GUIDE_LANGS.find((other) => other !== lang) ?? lang;

/**
 * The published naloxone guide for officers, in the reader's language (or the other one when that is all
 * there is). The saved copy shows at once; the api's answer replaces it and is saved for the next time.
 */
export class GuideStore extends Store<GuideState> {
  private run = 0;

  constructor(
    private readonly api: NaloxoneApi,
    private readonly cache: GuideCache,
    lang: GuideLang,
    private readonly now: () => Date = () => new Date(),
    /** The service worker answers from its cache when the network is down: that answer is no fresh copy. */
    private readonly isOnline: () => boolean = () => globalThis.navigator?.onLine ?? true,
  ) {
    const cached = cache.read(lang) ?? cache.readAny(lang);
    super(cached ? { status: 'ready', lang, guide: cached, offline: false } : { status: 'loading', lang });
  }

  async load(lang: GuideLang): Promise<void> {
    const run = ++this.run;
    const cached = this.cache.read(lang) ?? this.cache.readAny(lang);
    this.set(cached ? { status: 'ready', lang, guide: cached, offline: false } : { status: 'loading', lang });
    for (const candidate of [lang, otherLanguage(lang)]) {
      try {
        const answer = await this.api.guide.html(candidate);
        const offline = !this.isOnline();
        const saved = this.cache.read(candidate);
        const guide =
          offline && saved?.version === answer.version ? saved : this.cache.write(answer, this.now());
        if (run === this.run) this.set({ status: 'ready', lang, guide, offline });
        return;
      } catch (error) {
        if (run !== this.run) return;
        if (error instanceof ApiError && error.status === 404) {
          // Not published (any more) in this language: the saved copy must not outlive it.
          this.cache.remove(candidate);
          continue;
        }
        const failure = failureKindOf(error);
        const fallback = this.cache.read(lang) ?? this.cache.readAny(lang);
        this.set(
          fallback
            ? { status: 'ready', lang, guide: fallback, offline: failure === 'network' }
            : { status: 'error', lang, failure },
        );
        return;
      }
    }
    if (run === this.run) this.set({ status: 'missing', lang });
  }
}

/** Fetches the guide in the background when the saved copy is old or missing, so it is there offline later. */
export async function refreshSavedGuide(
  api: NaloxoneApi,
  cache: GuideCache,
  lang: GuideLang,
  now: Date = new Date(),
): Promise<void> {
  const cached = cache.read(lang);
  if (cached && now.getTime() - Date.parse(cached.savedAt) < GUIDE_REFRESH_MS) return;
  try {
    cache.write(await api.guide.html(lang), now);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) cache.remove(lang);
  }
}
