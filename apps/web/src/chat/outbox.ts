import type { MessagePriority } from '@samverkan/contracts';
import type { KeyValueStorage } from '../state/safe-storage';
import { Store } from '../state/store';
import { newClientId } from './client-id';

/** A message typed but not yet confirmed stored by the server. */
export interface OutboxEntry {
  /** The `clientId` sent with every attempt: the server stores a message once per author and clientId. */
  clientId: string;
  channelId: string;
  body: string;
  priority: MessagePriority;
  createdAt: string;
  /** `failed`: the server refused it (not a connection problem); it waits for the user to retry or discard it. */
  state: 'sending' | 'failed';
  /** Why it failed, as a code (a reason code or the ack's error code), put in words when shown. */
  error: string | null;
}

const PREFIX = 'samverkan.outbox.';

function isEntry(value: unknown): value is OutboxEntry {
  const entry = value as Partial<OutboxEntry> | null;
  return (
    typeof entry?.clientId === 'string' &&
    typeof entry.channelId === 'string' &&
    typeof entry.body === 'string' &&
    (entry.priority === 'normal' || entry.priority === 'urgent') &&
    typeof entry.createdAt === 'string'
  );
}

/**
 * The messages a user has sent that the server has not acknowledged, in localStorage (per user), so that a
 * dropped connection, a server restart or a reload loses nothing. Entries leave only when the server has
 * acknowledged them, or when the user discards a refused one.
 */
export class Outbox extends Store<readonly OutboxEntry[]> {
  private readonly key: string;

  constructor(
    private readonly storage: KeyValueStorage,
    userId: string,
    private readonly newId: () => string = newClientId,
    private readonly now: () => Date = () => new Date(),
  ) {
    const key = PREFIX + userId;
    super(Outbox.read(storage, key));
    this.key = key;
  }

  private static read(storage: KeyValueStorage, key: string): OutboxEntry[] {
    try {
      const saved: unknown = JSON.parse(storage.get(key) ?? '[]');
      return Array.isArray(saved)
        ? saved.filter(isEntry).map((entry) => ({
            ...entry,
            state: entry.state === 'failed' ? 'failed' : 'sending',
            error: entry.error ?? null,
          }))
        : [];
    } catch {
      return [];
    }
  }

  add(channelId: string, body: string, priority: MessagePriority): OutboxEntry {
    const entry: OutboxEntry = {
      clientId: this.newId(),
      channelId,
      body,
      priority,
      createdAt: this.now().toISOString(),
      state: 'sending',
      error: null,
    };
    this.save([...this.value, entry]);
    return entry;
  }

  /** The entries to send, oldest first. */
  get pending(): OutboxEntry[] {
    return this.value.filter((entry) => entry.state === 'sending');
  }

  forChannel(channelId: string): OutboxEntry[] {
    return this.value.filter((entry) => entry.channelId === channelId);
  }

  /** The server has the message. */
  delivered(clientId: string): void {
    if (this.value.some((entry) => entry.clientId === clientId)) {
      this.save(this.value.filter((entry) => entry.clientId !== clientId));
    }
  }

  failed(clientId: string, error: string): void {
    this.save(
      this.value.map((entry) => (entry.clientId === clientId ? { ...entry, state: 'failed', error } : entry)),
    );
  }

  /** Try a refused message again (same clientId: if it did get stored, no second copy is made). */
  retry(clientId: string): void {
    this.save(
      this.value.map((entry) =>
        entry.clientId === clientId ? { ...entry, state: 'sending', error: null } : entry,
      ),
    );
  }

  discard(clientId: string): void {
    this.delivered(clientId);
  }

  private save(entries: OutboxEntry[]): void {
    if (entries.length === 0) this.storage.remove(this.key);
    else this.storage.set(this.key, JSON.stringify(entries));
    this.set(entries);
  }
}
