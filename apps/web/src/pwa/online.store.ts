import { defineAppFeature } from '../session/feature-registry';
import { Store } from '../state/store';

/**
 * Whether the phone has a network at all (the browser's `online`/`offline`), besides whether the live connection
 * is up: offline is a state the app shows and works in (the check, the saved guide, the outbox).
 */
export class OnlineStore extends Store<boolean> {
  constructor(browser: Window) {
    super(browser.navigator.onLine);
    browser.addEventListener('online', () => this.set(true));
    browser.addEventListener('offline', () => this.set(false));
  }
}

export const onlineFeature = defineAppFeature('online', ({ browser }) => new OnlineStore(browser));
