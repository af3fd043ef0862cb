import type { ListedSite } from '@samverkan/contracts';

/** What a place search compares: lower case, accents and dashes as people type them without. */
function searchable(text: string, language: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2010-\u2015]/g, '-')
    .toLocaleLowerCase(language);
}

/**
 * The known sites whose name or address holds every word of `query`, best first (a name that starts with it,
 * then by name). The search for a place to put a new site: it needs no outside geocoder, so it works where
 * the base map and the internet cannot be reached (police networks).
 */
export function knownPlacesMatching(
  sites: Iterable<ListedSite>,
  query: string,
  language: string,
  limit = 6,
): ListedSite[] {
  const words = searchable(query, language).split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.join('').length < 2) return [];
  const found: { site: ListedSite; name: string }[] = [];
  for (const site of sites) {
    const name = searchable(site.properties.name, language);
    const text = `${name} ${searchable(site.properties.address ?? '', language)}`;
    if (words.every((word) => text.includes(word))) found.push({ site, name });
  }
  const first = words[0];
  return found
    .sort(
      (a, b) =>
        Number(b.name.startsWith(first)) - Number(a.name.startsWith(first)) ||
        a.site.properties.name.localeCompare(b.site.properties.name, language),
    )
    .slice(0, limit)
    .map(({ site }) => site);
}
