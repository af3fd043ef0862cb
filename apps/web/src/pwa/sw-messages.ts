/** The messages the page sends its service worker (apps/web/src/pwa/sw.ts). */
export const SW_MESSAGES = {
  /** The user chose to reload into the waiting version. */
  skipWaiting: 'SKIP_WAITING',
} as const;
