// Samverkan's service worker, built by vite-plugin-pwa (injectManifest): Workbox precaches the app shell the
// build lists, so the app opens with no network from the second visit on; the published naloxone guide stays
// readable offline; pushes (urgent alerts, direct messages) become notifications that open the app where they
// point. A new version waits until the user reloads from the app's banner (SKIP_WAITING), never under them.
// What it never does: keep the zone check's answer, whose URL is a position, or any other api answer.
import type { PushPayload } from '@samverkan/contracts';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { SW_MESSAGES } from './sw-messages';

// The few service worker types this file needs; the app's program is typed with the DOM library, not WebWorker's.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface PushEvent extends ExtendableEvent {
  readonly data: { json(): unknown } | null;
}
interface NotificationEvent extends ExtendableEvent {
  readonly notification: Notification;
}
interface WindowClient {
  readonly url: string;
  focus(): Promise<WindowClient>;
  navigate(url: string): Promise<WindowClient | null>;
}
interface ServiceWorkerScope {
  readonly location: Location;
  readonly registration: ServiceWorkerRegistration;
  readonly clients: {
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClient[]>;
    openWindow(url: string): Promise<WindowClient | null>;
    claim(): Promise<void>;
  };
  readonly __WB_MANIFEST: { url: string; revision: string | null }[];
  skipWaiting(): Promise<void>;
  addEventListener(type: 'push', listener: (event: PushEvent) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: NotificationEvent) => void): void;
  addEventListener(type: 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}
declare const self: ServiceWorkerScope;

/** The hand-written worker's caches, before Workbox: the shell's copy is Workbox's now. */
const OLD_SHELL_CACHE = 'samverkan-shell-v1';
const GUIDE_CACHE = 'samverkan-guide-v1';

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every browser path opens the precached shell (the app routes by itself); the api and sockets never do.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//, /^\/socket\.io\//] }),
);

function isPublishedGuide(url: URL): boolean {
  if (url.origin !== self.location.origin) return false;
  if (url.pathname !== '/api/guides/naloxone' && url.pathname !== '/api/guides/naloxone/html') return false;
  return !url.searchParams.has('draft') && !url.searchParams.has('version');
}

/** The published guide: the network first, the last copy when it cannot be reached. */
async function networkFirstGuide(request: Request): Promise<Response> {
  const cache = await caches.open(GUIDE_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    // A guide no longer published must not be served from the cache later.
    else if (response.status === 404) await cache.delete(request);
    return response;
  } catch (error) {
    // The guide is the same whatever the request's headers (the answers vary by Origin).
    const cached = await cache.match(request, { ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

registerRoute(({ url }) => isPublishedGuide(url), ({ request }) => networkFirstGuide(request), 'GET');

// The first version takes over the open page at once (it has nothing to replace); a later one gets here only when
// the user chose to reload into it.
self.addEventListener('activate', (event) => {
  event.waitUntil(Promise.all([caches.delete(OLD_SHELL_CACHE), self.clients.claim()]));
});

self.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown } | null;
  if (data?.type === SW_MESSAGES.skipWaiting) void self.skipWaiting();
});

function notificationOf(payload: PushPayload): { title: string; options: NotificationOptions } {
  const options = { tag: payload.tag, data: { url: payload.url }, icon: '/icons/icon-192.png' };
  switch (payload.kind) {
    case 'alert':
      return { title: payload.authorName, options: { ...options, body: payload.body, requireInteraction: true } };
    case 'direct':
      // A direct message's push carries who wrote, never the text.
      return { title: payload.authorName, options };
  }
}

self.addEventListener('push', (event) => {
  const payload = event.data?.json() as PushPayload | undefined;
  if (!payload || (payload.kind !== 'alert' && payload.kind !== 'direct')) return;
  const { title, options } = notificationOf(payload);
  event.waitUntil(self.registration.showNotification(title, options));
});

/** Opens the app at `path` (its own origin only): an open window is focused and moved there, else one opens. */
async function openApp(path: string): Promise<void> {
  const url = new URL(path, self.location.origin);
  const target = url.origin === self.location.origin ? url.href : self.location.origin + '/';
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
  if (!open) {
    await self.clients.openWindow(target);
    return;
  }
  const focused = await open.focus();
  if (focused.url !== target) await focused.navigate(target);
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data as { url?: unknown } | null;
  event.waitUntil(openApp(typeof data?.url === 'string' ? data.url : '/'));
});
