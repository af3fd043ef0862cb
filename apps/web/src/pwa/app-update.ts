import { Workbox } from 'workbox-window';
import { defineAppFeature } from '../session/feature-registry';
import { Store } from '../state/store';

export type AppUpdateState = { status: 'current' } | { status: 'ready' } | { status: 'reloading' };

/**
 * The service worker (apps/web/src/pwa/sw.ts, built to /sw.js) and its updates. A new version installs in the
 * background and waits: the app shows "A new version is ready: Reload" and switches only when the user says so,
 * never under an officer in the middle of a check or a message.
 */
export class AppUpdateStore extends Store<AppUpdateState> {
  private worker: Workbox | null = null;

  constructor(private readonly browser: Window) {
    super({ status: 'current' });
  }

  /** Only in a built app: the dev server's modules are not the precached files. */
  register(enabled: boolean): void {
    if (!enabled || !this.browser.navigator.serviceWorker) return;
    const worker = new Workbox('/sw.js', { scope: '/' });
    this.worker = worker;
    worker.addEventListener('waiting', () => this.set({ status: 'ready' }));
    // The new version took over because the user asked: load the page it serves.
    worker.addEventListener('controlling', () => {
      if (this.value.status === 'reloading') this.browser.location.reload();
    });
    // After the page has loaded, so the first visit's own downloads come first.
    const register = () => {
      worker.register().catch(() => {
        // Without it the app still works online; only the offline start is lost.
      });
    };
    if (this.browser.document.readyState === 'complete') register();
    else this.browser.addEventListener('load', register, { once: true });
  }

  reload(): void {
    if (this.value.status !== 'ready' || !this.worker) return;
    this.set({ status: 'reloading' });
    this.worker.messageSkipWaiting();
  }
}

export const appUpdateFeature = defineAppFeature('app update', ({ browser }) => new AppUpdateStore(browser));
