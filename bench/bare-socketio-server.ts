/**
 * The baseline for the messaging benchmark: a bare Socket.IO server that does the same room broadcast as the
 * api's `message:send`, with no authentication, validation or database. Started by messaging.bench.ts.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 0);
const http = createServer((request, response) => {
  response
    .writeHead(request.url === '/api/health' ? 200 : 404, { 'content-type': 'application/json' })
    .end('{"status":"ok"}');
});
const io = new Server(http, { maxHttpBufferSize: 1e6, serveClient: false });
const seqs = new Map<string, number>();

io.on('connection', (socket) => {
  const userId = String((socket.handshake.auth as { userId?: string }).userId ?? socket.id);
  socket.on('channel:join', (payload: { channelId: string }, ack: (answer: unknown) => void) => {
    void socket.join(payload.channelId);
    ack({ ok: true, messages: [], lastSeq: seqs.get(payload.channelId) ?? 0 });
  });
  socket.on(
    'message:send',
    (payload: { channelId: string; clientId: string; body: string }, ack: (answer: unknown) => void) => {
      const seq = (seqs.get(payload.channelId) ?? 0) + 1;
      seqs.set(payload.channelId, seq);
      const message = {
        id: randomUUID(),
        channelId: payload.channelId,
        seq,
        clientId: payload.clientId,
        authorId: userId,
        authorName: 'bench',
        organisationId: 'bench',
        body: payload.body,
        priority: 'normal',
        createdAt: new Date().toISOString(),
      };
      ack({ ok: true, message });
      io.to(payload.channelId).emit('message:new', message);
    },
  );
});

http.listen(port, '127.0.0.1', () => process.stdout.write(`bare Socket.IO server on ${port}\n`));
process.on('SIGTERM', () => io.close(() => process.exit(0)));
