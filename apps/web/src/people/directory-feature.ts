import { samverkanApiFeature } from '../api/api-feature';
import { defineFeature } from '../session/feature-registry';
import { DirectoryStore } from './directory.store';

/** Colleagues and organisations by id, read once at sign-in. */
export const directoryFeature = defineFeature('directory', ({ use }) => {
  const directory = new DirectoryStore(use(samverkanApiFeature));
  void directory.load().catch(() => undefined);
  return directory;
});
