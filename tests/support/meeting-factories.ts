import type {
  Ack,
  ActionItem,
  AgendaItem,
  Decision,
  Meeting,
  MeetingView,
  Organisation,
} from '@samverkan/contracts';
import { Factory, unique } from './factories';
import type { ApiClient } from './http';
import type { TestSocket } from './sockets';
import { MapTeam, SignedInClient } from './zone-factories';

/**
 * The people of a joint meeting, all in fresh organisations so counts are exact: one police organisation, one
 * service organisation, a coordinator, and an outsider from a police organisation that does not take part.
 */
export interface MeetingTeam {
  police: Organisation;
  service: Organisation;
  coordinator: SignedInClient;
  /** Police officer, not a signatory. */
  officer: SignedInClient;
  policeSignatory: SignedInClient;
  /** Service staff, not a signatory. */
  staff: SignedInClient;
  serviceSignatory: SignedInClient;
  /** A police officer of another organisation. */
  outsider: SignedInClient;
}

export async function meetingTeam(factory: Factory): Promise<MeetingTeam> {
  const [police, service] = await Promise.all([
    factory.organisation('police'),
    factory.organisation('service'),
  ]);
  const [coordinator, officer, policeSignatory, staff, serviceSignatory, outsider] = await Promise.all([
    factory.user({ role: 'coordinator' }),
    factory.user({ role: 'police', organisationId: police.id }),
    factory.user({ role: 'police', canSign: true, organisationId: police.id }),
    factory.user({ role: 'service', organisationId: service.id }),
    factory.user({ role: 'service', canSign: true, organisationId: service.id }),
    factory.user({ role: 'police' }),
  ]);
  return { police, service, coordinator, officer, policeSignatory, staff, serviceSignatory, outsider };
}

/** The same people as the map factories want them (zones around the service organisation's sites). */
export function asMapTeam(team: MeetingTeam): MapTeam {
  return {
    organisation: team.service,
    staff: team.staff,
    signatory: team.serviceSignatory,
    police: team.officer,
    policeSignatory: team.policeSignatory,
    coordinator: team.coordinator,
  };
}

function expectStatus(what: string, response: { status: number; body: unknown }, status: number): void {
  if (response.status !== status)
    throw new Error(`${what} failed: ${response.status} ${JSON.stringify(response.body)}`);
}

/** A meeting of the team's two organisations, tomorrow, created by the coordinator unless `by` is given. */
export async function createMeeting(
  team: MeetingTeam,
  body: Record<string, unknown> = {},
  by: ApiClient = team.coordinator,
): Promise<Meeting> {
  const response = await by.post('/api/meetings', {
    title: unique('Samverkansmöte'),
    startsAt: new Date(Date.now() + 24 * 3600 * 1000).toISOString(),
    place: 'Polishuset, sal 3',
    organisationIds: [team.police.id, team.service.id],
    ...body,
  });
  expectStatus('Creating a meeting', response, 201);
  return response.body;
}

export async function addAgendaItem(
  by: ApiClient,
  meetingId: string,
  body: Record<string, unknown> = {},
): Promise<AgendaItem> {
  const response = await by.post(`/api/meetings/${meetingId}/agenda`, { title: unique('Punkt'), ...body });
  expectStatus('Adding an agenda item', response, 201);
  return response.body;
}

export async function addDecision(
  by: ApiClient,
  meetingId: string,
  body: Record<string, unknown>,
): Promise<Decision> {
  const response = await by.post(`/api/meetings/${meetingId}/decisions`, body);
  expectStatus('Recording a decision', response, 201);
  return response.body;
}

export async function addAction(
  by: ApiClient,
  meetingId: string,
  body: { ownerId: string; dueDate: string } & Record<string, unknown>,
): Promise<ActionItem> {
  const response = await by.post(`/api/meetings/${meetingId}/actions`, { title: unique('Åtgärd'), ...body });
  expectStatus('Recording an action', response, 201);
  return response.body;
}

export async function getMeeting(by: ApiClient, meetingId: string): Promise<Meeting> {
  const response = await by.get(`/api/meetings/${meetingId}`);
  expectStatus('Reading a meeting', response, 200);
  return response.body;
}

export type JoinAck = Ack<{
  view: MeetingView | null;
  currentItemId: string | null;
  presenterId: string | null;
}>;

export function joinMeeting(socket: TestSocket, meetingId: string): Promise<JoinAck> {
  return socket.request<JoinAck>('meeting:join', { meetingId });
}

/** Joins and fails the test when refused. */
export async function joinedMeeting(
  socket: TestSocket,
  meetingId: string,
): Promise<Extract<JoinAck, { ok: true }>> {
  const ack = await joinMeeting(socket, meetingId);
  if (!ack.ok) throw new Error(`Joining meeting ${meetingId} failed: ${JSON.stringify(ack.error)}`);
  return ack;
}
