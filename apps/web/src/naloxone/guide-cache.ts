import { GUIDE_LANGS, type GuideHtml, type GuideLang } from '@samverkan/contracts';
import type { KeyValueStorage } from '../state/safe-storage';

// The last published guide read on this phone, kept in localStorage so an officer can still read it when
// the connection drops, after a reload too. It holds the api's sanitised HTML: the guide is the same for
// every officer and identifies no one.

export const GUIDE_CACHE_PREFIX = 'samverkan.naloxoneGuide.';

export interface CachedGuide extends GuideHtml {
  /** When this copy was fetched from the api. */
  savedAt: string;
}

const keyOf = (lang: GuideLang) => `${GUIDE_CACHE_PREFIX}${lang}`;

function isCachedGuide(value: unknown, lang: GuideLang): value is CachedGuide {
  const guide = value as Partial<CachedGuide> | null;
  return (
    typeof guide === 'object' &&
    guide !== null &&
    guide.key === 'naloxone' &&
    guide.lang === lang &&
    typeof guide.title === 'string' &&
    typeof guide.html === 'string' &&
    typeof guide.version === 'number' &&
    typeof guide.savedAt === 'string'
  );
}

export class GuideCache {
  constructor(private readonly storage: KeyValueStorage) {}

  read(lang: GuideLang): CachedGuide | null {
    const text = this.storage.get(keyOf(lang));
    if (!text) return null;
    try {
      const value: unknown = JSON.parse(text);
      return isCachedGuide(value, lang) ? value : null;
    } catch {
      return null;
    }
  }

  write(guide: GuideHtml, savedAt: Date): CachedGuide {
    const cached: CachedGuide = {
      key: guide.key,
      lang: guide.lang,
      title: guide.title,
      version: guide.version,
      publishedAt: guide.publishedAt,
      html: guide.html,
      savedAt: savedAt.toISOString(),
    };
    this.storage.set(keyOf(guide.lang), JSON.stringify(cached));
    return cached;
  }

  remove(lang: GuideLang): void {
    this.storage.remove(keyOf(lang));
  }

  clear(): void {
    for (const lang of GUIDE_LANGS) this.remove(lang);
  }

  /** The first language with a saved copy, preferred one first. */
  readAny(preferred: GuideLang): CachedGuide | null {
    for (const lang of [preferred, ...GUIDE_LANGS.filter((other) => other !== preferred)]) {
      const cached = this.read(lang);
      if (cached) return cached;
    }
    return null;
  }
}
