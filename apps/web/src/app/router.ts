import { Store } from '../state/store';

/** The app's pages. The map is home; the rest hang off the hash, so a reload keeps the page. */
// Issue 8: 'reports' (`#/reports`, `#/reports?siteId=`) and 'naloxone' (`#/naloxone`) are the field report and naloxone pages.
export type Route = 'map' | 'admin' | 'reports' | 'naloxone';

/** Only `#/…` hashes are routes: `#main` (the skip link) must not leave the page. */
function routeOf(hash: string): Route | null {
  if (hash === '' || hash === '#' || hash === '#/') return 'map';
  if (!hash.startsWith('#/')) return null;
  if (hash === '#/reports' || hash.startsWith('#/reports?')) return 'reports';
  if (hash === '#/naloxone') return 'naloxone';
  return hash === '#/admin' ? 'admin' : 'map';
}

export class Router extends Store<Route> {
  constructor(private readonly browser: Window) {
    super(routeOf(browser.location.hash) ?? 'map');
    browser.addEventListener('hashchange', this.onHashChange);
  }

  private readonly onHashChange = () => {
    const route = routeOf(this.browser.location.hash);
    if (route) this.set(route);
  };

  href(route: Route): string {
    return route === 'map' ? '#/' : `#/${route}`;
  }

  dispose(): void {
    this.browser.removeEventListener('hashchange', this.onHashChange);
  }
}
