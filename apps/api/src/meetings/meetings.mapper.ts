import type { ActionItem, ActionListItem, AgendaItem, Decision, Meeting } from '@samverkan/contracts';
import { ActionItemEntity } from './entities/action-item.entity';
import { AgendaItemEntity } from './entities/agenda-item.entity';
import { DecisionEntity } from './entities/decision.entity';
import { MeetingEntity } from './entities/meeting.entity';

export function toAgendaItemDto(item: AgendaItemEntity): AgendaItem {
  return {
    id: item.id,
    title: item.title,
    siteId: item.siteId,
    zoneId: item.zoneId,
    reportId: item.reportId,
    minutes: item.minutes,
    position: item.position,
    version: item.version,
    updatedAt: item.updatedAt.toISOString(),
    updatedBy: item.updatedBy,
  };
}

export function toDecisionDto(decision: DecisionEntity): Decision {
  return {
    id: decision.id,
    text: decision.text,
    agendaItemId: decision.agendaItemId,
    zoneId: decision.zoneId,
    zoneVersion: decision.zoneVersion,
    createdAt: decision.createdAt.toISOString(),
    createdBy: decision.createdBy,
  };
}

/** `today` is the calendar day in Europe/Stockholm: an action is overdue once its due day has passed there. */
export function toActionDto(action: ActionItemEntity, today: string): ActionItem {
  return {
    id: action.id,
    title: action.title,
    ownerId: action.ownerId,
    dueDate: action.dueDate,
    status: action.status,
    overdue: action.status === 'open' && action.dueDate < today,
    meetingId: action.meetingId,
    agendaItemId: action.agendaItemId,
    version: action.version,
    doneAt: action.doneAt ? action.doneAt.toISOString() : null,
    updatedAt: action.updatedAt.toISOString(),
  };
}

export function toActionListItemDto(
  action: ActionItemEntity & { meetingTitle: string; meetingStartsAt: Date },
  today: string,
): ActionListItem {
  return {
    ...toActionDto(action, today),
    meetingTitle: action.meetingTitle,
    meetingStartsAt: action.meetingStartsAt.toISOString(),
  };
}

export interface MeetingParts {
  organisationIds: string[];
  agenda: AgendaItemEntity[];
  decisions: DecisionEntity[];
  actions: ActionItemEntity[];
}

export function toMeetingDto(meeting: MeetingEntity, parts: MeetingParts, today: string): Meeting {
  return {
    id: meeting.id,
    title: meeting.title,
    startsAt: meeting.startsAt.toISOString(),
    place: meeting.place,
    organisationIds: [...parts.organisationIds].sort(),
    agenda: [...parts.agenda].sort((a, b) => a.position - b.position).map(toAgendaItemDto),
    decisions: parts.decisions.map(toDecisionDto),
    actions: parts.actions.map((action) => toActionDto(action, today)),
    channelId: meeting.channelId,
    presenterId: meeting.presenterId,
    series: meeting.series,
    view: meeting.view,
    currentItemId: meeting.currentItemId,
    version: meeting.version,
    revision: meeting.revision,
    createdBy: meeting.createdBy,
    createdAt: meeting.createdAt.toISOString(),
    updatedAt: meeting.updatedAt.toISOString(),
  };
}
