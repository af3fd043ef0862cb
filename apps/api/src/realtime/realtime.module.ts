import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { SessionsModule } from '../auth/sessions.module';
import { InstanceCachesModule } from '../common/instance-caches';
import { ClusterLink } from './cluster-link';
import { PresenceService } from './presence.service';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimePublisher } from './realtime.publisher';
import { InstanceCacheLink } from './instance-cache-link';
import { SocketServerSetup } from './socket-server.setup';
import { SocketSessionsService } from './socket-sessions.service';

/**
 * The Socket.IO server: its handshake (origin, token), the link between instances, presence, sockets closing
 * with their session, and RealtimePublisher, the only way to send to sockets. Knows no feature: the features'
 * gateways handle their own events and push through the publisher. Global, as every feature pushes.
 */
@Global()
@Module({
  imports: [AuthModule, SessionsModule, InstanceCachesModule],
  providers: [
    RealtimePublisher,
    SocketServerSetup,
    InstanceCacheLink,
    ClusterLink,
    SocketSessionsService,
    PresenceService,
    RealtimeGateway,
  ],
  exports: [RealtimePublisher, PresenceService],
})
export class RealtimeModule {}
