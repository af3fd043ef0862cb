import { HOME, locationOf, type AppLocation, type Route } from '../state/routes';
import { Store } from '../state/store';

/** The current page, from the hash; changes when the hash does. */
export class Router extends Store<AppLocation> {
  constructor(private readonly browser: Window) {
    super(locationOf(browser.location.hash) ?? HOME);
    browser.addEventListener('hashchange', this.onHashChange);
  }

  private readonly onHashChange = () => {
    const next = locationOf(this.browser.location.hash);
    const current = this.value;
    if (
      next &&
      (next.route !== current.route ||
        next.meetingId !== current.meetingId ||
        next.siteId !== current.siteId ||
        next.channelId !== current.channelId ||
        next.zoneId !== current.zoneId)
    )
      this.set(next);
  };

  href(route: Exclude<Route, 'meeting'>): string {
    return route === 'map' ? '#/' : `#/${route}`;
  }

  /** Leaves a one-time link (`#/chat/<id>`, `#/zones/<id>`) for the plain map, without a new history entry. */
  settle(): void {
    this.browser.history.replaceState(null, '', '#/');
    this.set(HOME);
  }

  dispose(): void {
    this.browser.removeEventListener('hashchange', this.onHashChange);
  }
}
