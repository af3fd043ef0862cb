import type { Meeting } from '@samverkan/contracts';
import type { Factory } from './factories';
import { addAgendaItem, createMeeting, joinedMeeting, MeetingTeam } from './meeting-factories';
import { postMessage } from './messaging-factories';
import { connectSocket, TestSocket } from './sockets';
import { unique } from './unique';

/**
 * Negative checks that cannot pass by accident. Waiting a while and then finding that an event did not come
 * (a message to someone who left, a meeting change to an outsider) also passes when the event is merely slow.
 * So after the action whose event must not be seen, a test causes one that must be seen by the same socket on
 * the same path (sent later by the same api instance, through the same adapter: across instances too), and waits
 * for that sentinel. Socket.IO delivers one connection's packets in the order the server sent them: once the
 * sentinel is here, the forbidden event would have been here before it, and its absence means something.
 */

/** Runs `cause`, then waits until `arrived` (the sentinel's arrival on one socket) resolves for each socket. */
export async function passSentinel(
  sockets: TestSocket | TestSocket[],
  cause: () => Promise<unknown>,
  arrived: (socket: TestSocket) => Promise<unknown>,
): Promise<void> {
  await cause();
  await Promise.all([sockets].flat().map(arrived));
}

/**
 * A new message from `sender` to a channel every socket in `observers` has joined, awaited on each of them:
 * it passes through the channel's room after whatever `sender`'s api instance sent before.
 */
export async function messageSentinel(
  sender: TestSocket,
  channelId: string,
  observers: TestSocket | TestSocket[],
  timeoutMs = 10_000,
): Promise<void> {
  let id = '';
  await passSentinel(
    observers,
    async () => (id = (await postMessage(sender, channelId, unique('sentinel'))).id),
    (socket) => socket.next('message:new', (message) => message.id === id, timeoutMs),
  );
}

/**
 * A meeting of `organisationIds` whose room `observers` have joined. `pass()` adds an agenda item over HTTP
 * and waits until every observer has the `meeting:updated` that carries it: the meeting path's sentinel.
 */
export async function meetingSentinel(
  team: MeetingTeam,
  organisationIds: string[],
  observers: TestSocket[],
): Promise<{ meeting: Meeting; pass: (timeoutMs?: number) => Promise<void> }> {
  const meeting = await createMeeting(team, { organisationIds });
  for (const socket of observers) await joinedMeeting(socket, meeting.id);
  return {
    meeting,
    pass: async (timeoutMs = 10_000) => {
      let itemId = '';
      await passSentinel(
        observers,
        async () => (itemId = (await addAgendaItem(team.coordinator, meeting.id)).id),
        (socket) =>
          socket.next(
            'meeting:updated',
            (update: Meeting) =>
              update.id === meeting.id && update.agenda.some((entry) => entry.id === itemId),
            timeoutMs,
          ),
      );
    },
  };
}

/**
 * A new user connects on `factory`'s instance and every observer waits for the `presence:batch` that names them
 * online, which goes to every socket: the sentinel for events that instance sends to some rooms only (alerts to
 * an audience).
 */
export async function presenceSentinel(
  factory: Factory,
  observers: TestSocket | TestSocket[],
  timeoutMs = 10_000,
): Promise<void> {
  const user = await factory.user({ role: 'service' });
  const socket = await connectSocket(factory.baseUrl, user.token!);
  try {
    await Promise.all(
      [observers]
        .flat()
        .map((observer) =>
          observer.next('presence:batch', (batch) => batch.online.includes(user.user.id), timeoutMs),
        ),
    );
  } finally {
    socket.close();
  }
}
