import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { BatchedSend, MessagesRepository, NewMessage } from './messages.repository';
import type { MessageRow } from './messaging.rows';

/** Sends stored by one statement at most: the arrays stay small and one slow batch does not hold many. */
const MAX_BATCH = 500;

interface Waiting {
  send: BatchedSend;
  resolve: (row: MessageRow | null) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for messages: sends that arrive while a batch is being stored wait and are stored together by the
 * next, in one transaction of one statement (MessagesRepository.insertBatch), so under load the database sees a
 * few statements per second instead of one transaction per message; alone, a send goes at once (the next turn of
 * the event loop). Each caller's promise settles only after its batch committed, with its own row, in the order
 * the sends arrived. One batch at a time on this instance: its seqs follow arrival order.
 *
 * A batch that fails (a database error, or a send the statement cannot take) is stored again one send at a
 * time, so a bad send fails alone and the others are still stored; sends are validated before they get here.
 */
@Injectable()
export class MessageBatcher {
  private queue: Waiting[] = [];
  private storing = false;
  private scheduled = false;

  constructor(private readonly messages: MessagesRepository) {}

  /** The stored message, or null when nothing was stored (a resend, a channel the author may not write to). */
  insert(author: AuthUser, message: NewMessage, now: Date): Promise<MessageRow | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ send: { author, message, now }, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.storing || this.scheduled) return;
    this.scheduled = true;
    // The next turn of the event loop: sends that arrived in the same read from the sockets go together.
    setImmediate(() => {
      this.scheduled = false;
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.storing = true;
    try {
      while (this.queue.length) await this.store(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.storing = false;
    }
  }

  private async store(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) return this.storeAlone(batch[0]);
    let rows: (MessageRow | null)[];
    try {
      rows = await this.messages.insertBatch(batch.map((waiting) => waiting.send));
    } catch {
      // Nothing of the batch was stored (one transaction): each send on its own, so only a bad one fails.
      await Promise.all(batch.map((waiting) => this.storeAlone(waiting)));
      return;
    }
    batch.forEach((waiting, i) => waiting.resolve(rows[i]));
  }

  private async storeAlone({ send, resolve, reject }: Waiting): Promise<void> {
    await this.messages.insert(send.author, send.message, send.now).then(resolve, reject);
  }
}
