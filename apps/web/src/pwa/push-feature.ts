import { defineFeature } from '../session/feature-registry';
import { browserPushPlatform, PushSettingsStore } from './push-settings.store';

/** Push notifications for this device: the setting, and dropping the browser's subscription at sign-out. */
export const pushFeature = defineFeature('push', ({ apiFetch, browser, session, onDispose }) => {
  const push = new PushSettingsStore(apiFetch, browserPushPlatform(browser));
  onDispose(
    session.subscribe((state) => {
      if (state.status === 'signed-out') void push.forgetOnThisDevice();
    }),
  );
  return push;
});
