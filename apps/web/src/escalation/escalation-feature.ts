import { samverkanApiFeature } from '../api/api-feature';
import { defineFeature } from '../session/feature-registry';
import { EscalationStore } from './escalation.store';

/** Escalation policies and the live escalation of alerts, for the signed-in user. */
export const escalationFeature = defineFeature('escalation', ({ use, socket }) => {
  const escalation = new EscalationStore(use(samverkanApiFeature), socket);
  escalation.start();
  return escalation;
});
