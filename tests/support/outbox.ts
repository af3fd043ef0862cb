import { randomUUID } from 'node:crypto';
import type { Ack, Message, MessagePriority } from '@samverkan/contracts';
import type { ClientSocket } from './sockets';

interface Entry {
  channelId: string;
  clientId: string;
  body: string;
  priority: MessagePriority;
}

/**
 * What a real client does to never lose a message: each message gets its clientId once, stays in the outbox
 * until the server acknowledges it, and is sent again (same clientId) after every reconnection, after an
 * acknowledgement that did not come in time, and after `rate_limited`.
 */
export class Outbox {
  readonly pending = new Map<string, Entry>();
  readonly stored = new Map<string, Message>();
  /** Acknowledgements per clientId, to show that resends answered the stored message. */
  readonly answers = new Map<string, Message[]>();
  readonly refused: { clientId: string; code: string }[] = [];
  sends = 0;
  private readonly onDrained = new Set<() => void>();

  constructor(
    private readonly socket: ClientSocket,
    private readonly ackTimeoutMs = 3000,
  ) {
    socket.on('connect', () => this.flush());
  }

  add(channelId: string, body: string, priority: MessagePriority = 'normal'): string {
    const entry = { channelId, clientId: randomUUID(), body, priority };
    this.pending.set(entry.clientId, entry);
    if (this.socket.connected) this.send(entry);
    return entry.clientId;
  }

  /** Resolves when every message has been acknowledged as stored (or refused for good). */
  drained(timeoutMs: number): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.onDrained.delete(done);
        resolve();
      };
      const timer = setTimeout(() => {
        this.onDrained.delete(done);
        reject(new Error(`${this.pending.size} messages still unacknowledged after ${timeoutMs} ms`));
      }, timeoutMs);
      this.onDrained.add(done);
    });
  }

  private settled(clientId: string): void {
    this.pending.delete(clientId);
    if (this.pending.size === 0) for (const done of [...this.onDrained]) done();
  }

  private flush(): void {
    for (const entry of this.pending.values()) this.send(entry);
  }

  private send(entry: Entry): void {
    this.sends += 1;
    const payload = {
      channelId: entry.channelId,
      clientId: entry.clientId,
      body: entry.body,
      priority: entry.priority,
    };
    this.socket
      .timeout(this.ackTimeoutMs)
      .emit('message:send', payload, (error: Error | null, ack: Ack<{ message: Message }>) => {
        if (!this.pending.has(entry.clientId)) return;
        if (error) {
          // No answer in time: if still connected, try again; otherwise the reconnection flushes it.
          if (this.socket.connected) this.send(entry);
          return;
        }
        if (ack.ok) {
          this.answers.set(entry.clientId, [...(this.answers.get(entry.clientId) ?? []), ack.message]);
          this.stored.set(entry.clientId, ack.message);
          this.settled(entry.clientId);
        } else if (ack.error.code === 'rate_limited' || ack.error.code === 'internal') {
          setTimeout(
            () => this.socket.connected && this.pending.has(entry.clientId) && this.send(entry),
            1000,
          );
        } else {
          this.refused.push({ clientId: entry.clientId, code: ack.error.code });
          this.settled(entry.clientId);
        }
      });
  }
}
