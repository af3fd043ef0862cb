import { samverkanApiFeature } from '../api/api-feature';
import { escalationFeature } from '../escalation/escalation-feature';
import { defineFeature } from '../session/feature-registry';
import { ChatStore } from './chat.store';

/** The channels, messages and alerts of the signed-in user, started at once (alerts must reach every page). */
export const chatFeature = defineFeature('chat', ({ use, socket, storage, user, browser, onDispose }) => {
  const pageVisible = () => browser.document.visibilityState === 'visible';
  const chat = new ChatStore(use(samverkanApiFeature), socket, storage, user.id, pageVisible);
  const onVisibility = () => pageVisible() && chat.pageShown();
  browser.document.addEventListener('visibilitychange', onVisibility);
  onDispose(() => browser.document.removeEventListener('visibilitychange', onVisibility));
  chat.start();
  // Started with the alerts: an escalated `alert` must find its listener before any banner shows it.
  use(escalationFeature);
  return chat;
});
