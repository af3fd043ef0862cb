import { createHash } from 'node:crypto';

/** The fixed account that signs automatic notices (created by a migration; disabled, cannot sign in). */
export const SYSTEM_AUTHOR = {
  userId: '00000000-0000-4000-8000-00000000a001',
  organisationId: '00000000-0000-4000-8000-00000000a000',
  organisationName: 'Samverkan (automatiska meddelanden)',
  email: 'system@samverkan.invalid',
  displayName: 'Samverkan',
} as const;

/**
 * The same notice key always gives the same clientId, so the messages' UNIQUE (author, clientId) makes
 * posting a notice idempotent across reruns and instances.
 */
export function clientIdForNoticeKey(key: string): string {
  const hex = createHash('sha256').update(`samverkan-notice:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
