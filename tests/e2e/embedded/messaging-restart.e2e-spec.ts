import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import type { Message } from '@samverkan/contracts';
import { AppProcess, freePort } from '../../support/app-process';
import { signIn, TEST_PASSWORD, unique } from '../../support/factories';
import { client } from '../../support/http';
import { Outbox } from '../../support/outbox';
import type { ClientSocket } from '../../support/sockets';

const ADMIN = { email: 'restart-admin@samverkan.test', password: 'restart-admin-password-2026' };
const SENDERS = 3;
const MESSAGES_EACH = 20;

/**
 * The api is killed in the middle of a burst and started again on the same data: clients that resend what
 * was not acknowledged, with the same clientId, end with every message stored exactly once and seq gap-free.
 */
describe('messaging across a server restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-restart-'));
  const sockets: ClientSocket[] = [];
  let app: AppProcess | null = null;

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await app?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores every message of a burst exactly once when the server is killed mid-burst', async () => {
    const port = await freePort();
    const env = {
      DATA_DIR: dataDir,
      PORT: String(port),
      DEMO: 'false',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
    };
    app = await AppProcess.start(env);
    const admin = await signIn(app.baseUrl, ADMIN.email, ADMIN.password);
    const organisation = (
      await admin.post('/api/organisations', { name: unique('Samordning'), kind: 'coordination' })
    ).body;
    const senders = [];
    for (let i = 0; i < SENDERS; i++) {
      const email = `${unique('sender')}@samverkan.test`;
      const created = await admin.post('/api/users', {
        email,
        displayName: unique('Avsändare'),
        password: TEST_PASSWORD,
        role: 'coordinator',
        organisationId: organisation.id,
      });
      expect(created.status).toBe(201);
      senders.push(await signIn(app.baseUrl, email, TEST_PASSWORD));
    }
    const channel = (
      await senders[0].post('/api/channels', { kind: 'meeting', refId: randomUUID(), name: 'Omstartsprov' })
    ).body;

    const outboxes = senders.map((sender) => {
      // Reconnects by itself, as a browser would, with the token kept from before the restart.
      const socket: ClientSocket = io(app!.baseUrl, {
        auth: { token: sender.token },
        transports: ['websocket'],
        reconnectionDelay: 200,
        reconnectionDelayMax: 1000,
        forceNew: true,
      });
      sockets.push(socket);
      return new Outbox(socket);
    });
    await Promise.all(
      sockets.map((socket) => new Promise((resolve) => socket.once('connect', () => resolve(undefined)))),
    );

    const send = (from: number, to: number) => {
      for (let i = from; i < to; i++)
        outboxes.forEach((outbox, s) => outbox.add(channel.id, `avsändare ${s}, meddelande ${i}`));
    };
    // Kill it once some, but not all, messages are acknowledged: the first half of the burst goes out, and once
    // some of it is acknowledged the second half goes out and the server is killed in the same moment (sends that
    // arrive together are stored by one statement, so a burst sent at once can be acknowledged all together).
    const total = SENDERS * MESSAGES_EACH;
    const storedSoFar = () => outboxes.reduce((sum, outbox) => sum + outbox.stored.size, 0);
    send(0, MESSAGES_EACH / 2);
    while (storedSoFar() < 8) await new Promise((resolve) => setTimeout(resolve, 5));
    send(MESSAGES_EACH / 2, MESSAGES_EACH);
    await app.stop('SIGKILL');
    const acknowledgedBeforeKill = storedSoFar();
    expect(acknowledgedBeforeKill).toBeLessThan(total);

    app = await AppProcess.start(env);
    await Promise.all(outboxes.map((outbox) => outbox.drained(60_000)));

    const history: Message[] = (
      await client(app.baseUrl, senders[0].token).get(
        `/api/channels/${channel.id}/messages?afterSeq=0&limit=200`,
      )
    ).body;
    expect(history).toHaveLength(total);
    expect(history.map((message) => message.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    const sentIds = outboxes.flatMap((outbox) => [...outbox.stored.keys()]);
    expect(new Set(history.map((message) => message.clientId))).toEqual(new Set(sentIds));
    for (const outbox of outboxes) {
      expect(outbox.refused).toEqual([]);
      // Every acknowledgement, first or after a resend, named the one stored message.
      for (const [clientId, answers] of outbox.answers) {
        const stored = history.find((message) => message.clientId === clientId)!;
        expect(new Set(answers.map((answer) => answer.id))).toEqual(new Set([stored.id]));
      }
    }
    // Some messages really were sent more than once.
    expect(outboxes.reduce((sum, outbox) => sum + outbox.sends, 0)).toBeGreaterThan(total);
  }, 240_000);
});
