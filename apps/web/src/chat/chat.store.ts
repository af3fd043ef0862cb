import type { AlertAck, Channel, ChannelUpdate, Message, MessagePriority } from '@samverkan/contracts';
import type { SamverkanApi } from '../api/samverkan-api';
import { SocketRequestError, type SocketClient } from '../api/socket-client';
import type { KeyValueStorage } from '../state/safe-storage';
import { Store } from '../state/store';
import { Outbox } from './outbox';

/** Whether a channel's older messages have been read from the server. */
export type HistoryState = 'loading' | 'partial' | 'complete' | 'error';

export interface ChatState {
  status: 'loading' | 'ready' | 'error';
  channels: readonly Channel[];
  /** Per channel, in `seq` order, each message once. */
  messages: ReadonlyMap<string, readonly Message[]>;
  history: ReadonlyMap<string, HistoryState>;
  /** The channel on screen, whose messages count as read. */
  openChannelId: string | null;
  /** Urgent messages from others that this user has not acknowledged, oldest first. */
  alerts: readonly Message[];
  /** Who has acknowledged each urgent message. */
  acks: ReadonlyMap<string, readonly AlertAck[]>;
}

export type ChatSocket = Pick<SocketClient, 'request' | 'on' | 'onConnect' | 'connected'>;

const PAGE = 50;
const RETRY_MS = 5000;

function bySeq(a: Message, b: Message): number {
  return a.seq - b.seq;
}

/**
 * The user's channels, their messages and unread counts, urgent alerts and the outbox. Messages arrive from
 * three places (the join answer, `message:new`, the history api) and are kept by id, so any overlap is harmless.
 * On every (re)connection the channels are joined again from the last seq seen, and the outbox is sent again.
 */
export class ChatStore extends Store<ChatState> {
  readonly outbox: Outbox;
  private readonly unsubscribers: (() => void)[] = [];
  private flushing = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly ackRequests = new Set<string>();
  private disposed = false;

  constructor(
    private readonly api: SamverkanApi,
    private readonly socket: ChatSocket,
    storage: KeyValueStorage,
    private readonly userId: string,
    /** True while the user can see the page (messages on screen then count as read). */
    private readonly pageVisible: () => boolean = () => true,
  ) {
    super({
      status: 'loading',
      channels: [],
      messages: new Map(),
      history: new Map(),
      openChannelId: null,
      alerts: [],
      acks: new Map(),
    });
    this.outbox = new Outbox(storage, userId);
  }

  start(): void {
    const on = this.unsubscribers.push.bind(this.unsubscribers);
    on(this.socket.on('message:new', (message) => this.received(message)));
    on(
      this.socket.on('message:read', ({ channelId, userId, seq }) =>
        this.readElsewhere(channelId, userId, seq),
      ),
    );
    on(this.socket.on('alert', (message) => this.alerted(message)));
    on(
      this.socket.on('alert:pending', ({ alerts }) =>
        this.set({ ...this.value, alerts: alerts.filter((alert) => alert.authorId !== this.userId) }),
      ),
    );
    on(this.socket.on('alert:acked', (ack) => this.acked(ack)));
    on(this.socket.on('channel:updated', (channel) => this.channelUpdated(channel)));
    on(this.socket.on('channel:removed', ({ id }) => this.channelRemoved(id)));
    on(this.socket.onConnect(() => void this.connected()));
    // The channel list also comes over HTTP, so it shows while the socket is still connecting.
    void this.loadChannels().catch(() => undefined);
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribers.splice(0).forEach((unsubscribe) => unsubscribe());
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  get unreadTotal(): number {
    return this.value.channels.reduce((total, channel) => total + channel.unread, 0);
  }

  channel(channelId: string): Channel | undefined {
    return this.value.channels.find((channel) => channel.id === channelId);
  }

  /** The channel of a site or zone, if the user can see it. */
  channelFor(kind: 'site' | 'zone', refId: string): Channel | undefined {
    return this.value.channels.find((channel) => channel.kind === kind && channel.refId === refId);
  }

  messagesOf(channelId: string): readonly Message[] {
    return this.value.messages.get(channelId) ?? [];
  }

  async loadChannels(): Promise<void> {
    try {
      const channels = await this.api.channels.list();
      this.set({ ...this.value, status: 'ready', channels });
    } catch (error) {
      if (this.value.status === 'loading') this.set({ ...this.value, status: 'error' });
      throw error;
    }
  }

  /** Shows a channel (null: none): loads its latest messages if needed and marks them read. */
  open(channelId: string | null): void {
    if (this.value.openChannelId === channelId) {
      if (channelId) this.markRead(channelId);
      return;
    }
    this.set({ ...this.value, openChannelId: channelId });
    if (!channelId) return;
    if (!this.value.history.has(channelId) || this.value.history.get(channelId) === 'error') {
      void this.loadLatest(channelId);
    } else {
      this.markRead(channelId);
    }
  }

  /** The page became visible again: what is on screen is now read. */
  pageShown(): void {
    if (this.value.openChannelId) this.markRead(this.value.openChannelId);
  }

  async loadOlder(channelId: string): Promise<void> {
    const first = this.messagesOf(channelId)[0];
    if (!first || this.value.history.get(channelId) !== 'partial') return;
    this.setHistory(channelId, 'loading');
    try {
      const older = await this.api.channels.messages(channelId, { beforeSeq: first.seq, limit: PAGE });
      this.addMessages(channelId, older);
      this.setHistory(channelId, older.length < PAGE || older[0]?.seq === 1 ? 'complete' : 'partial');
    } catch {
      this.setHistory(channelId, 'partial');
      throw new Error('older messages could not be loaded');
    }
  }

  /** Puts the message in the outbox and sends it when it can; it stays there until the server has it. */
  send(channelId: string, body: string, priority: MessagePriority = 'normal'): void {
    this.outbox.add(channelId, body, priority);
    void this.flush();
  }

  retry(clientId: string): void {
    this.outbox.retry(clientId);
    void this.flush();
  }

  discard(clientId: string): void {
    this.outbox.discard(clientId);
  }

  async acknowledge(messageId: string): Promise<void> {
    await this.socket.request('alert:ack', { messageId });
    this.set({ ...this.value, alerts: this.value.alerts.filter((alert) => alert.id !== messageId) });
  }

  /** Direct messages: the channel with another user (the server returns the existing one if there is one). */
  async directChannel(userId: string): Promise<Channel> {
    const channel = await this.api.channels.create({ kind: 'direct', userId });
    this.channelUpdated(channel, channel.unread);
    if (this.socket.connected) void this.join(channel.id).catch(() => undefined);
    return channel;
  }

  /** Reads who has acknowledged an urgent message (live changes then come with `alert:acked`). */
  loadAcks(message: Message): void {
    if (message.priority !== 'urgent' || this.ackRequests.has(message.id)) return;
    // An alert escalated to someone outside its channel: they may not read the channel's acks (its escalation says who acknowledged).
    if (this.value.status === 'ready' && !this.channel(message.channelId)) return;
    this.ackRequests.add(message.id);
    this.api.channels.acknowledgements(message.channelId, message.id).then(
      (acks) => acks.forEach((ack) => this.acked(ack)),
      () => this.ackRequests.delete(message.id),
    );
  }

  // --- connection -------------------------------------------------------------------------------------

  private async connected(): Promise<void> {
    void this.flush();
    try {
      await this.loadChannels();
    } catch {
      // The join answers below still bring the missed messages.
    }
    await Promise.all(
      this.value.channels
        .filter((channel) => !channel.archived)
        .map((channel) => this.join(channel.id).catch(() => undefined)),
    );
    if (this.value.openChannelId) this.markRead(this.value.openChannelId);
  }

  /** Joins a channel's room, asking for everything after the last message seen (nothing, if none was loaded). */
  private async join(channelId: string): Promise<void> {
    const known = this.messagesOf(channelId);
    const sinceSeq = known.length > 0 ? known[known.length - 1].seq : (this.channel(channelId)?.lastSeq ?? 0);
    const { messages, lastSeq } = await this.socket.request('channel:join', { channelId, sinceSeq });
    if (this.value.history.has(channelId)) this.addMessages(channelId, messages);
    this.updateChannel(channelId, (channel) => ({ ...channel, lastSeq: Math.max(channel.lastSeq, lastSeq) }));
    // More than the join answers was missed: read the rest over HTTP.
    const newest = this.messagesOf(channelId).at(-1)?.seq ?? 0;
    if (this.value.history.has(channelId) && lastSeq > newest) void this.loadLatest(channelId);
  }

  // --- sending ----------------------------------------------------------------------------------------

  private async flush(): Promise<void> {
    if (this.flushing || this.disposed) return;
    this.flushing = true;
    try {
      for (let entry = this.outbox.pending[0]; entry; entry = this.outbox.pending[0]) {
        try {
          const { message } = await this.socket.request('message:send', {
            channelId: entry.channelId,
            clientId: entry.clientId,
            body: entry.body,
            priority: entry.priority,
          });
          this.outbox.delivered(entry.clientId);
          this.received(message);
        } catch (error) {
          if (error instanceof SocketRequestError && error.isTransient) {
            // Sent again on the next connection, or after a pause if the connection stays up.
            if (error.code !== 'not_connected') this.scheduleRetry();
            return;
          }
          // The code, not the server's English: the view says it in the user's language.
          this.outbox.failed(
            entry.clientId,
            error instanceof SocketRequestError ? (error.reason ?? error.code) : 'internal',
          );
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.disposed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, RETRY_MS);
  }

  // --- receiving --------------------------------------------------------------------------------------

  private received(message: Message): void {
    const channel = this.channel(message.channelId);
    const isNew =
      !this.messagesOf(message.channelId).some((known) => known.id === message.id) &&
      (!channel || message.seq > channel.lastSeq);
    this.addMessages(message.channelId, [message]);
    if (message.authorId === this.userId) this.outbox.delivered(message.clientId);
    this.updateChannel(message.channelId, (current) => ({
      ...current,
      lastSeq: Math.max(current.lastSeq, message.seq),
      unread:
        isNew && message.authorId !== this.userId && !this.isReading(message.channelId)
          ? current.unread + 1
          : current.unread,
    }));
    if (!channel) void this.loadChannels().catch(() => undefined);
    if (this.isReading(message.channelId)) this.markRead(message.channelId);
    if (message.priority === 'urgent') this.loadAcks(message);
  }

  private alerted(message: Message): void {
    this.received(message);
    if (message.authorId === this.userId || this.value.alerts.some((alert) => alert.id === message.id))
      return;
    const acked = (this.value.acks.get(message.id) ?? []).some((ack) => ack.userId === this.userId);
    if (!acked) this.set({ ...this.value, alerts: [...this.value.alerts, message] });
  }

  private acked(ack: AlertAck): void {
    const known = this.value.acks.get(ack.messageId) ?? [];
    const acks = new Map(this.value.acks);
    if (!known.some((existing) => existing.userId === ack.userId)) acks.set(ack.messageId, [...known, ack]);
    const alerts =
      ack.userId === this.userId
        ? this.value.alerts.filter((alert) => alert.id !== ack.messageId)
        : this.value.alerts;
    this.set({ ...this.value, acks, alerts });
  }

  private readElsewhere(channelId: string, userId: string, seq: number): void {
    if (userId !== this.userId) return;
    const channel = this.channel(channelId);
    if (!channel || channel.unread === 0) return;
    if (seq >= channel.lastSeq) this.updateChannel(channelId, (current) => ({ ...current, unread: 0 }));
    else
      void this.api.channels.get(channelId).then(
        (fresh) => this.channelUpdated(fresh, fresh.unread),
        () => undefined,
      );
  }

  private channelUpdated(update: ChannelUpdate, unread?: number): void {
    const existing = this.channel(update.id);
    if (update.archived && !existing) return;
    const channel: Channel = { ...update, unread: unread ?? existing?.unread ?? 0 };
    const channels = existing
      ? this.value.channels.map((known) => (known.id === update.id ? channel : known))
      : [...this.value.channels, channel];
    this.set({ ...this.value, channels });
    if (!existing && !update.archived && this.socket.connected)
      void this.join(update.id).catch(() => undefined);
  }

  private channelRemoved(channelId: string): void {
    this.set({
      ...this.value,
      channels: this.value.channels.filter((channel) => channel.id !== channelId),
      openChannelId: this.value.openChannelId === channelId ? null : this.value.openChannelId,
    });
  }

  // --- helpers ----------------------------------------------------------------------------------------

  private isReading(channelId: string): boolean {
    return this.value.openChannelId === channelId && this.pageVisible();
  }

  private async loadLatest(channelId: string): Promise<void> {
    this.setHistory(channelId, 'loading');
    try {
      const latest = await this.api.channels.messages(channelId, { limit: PAGE });
      this.addMessages(channelId, latest);
      const first = this.messagesOf(channelId)[0];
      this.setHistory(channelId, !first || first.seq === 1 ? 'complete' : 'partial');
      for (const message of latest) if (message.priority === 'urgent') this.loadAcks(message);
      if (this.isReading(channelId)) this.markRead(channelId);
    } catch {
      this.setHistory(channelId, 'error');
    }
  }

  private markRead(channelId: string): void {
    const channel = this.channel(channelId);
    const lastSeq = Math.max(channel?.lastSeq ?? 0, this.messagesOf(channelId).at(-1)?.seq ?? 0);
    if (!channel || lastSeq === 0 || !this.pageVisible()) return;
    if (channel.unread > 0) this.updateChannel(channelId, (current) => ({ ...current, unread: 0 }));
    if (this.socket.connected)
      void this.socket.request('message:read', { channelId, seq: lastSeq }).catch(() => undefined);
  }

  private addMessages(channelId: string, incoming: readonly Message[]): void {
    if (incoming.length === 0) return;
    const known = this.messagesOf(channelId);
    const ids = new Set(known.map((message) => message.id));
    const fresh = incoming.filter((message) => !ids.has(message.id));
    if (fresh.length === 0) return;
    const messages = new Map(this.value.messages);
    messages.set(channelId, [...known, ...fresh].sort(bySeq));
    this.set({ ...this.value, messages });
  }

  private setHistory(channelId: string, state: HistoryState): void {
    const history = new Map(this.value.history);
    history.set(channelId, state);
    this.set({ ...this.value, history });
  }

  private updateChannel(channelId: string, change: (channel: Channel) => Channel): void {
    if (!this.channel(channelId)) return;
    this.set({
      ...this.value,
      channels: this.value.channels.map((channel) => (channel.id === channelId ? change(channel) : channel)),
    });
  }
}
