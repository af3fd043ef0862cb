import { UseFilters } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Ack } from '@samverkan/contracts';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import { ROOMS } from '../realtime/rooms';
import type { AppSocket } from '../realtime/socket.types';
import { WsAckExceptionFilter } from '../realtime/ws-ack.filter';
import { MeetingItemDto, MeetingPresentDto, MeetingRefDto, MeetingViewDto } from './dto/meeting-socket.dto';
import { LiveState, MeetingLiveService } from './meeting-live.service';
import { PresenterWatchService } from './presenter-watch.service';

/**
 * The shared map of a meeting over Socket.IO. Nest attaches this gateway to the one server the realtime gateway
 * configures (same port, default namespace), so connections are already authenticated (`socket.data.user`) and
 * the Redis adapter carries the `meeting:<id>` rooms across instances. Payloads go through the global validation
 * pipe; every failure is answered through the acknowledgement.
 */
@UseFilters(WsAckExceptionFilter)
@WebSocketGateway({ maxHttpBufferSize: 1e6, serveClient: false })
export class MeetingsGateway {
  constructor(
    private readonly live: MeetingLiveService,
    private readonly watch: PresenterWatchService,
    private readonly publisher: RealtimePublisher,
  ) {}

  /** Joins the room before reading the state, so no change falls between the answer and the events. */
  @SubscribeMessage('meeting:join')
  async join(
    @ConnectedSocket() socket: AppSocket,
    @MessageBody() body: MeetingRefDto,
  ): Promise<Ack<LiveState>> {
    await this.live.requireVisible(socket.data.user, body.meetingId);
    await socket.join(ROOMS.meeting(body.meetingId));
    this.watch.joined(socket, body.meetingId);
    return { ok: true, ...(await this.live.state(body.meetingId)) };
  }

  /** Leaving the page: a presenter who does not come back within the grace period gives the role up. */
  @SubscribeMessage('meeting:leave')
  async leave(@ConnectedSocket() socket: AppSocket, @MessageBody() body: MeetingRefDto): Promise<Ack> {
    const room = ROOMS.meeting(body.meetingId);
    if (socket.rooms.has(room)) {
      await socket.leave(room);
      this.watch.left(body.meetingId, socket.data.user.id);
    }
    return { ok: true };
  }

  /**
   * From the presenter: stored, then passed to the others in the room (the presenter's own socket excepted).
   * `bounds` (optional) lets a follower with a smaller map fit the whole view.
   */
  @SubscribeMessage('meeting:view')
  async view(@ConnectedSocket() socket: AppSocket, @MessageBody() body: MeetingViewDto): Promise<Ack> {
    const view = await this.live.setView(socket.data.user, body);
    this.publisher.relay(socket, ROOMS.meeting(body.meetingId), 'meeting:view', { meetingId: body.meetingId, ...view });
    return { ok: true };
  }

  @SubscribeMessage('meeting:item')
  async item(@ConnectedSocket() socket: AppSocket, @MessageBody() body: MeetingItemDto): Promise<Ack> {
    await this.live.setItem(socket.data.user, body);
    return { ok: true };
  }

  @SubscribeMessage('meeting:present')
  async present(
    @ConnectedSocket() socket: AppSocket,
    @MessageBody() body: MeetingPresentDto,
  ): Promise<Ack<{ presenterId: string | null }>> {
    return { ok: true, presenterId: await this.live.present(socket.data.user, body) };
  }
}
