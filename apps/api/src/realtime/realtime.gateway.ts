import { UseFilters } from '@nestjs/common';
import {
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { AckError } from '@samverkan/contracts';
import { handlesEvent } from './lean-io.adapter';
import { PresenceService } from './presence.service';
import { roomsOf } from './rooms';
import { SocketServerSetup } from './socket-server.setup';
import type { AppServer, AppSocket } from './socket.types';
import { WsAckExceptionFilter } from './ws-ack.filter';

/**
 * The connection's life on the api's port (default namespace), which every feature's gateway shares: the
 * server's setup, the rooms a connection is in from the start, presence, and the answer to unknown events.
 * The features' gateways only handle their own events.
 */
@UseFilters(WsAckExceptionFilter)
@WebSocketGateway({ maxHttpBufferSize: 1e6, serveClient: false })
export class RealtimeGateway
  implements OnGatewayInit<AppServer>, OnGatewayConnection<AppSocket>, OnGatewayDisconnect<AppSocket>
{
  constructor(
    private readonly setup: SocketServerSetup,
    private readonly presence: PresenceService,
  ) {}

  afterInit(server: AppServer): void {
    this.setup.configure(server);
  }

  handleConnection(socket: AppSocket): void {
    const user = socket.data.user;
    void socket.join(roomsOf(user));
    socket.onAny(answerUnknownEvent);
    this.presence.connected(user);
  }

  handleDisconnect(socket: AppSocket): void {
    if (socket.data.user) this.presence.disconnected(socket.data.user);
  }
}

/**
 * Answers an event no gateway handles, when it came with an acknowledgement. One function for every
 * connection (Socket.IO calls it with the connection as `this`), not a closure per connection.
 */
function answerUnknownEvent(this: AppSocket, event: string, ...args: unknown[]): void {
  const ack = args[args.length - 1];
  if (typeof ack === 'function' && !handlesEvent(this, event)) {
    const answer: AckError = {
      ok: false,
      error: { code: 'unknown_event', message: `There is no event "${event}"` },
    };
    (ack as (response: AckError) => void)(answer);
  }
}
