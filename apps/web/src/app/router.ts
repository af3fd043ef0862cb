import { Store } from '../state/store';

/** The app's pages. The map is home; the rest hang off the hash, so a reload keeps the page. */
// Issue 8: 'reports' (`#/reports`, `#/reports?siteId=`) and 'naloxone' (`#/naloxone`) are the field report and naloxone pages.
// Issue 6: 'meetings' (`#/meetings`: the list, "my actions") and 'meeting' (`#/meetings/<id>`: one meeting on the map).
export type Route = 'map' | 'admin' | 'reports' | 'naloxone' | 'meetings' | 'meeting';

export interface AppLocation {
  route: Route;
  /** The meeting open on the 'meeting' route. */
  meetingId: string | null;
}

const MEETINGS_PREFIX = '#/meetings/';

/** Only `#/…` hashes are routes: `#main` (the skip link) must not leave the page. */
export function locationOf(hash: string): AppLocation | null {
  const at = (route: Route, meetingId: string | null = null): AppLocation => ({ route, meetingId });
  if (hash === '' || hash === '#' || hash === '#/') return at('map');
  if (!hash.startsWith('#/')) return null;
  if (hash === '#/reports' || hash.startsWith('#/reports?')) return at('reports');
  if (hash === '#/naloxone') return at('naloxone');
  if (hash === '#/meetings') return at('meetings');
  if (hash.startsWith(MEETINGS_PREFIX)) {
    const meetingId = decodeURIComponent(hash.slice(MEETINGS_PREFIX.length));
    return meetingId ? at('meeting', meetingId) : at('meetings');
  }
  return hash === '#/admin' ? at('admin') : at('map');
}

/** The link to one meeting's page. */
export function meetingHref(meetingId: string): string {
  return `${MEETINGS_PREFIX}${encodeURIComponent(meetingId)}`;
}

export class Router extends Store<AppLocation> {
  constructor(private readonly browser: Window) {
    super(locationOf(browser.location.hash) ?? { route: 'map', meetingId: null });
    browser.addEventListener('hashchange', this.onHashChange);
  }

  private readonly onHashChange = () => {
    const next = locationOf(this.browser.location.hash);
    if (next && (next.route !== this.value.route || next.meetingId !== this.value.meetingId)) this.set(next);
  };

  href(route: Exclude<Route, 'meeting'>): string {
    return route === 'map' ? '#/' : `#/${route}`;
  }

  dispose(): void {
    this.browser.removeEventListener('hashchange', this.onHashChange);
  }
}
