/**
 * Registers the service worker (apps/web/public/sw.js) that lets the app open without a connection, so the
 * saved naloxone guide stays readable. Only in a built app: the dev server's modules are not hashed assets.
 */
export function registerServiceWorker(browser: Window, enabled: boolean): void {
  const container = browser.navigator.serviceWorker;
  if (!enabled || !container) return;
  const register = () => {
    container.register('/sw.js', { scope: '/' }).catch(() => {
      // Without it the app still works online; only the offline start is lost.
    });
  };
  // After the page has loaded, so the first visit's own downloads come first.
  if (browser.document.readyState === 'complete') register();
  else browser.addEventListener('load', register, { once: true });
}
