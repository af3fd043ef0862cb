import { Inject, Injectable } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { AuthService } from '../auth/auth.service';
import { secondFactorSocketRefusal } from '../auth/second-factor/second-factor.guard';
import { isOriginAllowed } from '../common/origin-policy';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ClusterLink } from './cluster-link';
import { RealtimePublisher } from './realtime.publisher';
import { InstanceCacheLink } from './instance-cache-link';
import { SocketSessionsService } from './socket-sessions.service';
import type { AppServer, AppSocket } from './socket.types';

/**
 * Everything a connection passes before the gateway sees it: the origin rule (in `allowRequest`, which runs for
 * polling and websocket alike, unlike CORS), the token (in a middleware, so a bad token never gets a connected
 * socket: guards do not run for connections), and the Redis adapter that joins the instances.
 */
@Injectable()
export class SocketServerSetup {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly cluster: ClusterLink,
    private readonly sessions: SocketSessionsService,
    private readonly publisher: RealtimePublisher,
    private readonly instanceCacheLink: InstanceCacheLink,
  ) {}

  configure(server: AppServer): void {
    server.engine.opts.allowRequest = (request, callback) => {
      const allowed = this.originAllowed(request);
      callback(allowed ? null : 'origin not allowed', allowed);
    };
    server.engine.use((request: IncomingMessage, response: ServerResponse, next: () => void) =>
      this.cors(request, response, next),
    );
    const adapter = this.cluster.adapterFactory(() =>
      this.publisher.publish('resync', 'everyone', { reason: 'cluster-link-restored' }),
    );
    if (adapter) {
      server.adapter(adapter);
      this.instanceCacheLink.attach(server);
    }
    server.use((socket, next) => {
      this.authenticate(socket).then(
        (error) => next(error ?? undefined),
        () => next(new Error('unavailable')),
      );
    });
    this.publisher.attach(server);
    this.sessions.start();
  }

  /** Null when the token is good (the user is kept on the socket); the `connect_error` otherwise. */
  private async authenticate(socket: AppSocket): Promise<Error | null> {
    const auth = socket.handshake.auth as { token?: unknown } | undefined;
    const token = typeof auth?.token === 'string' ? auth.token : null;
    const user = await this.auth.authenticate(token);
    if (!user) return new Error('unauthorized');
    const refusal = secondFactorSocketRefusal(user);
    if (refusal) return refusal;
    socket.data.user = user;
    // The token has done its work: it is not kept, nor shared with other instances when they list sockets. A new
    // object rather than `delete`, which would leave every connection's auth in V8's slow dictionary form.
    const { token: _used, ...rest } = auth as Record<string, unknown>;
    socket.handshake.auth = rest;
    return null;
  }

  private originAllowed(request: IncomingMessage): boolean {
    const encrypted = Boolean((request.socket as TLSSocket).encrypted);
    return isOriginAllowed(request.headers.origin, request.headers, encrypted, this.config);
  }

  /** Long-polling from an origin listed in ALLOWED_ORIGINS needs CORS headers; the app's own origin does not. */
  private cors(request: IncomingMessage, response: ServerResponse, next: () => void): void {
    const origin = request.headers.origin;
    if (origin && this.originAllowed(request)) {
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Vary', 'Origin');
      if (request.method === 'OPTIONS') {
        response.setHeader('Access-Control-Allow-Methods', 'GET, POST');
        const headers = request.headers['access-control-request-headers'];
        if (headers) response.setHeader('Access-Control-Allow-Headers', headers);
        response.setHeader('Access-Control-Max-Age', '600');
        response.writeHead(204).end();
        return;
      }
    }
    next();
  }
}
