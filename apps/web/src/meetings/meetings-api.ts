import type {
  ActionItem,
  ActionListItem,
  AgendaItem,
  CreateActionRequest,
  CreateAgendaItemRequest,
  CreateDecisionRequest,
  CreateMeetingRequest,
  Decision,
  Meeting,
  MeetingSummary,
  MinutesFormat,
  UpdateActionRequest,
  UpdateAgendaItemRequest,
  UpdateMeetingRequest,
} from '@samverkan/contracts';
import type { ApiFetch } from '../api/api-client';
import { pathSegment, queryString } from '../api/url';

/** The contract's meeting endpoints. No DOM: the stores and the tests use it with any `ApiFetch`. */
export function createMeetingsApi(apiFetch: ApiFetch) {
  const meeting = (meetingId: string) => `/api/meetings/${pathSegment(meetingId)}`;
  return {
    /** Earliest first; `from`/`to` narrow it to meetings starting in [from, to). */
    list: (range: { from?: Date; to?: Date } = {}, signal?: AbortSignal) =>
      apiFetch<Meeting[]>(
        `/api/meetings${queryString({ from: range.from?.toISOString(), to: range.to?.toISOString() })}`,
        { signal },
      ),
    get: (meetingId: string, signal?: AbortSignal) => apiFetch<Meeting>(meeting(meetingId), { signal }),
    create: (body: CreateMeetingRequest) => apiFetch<Meeting>('/api/meetings', { method: 'POST', body }),
    update: (meetingId: string, body: UpdateMeetingRequest) =>
      apiFetch<Meeting>(meeting(meetingId), { method: 'PATCH', body }),
    summary: (meetingId: string, signal?: AbortSignal) =>
      apiFetch<MeetingSummary>(`${meeting(meetingId)}/summary`, { signal }),

    addAgendaItem: (meetingId: string, body: CreateAgendaItemRequest) =>
      apiFetch<AgendaItem>(`${meeting(meetingId)}/agenda`, { method: 'POST', body }),
    updateAgendaItem: (meetingId: string, itemId: string, body: UpdateAgendaItemRequest) =>
      apiFetch<AgendaItem>(`${meeting(meetingId)}/agenda/${pathSegment(itemId)}`, { method: 'PATCH', body }),
    deleteAgendaItem: (meetingId: string, itemId: string) =>
      apiFetch<void>(`${meeting(meetingId)}/agenda/${pathSegment(itemId)}`, { method: 'DELETE' }),

    addDecision: (meetingId: string, body: CreateDecisionRequest) =>
      apiFetch<Decision>(`${meeting(meetingId)}/decisions`, { method: 'POST', body }),
    deleteDecision: (meetingId: string, decisionId: string) =>
      apiFetch<void>(`${meeting(meetingId)}/decisions/${pathSegment(decisionId)}`, { method: 'DELETE' }),

    addAction: (meetingId: string, body: CreateActionRequest) =>
      apiFetch<ActionItem>(`${meeting(meetingId)}/actions`, { method: 'POST', body }),
    updateAction: (meetingId: string, actionId: string, body: UpdateActionRequest) =>
      apiFetch<ActionItem>(`${meeting(meetingId)}/actions/${pathSegment(actionId)}`, {
        method: 'PATCH',
        body,
      }),
    deleteAction: (meetingId: string, actionId: string) =>
      apiFetch<void>(`${meeting(meetingId)}/actions/${pathSegment(actionId)}`, { method: 'DELETE' }),

    /** `GET /api/actions?owner=me`: the caller's actions across meetings. */
    myActions: (signal?: AbortSignal) => apiFetch<ActionListItem[]>('/api/actions?owner=me', { signal }),

    /** The minutes as Markdown or a printable HTML page (fetched with the token, then shown or saved). */
    minutes: (meetingId: string, format: MinutesFormat, language: 'sv' | 'en') =>
      apiFetch<string>(`${meeting(meetingId)}/minutes?format=${format}&lang=${language}`, {
        read: 'text',
      }),
  };
}

export type MeetingsApi = ReturnType<typeof createMeetingsApi>;
