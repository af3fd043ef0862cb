import type { Meeting, MeetingView } from '@samverkan/contracts';
import { ApiError, failureKindOf } from '../api/api-error';
import { SocketRequestError, type SocketClient } from '../api/socket-client';
import { Store } from '../state/store';
import type { MeetingsApi } from './meetings-api';

export interface MeetingSessionState {
  status: 'loading' | 'ready' | 'not_found' | 'failed';
  /** Why loading failed (status `failed`). */
  failure: 'network' | 'server' | null;
  /** The meeting as last read or pushed (`meeting:updated`), the highest revision kept. */
  meeting: Meeting | null;
  /** In the meeting's live room: the shared map works. False while the connection is down. */
  live: boolean;
  presenterId: string | null;
  /** The presenter's latest map view. */
  view: MeetingView | null;
  /** The agenda item the presenter is on. */
  currentItemId: string | null;
  /** Who presented until they left the meeting (past the api's grace period); null once someone presents. */
  presenterLeftId: string | null;
  /** This user's map follows the presenter's (until they look around on their own). */
  following: boolean;
  /** The user's organisation was taken out of the meeting while it was open. */
  removed: boolean;
}

/** The minimal socket the session needs (SocketClient; a fake in the unit tests). */
export type MeetingSocket = Pick<SocketClient, 'request' | 'on' | 'onConnect' | 'connected' | 'connection'>;

/**
 * One open meeting: its data, kept current from `meeting:updated`, and the shared map view (who presents, what
 * they show, whether this user follows). Joins the meeting's room on every connection, since a reconnected
 * socket is in no room; the state the join answers is the database's, so it is right on any instance.
 */
export class MeetingSessionStore extends Store<MeetingSessionState> {
  private readonly stops: (() => void)[] = [];
  private disposed = false;
  /** The latest view the presenter wants sent, and whether a send is on its way (views are coalesced). */
  private pendingView: MeetingView | null = null;
  private sendingView = false;
  /** Joined the room before: a later join follows a dropped connection, whose changes arrived nowhere. */
  private joinedBefore = false;

  constructor(
    readonly meetingId: string,
    private readonly api: MeetingsApi,
    private readonly socket: MeetingSocket,
    readonly userId: string,
  ) {
    super({
      status: 'loading',
      failure: null,
      meeting: null,
      live: false,
      presenterId: null,
      view: null,
      currentItemId: null,
      presenterLeftId: null,
      following: true,
      removed: false,
    });
  }

  get isPresenter(): boolean {
    return this.value.presenterId === this.userId && this.value.live;
  }

  start(): void {
    const mine = (payload: { meetingId: string }) => payload.meetingId === this.meetingId;
    this.stops.push(
      this.socket.on(
        'meeting:updated',
        (meeting) => mine({ meetingId: meeting.id }) && this.applyMeeting(meeting),
      ),
      this.socket.on('meeting:view', ({ meetingId, center, zoom, bounds }) => {
        if (mine({ meetingId })) this.patch({ view: bounds ? { center, zoom, bounds } : { center, zoom } });
      }),
      this.socket.on(
        'meeting:item',
        (payload) => mine(payload) && this.patch({ currentItemId: payload.itemId }),
      ),
      this.socket.on('meeting:presenter', (payload) => {
        if (!mine(payload)) return;
        // Whoever is handed the role leads from their own view; the others follow the new presenter.
        this.patch({ presenterId: payload.presenterId, presenterLeftId: null, following: true });
      }),
      // Sent after `meeting:presenter` with null: nobody presents, and this says why.
      this.socket.on('meeting:presenter-left', (payload) => {
        if (mine(payload) && this.value.presenterId === null) this.patch({ presenterLeftId: payload.userId });
      }),
      this.socket.on(
        'meeting:removed',
        (payload) => mine(payload) && this.patch({ removed: true, live: false }),
      ),
      this.socket.onConnect(() => void this.join()),
      // A dropped connection is out of the room: nothing live arrives until the next join.
      this.socket.connection.subscribe(({ status }) => status !== 'connected' && this.patch({ live: false })),
    );
    void this.load();
  }

  dispose(): void {
    this.disposed = true;
    this.stops.splice(0).forEach((stop) => stop());
    if (this.socket.connected)
      void this.socket.request('meeting:leave', { meetingId: this.meetingId }).catch(() => {});
  }

  async load(): Promise<void> {
    try {
      this.applyMeeting(await this.api.get(this.meetingId));
    } catch (error) {
      if (this.disposed) return;
      if (error instanceof ApiError && error.status === 404) this.patch({ status: 'not_found' });
      else if (this.value.status !== 'ready') this.patch({ status: 'failed', failure: failureKindOf(error) });
    }
  }

  /**
   * This user changed the meeting over HTTP. In the live room the change arrives as `meeting:updated`;
   * without the room (the connection is down) the meeting is read again.
   */
  changed(): void {
    if (!this.value.live) void this.load();
  }

  /** Keeps the newer of two snapshots: changes apply one at a time on the server, each raising `revision`. */
  applyMeeting(meeting: Meeting): void {
    if (this.disposed || meeting.id !== this.meetingId) return;
    const current = this.value.meeting;
    if (current && current.revision > meeting.revision) return;
    this.patch({ status: 'ready', failure: null, meeting });
  }

  private async join(): Promise<void> {
    if (this.disposed || this.value.removed) return;
    try {
      const answer = await this.socket.request('meeting:join', { meetingId: this.meetingId });
      if (this.disposed) return;
      this.patch({
        live: true,
        presenterId: answer.presenterId,
        view: answer.view,
        currentItemId: answer.currentItemId,
        presenterLeftId: answer.presenterId === null ? this.value.presenterLeftId : null,
      });
      // What changed while the connection was down arrived nowhere.
      if (this.joinedBefore) void this.load();
      this.joinedBefore = true;
    } catch (error) {
      if (this.disposed) return;
      if (error instanceof SocketRequestError && error.code === 'not_found')
        this.patch({ status: 'not_found' });
      this.patch({ live: false });
    }
  }

  /** Takes the presenter role (no `userId`), hands it to `userId`, or ends the presentation (null). */
  async present(userId?: string | null): Promise<void> {
    const payload =
      userId === undefined ? { meetingId: this.meetingId } : { meetingId: this.meetingId, userId };
    const { presenterId } = await this.socket.request('meeting:present', payload);
    this.patch({ presenterId, presenterLeftId: null });
  }

  /** The presenter moves everyone to an agenda item (null: none). */
  async showItem(itemId: string | null): Promise<void> {
    const previous = this.value.currentItemId;
    this.patch({ currentItemId: itemId });
    try {
      await this.socket.request('meeting:item', { meetingId: this.meetingId, itemId });
    } catch (error) {
      this.patch({ currentItemId: previous });
      throw error;
    }
  }

  /**
   * The presenter's map moved: the followers should see it. While one view is on its way only the newest
   * waiting one is sent after it, so a quick series of moves costs at most two messages.
   */
  presenterMoved(view: MeetingView): void {
    if (!this.isPresenter) return;
    this.pendingView = view;
    if (!this.sendingView) void this.sendViews();
  }

  private async sendViews(): Promise<void> {
    this.sendingView = true;
    while (this.pendingView && this.isPresenter) {
      const view = this.pendingView;
      this.pendingView = null;
      try {
        await this.socket.request('meeting:view', { meetingId: this.meetingId, ...view });
        this.patch({ view });
      } catch {
        // Lost the role meanwhile, or the connection: the next move (or the join) sets things right.
      }
    }
    this.pendingView = null;
    this.sendingView = false;
  }

  /** The user looks around on their own: their map stops following. */
  detach(): void {
    if (this.value.following && !this.isPresenter) this.patch({ following: false });
  }

  /** Back to the presenter's view. */
  follow(): void {
    if (!this.value.following) this.patch({ following: true });
  }

  private patch(change: Partial<MeetingSessionState>): void {
    if (this.disposed) return;
    this.set({ ...this.value, ...change });
  }
}
