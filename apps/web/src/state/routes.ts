/** The app's pages. The map is home; the rest hang off the hash, so a reload keeps the page. */
// 'reports' (`#/reports`, `#/reports?siteId=`) and 'naloxone' (`#/naloxone`) are the field report and naloxone pages.
// 'meetings' (`#/meetings`: the list, "my actions") and 'meeting' (`#/meetings/<id>`: one meeting on the map).
// `#/chat/<id>` is the map with that channel open (where a tapped push notification leads); `#/zones/<id>` the map
// with that zone's details open (where a tapped "comes into force" notice leads).
export type Route = 'map' | 'admin' | 'reports' | 'naloxone' | 'meetings' | 'meeting';

export interface AppLocation {
  route: Route;
  /** The meeting open on the 'meeting' route. */
  meetingId: string | null;
  /** The site the 'reports' route is filtered to (`#/reports?siteId=`). */
  siteId: string | null;
  /** The channel to open beside the map (`#/chat/<id>`). */
  channelId: string | null;
  /** The zone to open beside the map (`#/zones/<id>`). */
  zoneId: string | null;
}

const MEETINGS_PREFIX = '#/meetings/';
const REPORTS_ROUTE = '#/reports';
const CHAT_PREFIX = '#/chat/';
const ZONE_PREFIX = '#/zones/';
export const HOME: AppLocation = { route: 'map', meetingId: null, siteId: null, channelId: null, zoneId: null };

/** Only `#/…` hashes are routes: `#main` (the skip link) must not leave the page. */
export function locationOf(hash: string): AppLocation | null {
  const at = (route: Route, ids: Partial<AppLocation> = {}): AppLocation => ({ ...HOME, route, ...ids });
  if (hash === '' || hash === '#' || hash === '#/') return at('map');
  if (!hash.startsWith('#/')) return null;
  if (hash === REPORTS_ROUTE || hash.startsWith(`${REPORTS_ROUTE}?`)) {
    const query = new URLSearchParams(hash.slice(REPORTS_ROUTE.length + 1));
    return at('reports', { siteId: query.get('siteId') || null });
  }
  if (hash.startsWith(CHAT_PREFIX)) {
    return at('map', { channelId: decodeURIComponent(hash.slice(CHAT_PREFIX.length)) || null });
  }
  if (hash.startsWith(ZONE_PREFIX)) {
    return at('map', { zoneId: decodeURIComponent(hash.slice(ZONE_PREFIX.length)) || null });
  }
  if (hash === '#/naloxone') return at('naloxone');
  if (hash === '#/meetings') return at('meetings');
  if (hash.startsWith(MEETINGS_PREFIX)) {
    const meetingId = decodeURIComponent(hash.slice(MEETINGS_PREFIX.length));
    return meetingId ? at('meeting', { meetingId }) : at('meetings');
  }
  return hash === '#/admin' ? at('admin') : at('map');
}

/** The link to the field reports page, filtered to one site when given. */
export function reportsHref(siteId: string | null = null): string {
  return siteId ? `${REPORTS_ROUTE}?siteId=${encodeURIComponent(siteId)}` : REPORTS_ROUTE;
}

/** The link to one meeting's page. */
export function meetingHref(meetingId: string): string {
  return `${MEETINGS_PREFIX}${encodeURIComponent(meetingId)}`;
}

/** The link to a channel beside the map (what a push notification about it opens). */
export function channelHref(channelId: string): string {
  return `${CHAT_PREFIX}${encodeURIComponent(channelId)}`;
}

/** The link to a zone's details beside the map (what a "comes into force" notice opens). */
export function zoneHref(zoneId: string): string {
  return `${ZONE_PREFIX}${encodeURIComponent(zoneId)}`;
}
