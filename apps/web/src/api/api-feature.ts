import { defineFeature } from '../session/feature-registry';
import { createSamverkanApi } from './samverkan-api';

/** The typed api of the signed-in session, shared by the features that read the map's data. */
export const samverkanApiFeature = defineFeature('api', ({ apiFetch }) => createSamverkanApi(apiFetch));
