import type { EventEmitter2 } from '@nestjs/event-emitter';
import type { DataSource, EntityManager } from 'typeorm';
import type { Meeting, Organisation, OrganisationKind, User } from '@samverkan/contracts';
import type { AuditRecord, AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import type { Clock } from '../common/clock';
import { strictFake } from '../common/spec-helpers';
import { DOMAIN_EVENTS, type MeetingChangedEvent } from '../common/domain-events';
import { UnitOfWork } from '../database/transaction-events';
import type { PeopleService } from '../people/people.service';
import type { ReportsService } from '../reports/reports.service';
import type { SitesService } from '../sites/sites.service';
import type { ZonesService } from '../zones/zones.service';
import type { ActionsRepository, ActionValues } from './actions.repository';
import type { AgendaItemValues, AgendaRepository } from './agenda.repository';
import type { DecisionsRepository, DecisionValues } from './decisions.repository';
import type { ActionItemEntity } from './entities/action-item.entity';
import type { AgendaItemEntity } from './entities/agenda-item.entity';
import type { DecisionEntity } from './entities/decision.entity';
import type { MeetingEntity } from './entities/meeting.entity';
import type { MeetingsPublisher } from './meetings.publisher';
import type { MeetingAudience, MeetingsRepository, MeetingValues } from './meetings.repository';
import { MeetingsService } from './meetings.service';

// In-memory stand-ins for the meetings specs (meetings, agenda, decisions, actions, and the people, sites and zones
// services a meeting asks about what it refers to): the rules of the services run against these; the SQL of the
// repositories is covered by the e2e tests. Nothing in the app imports this file.

export const ORG = {
  police: '00000000-0000-4000-8000-0000000000a1',
  service: '00000000-0000-4000-8000-0000000000a2',
  otherService: '00000000-0000-4000-8000-0000000000a3',
  coordination: '00000000-0000-4000-8000-0000000000a4',
} as const;

const KIND_OF: Record<string, OrganisationKind> = {
  [ORG.police]: 'police',
  [ORG.service]: 'service',
  [ORG.otherService]: 'service',
  [ORG.coordination]: 'coordination',
};

export function meetingUser(
  id: string,
  role: AuthUser['role'],
  organisationId: string,
  canSign = false,
): AuthUser {
  return {
    id,
    email: `${id}@example.org`,
    displayName: id,
    role,
    canSign,
    organisationId,
    disabled: false,
    mfaEnabled: false,
    mfaRequired: false,
    organisationKind: KIND_OF[organisationId],
    sessionId: `session-${id}`,
  };
}

/** The people of the specs: a signatory and staff of each side, and a coordinator. */
export const PEOPLE = {
  coordinator: meetingUser('coordinator', 'coordinator', ORG.coordination),
  policeSignatory: meetingUser('police-signatory', 'police', ORG.police, true),
  officer: meetingUser('officer', 'police', ORG.police),
  serviceSignatory: meetingUser('service-signatory', 'service', ORG.service, true),
  serviceStaff: meetingUser('service-staff', 'service', ORG.service),
  outsider: meetingUser('outsider', 'service', ORG.otherService, true),
} as const;

interface MeetingsState {
  meetings: MeetingEntity[];
  meetingOrganisations: Record<string, string[]>;
  agenda: AgendaItemEntity[];
  decisions: DecisionEntity[];
  actions: ActionItemEntity[];
  audit: AuditRecord[];
}

const NOW = new Date('2026-12-01T09:00:00Z');

/** The tables the meetings services write, with a transaction that keeps nothing of a change that throws. */
export class MeetingsStore implements MeetingsState {
  meetings: MeetingEntity[] = [];
  meetingOrganisations: Record<string, string[]> = {};
  agenda: AgendaItemEntity[] = [];
  decisions: DecisionEntity[] = [];
  actions: ActionItemEntity[] = [];
  audit: AuditRecord[] = [];
  /** Read only: what the people, sites and zones services answer. */
  organisations: string[] = Object.values(ORG);
  people: User[] = Object.values(PEOPLE).map(({ id, email, displayName, role, canSign, organisationId }) => ({
    id,
    email,
    displayName,
    role,
    canSign,
    organisationId,
    disabled: false,
    mfaEnabled: false,
    mfaRequired: false,
  }));
  sites = [{ id: 'site-1', name: 'Sprututbytet' }];
  /** Field reports (by id) and the organisations that may not see them. */
  reportsHiddenFrom: Record<string, string[]> = {};
  zones = [
    { id: 'zone-1', siteId: 'site-1', currentVersion: 2, name: 'Runt sprututbytet' },
    { id: 'zone-2', siteId: 'site-1', currentVersion: 5, name: 'Parken' },
  ];
  private nextId = 1;

  id(prefix: string): string {
    return `${prefix}-${this.nextId++}`;
  }

  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const before: MeetingsState = structuredClone({
      meetings: this.meetings,
      meetingOrganisations: this.meetingOrganisations,
      agenda: this.agenda,
      decisions: this.decisions,
      actions: this.actions,
      audit: this.audit,
    });
    try {
      return await work({} as EntityManager);
    } catch (error) {
      Object.assign(this, before);
      throw error;
    }
  }

  meeting(id: string): MeetingEntity {
    return this.meetings.find((meeting) => meeting.id === id)!;
  }

  seedMeeting(organisationIds: string[], changes: Partial<MeetingEntity> = {}): MeetingEntity {
    const meeting: MeetingEntity = {
      id: this.id('meeting'),
      title: 'Samverkansmöte',
      startsAt: new Date('2026-12-10T13:00:00Z'),
      place: null,
      series: null,
      seriesKey: 'organisations:',
      version: 1,
      revision: 1,
      channelId: null,
      presenterId: null,
      currentItemId: null,
      view: null,
      createdBy: PEOPLE.coordinator.id,
      createdAt: NOW,
      updatedAt: NOW,
      ...changes,
    };
    this.meetings.push(meeting);
    this.meetingOrganisations[meeting.id] = [...organisationIds];
    return meeting;
  }

  seedItem(meetingId: string, changes: Partial<AgendaItemEntity> = {}): AgendaItemEntity {
    const item: AgendaItemEntity = {
      id: this.id('item'),
      meetingId,
      position: this.agenda.filter((entry) => entry.meetingId === meetingId).length + 1,
      title: 'Punkt',
      siteId: null,
      zoneId: null,
      reportId: null,
      minutes: '',
      version: 1,
      createdBy: PEOPLE.coordinator.id,
      updatedBy: PEOPLE.coordinator.id,
      createdAt: NOW,
      updatedAt: NOW,
      ...changes,
    };
    this.agenda.push(item);
    return item;
  }

  seedAction(meetingId: string, changes: Partial<ActionItemEntity> = {}): ActionItemEntity {
    const action: ActionItemEntity = {
      id: this.id('action'),
      meetingId,
      agendaItemId: null,
      title: 'Ring tillbaka',
      ownerId: PEOPLE.serviceStaff.id,
      dueDate: '2026-12-20',
      status: 'open',
      doneAt: null,
      version: 1,
      createdBy: PEOPLE.coordinator.id,
      createdAt: NOW,
      updatedAt: NOW,
      ...changes,
    };
    this.actions.push(action);
    return action;
  }

  item(id: string): AgendaItemEntity {
    return this.agenda.find((item) => item.id === id)!;
  }

  decision(id: string): DecisionEntity {
    return this.decisions.find((decision) => decision.id === id)!;
  }

  seedDecision(meetingId: string, changes: Partial<DecisionEntity> = {}): DecisionEntity {
    const decision: DecisionEntity = {
      id: this.id('decision'),
      meetingId,
      agendaItemId: null,
      text: 'Beslut',
      zoneId: null,
      zoneVersion: null,
      createdBy: PEOPLE.coordinator.id,
      createdAt: NOW,
      updatedAt: NOW,
      ...changes,
    };
    this.decisions.push(decision);
    return decision;
  }

  action(id: string): ActionItemEntity {
    return this.actions.find((action) => action.id === id)!;
  }

  /** Positions of a meeting's items by title, in agenda order. */
  order(meetingId: string): string[] {
    return this.agenda
      .filter((item) => item.meetingId === meetingId)
      .sort((a, b) => a.position - b.position)
      .map((item) => item.title);
  }

  private sees(audience: MeetingAudience, meetingId: string): boolean {
    return audience.seesAll || this.meetingOrganisations[meetingId].includes(audience.organisationId);
  }

  /** Only what the meetings services call; anything else fails the test. */
  repositories(): {
    meetings: MeetingsRepository;
    agenda: AgendaRepository;
    decisions: DecisionsRepository;
    actions: ActionsRepository;
  } {
    const find = (id: string) => this.meetings.find((meeting) => meeting.id === id) ?? null;
    const meetings = strictFake<MeetingsRepository>('MeetingsRepository', {
      manager: {} as EntityManager,
      transaction: <T>(work: (manager: EntityManager) => Promise<T>) => this.transaction(work),
      insertMeeting: async (_: EntityManager, values: MeetingValues, createdBy: string) =>
        this.seedMeeting([], { ...values, createdBy }),
      findMeeting: async (_: EntityManager, id: string) => find(id),
      findVisibleMeeting: async (_: EntityManager, audience: MeetingAudience, id: string) =>
        find(id) && this.sees(audience, id) ? find(id) : null,
      listVisibleMeetings: async (audience: MeetingAudience) =>
        this.meetings.filter((meeting) => this.sees(audience, meeting.id)),
      touchMeeting: async (_: EntityManager, id: string) => {
        const meeting = find(id);
        if (meeting) meeting.revision += 1;
        return meeting && { ...meeting };
      },
      updateMeeting: async (_: EntityManager, id: string, values: MeetingValues, presenterId: string | null) => {
        const meeting = this.meeting(id);
        Object.assign(meeting, values, { presenterId, version: meeting.version + 1 });
        return { ...meeting };
      },
      setChannel: async (meetingId: string, channelId: string, _manager?: EntityManager) => {
        this.meeting(meetingId).channelId = channelId;
      },
      organisationIdsOf: async (_: EntityManager, ids: string[]) =>
        new Map(ids.map((id) => [id, [...(this.meetingOrganisations[id] ?? [])].sort()])),
      setOrganisations: async (_: EntityManager, meetingId: string, organisationIds: string[]) => {
        this.meetingOrganisations[meetingId] = [...organisationIds];
      },
    });
    const agenda = strictFake<AgendaRepository>('AgendaRepository', {
      agendaOf: async (_: EntityManager, ids: string[]) => this.agenda.filter((item) => ids.includes(item.meetingId)),
      countAgenda: async (_: EntityManager, meetingId: string) =>
        this.agenda.filter((item) => item.meetingId === meetingId).length,
      findAgendaItem: async (_: EntityManager, meetingId: string, itemId: string) => {
        const item = this.agenda.find((entry) => entry.id === itemId && entry.meetingId === meetingId);
        return item ? { ...item } : null;
      },
      insertAgendaItem: async (
        _: EntityManager,
        meetingId: string,
        position: number,
        values: AgendaItemValues,
        userId: string,
      ) => {
        for (const item of this.agenda) if (item.meetingId === meetingId && item.position >= position) item.position += 1;
        return { ...this.seedItem(meetingId, { ...values, position, createdBy: userId, updatedBy: userId }) };
      },
      updateAgendaItem: async (_: EntityManager, itemId: string, values: AgendaItemValues, userId: string) => {
        const item = this.item(itemId);
        Object.assign(item, values, { updatedBy: userId, version: item.version + 1 });
        return { ...item };
      },
      moveAgendaItem: async (_: EntityManager, meetingId: string, itemId: string, from: number, to: number) => {
        for (const item of this.agenda) {
          if (item.meetingId !== meetingId) continue;
          if (item.id === itemId) item.position = to;
          else if (to < from && item.position >= to && item.position < from) item.position += 1;
          else if (to > from && item.position <= to && item.position > from) item.position -= 1;
        }
      },
      deleteAgendaItem: async (_: EntityManager, meetingId: string, deleted: AgendaItemEntity) => {
        this.agenda = this.agenda.filter((item) => item.id !== deleted.id);
        for (const item of this.agenda) if (item.meetingId === meetingId && item.position > deleted.position) item.position -= 1;
      },
    });
    const decisions = strictFake<DecisionsRepository>('DecisionsRepository', {
      decisionsOf: async (_: EntityManager, ids: string[]) =>
        this.decisions.filter((decision) => ids.includes(decision.meetingId)),
      countDecisionsOfItem: async (_: EntityManager, itemId: string) =>
        this.decisions.filter((decision) => decision.agendaItemId === itemId).length,
      findDecision: async (_: EntityManager, meetingId: string, id: string) => {
        const decision = this.decisions.find((entry) => entry.id === id && entry.meetingId === meetingId);
        return decision ? { ...decision } : null;
      },
      insertDecision: async (_: EntityManager, meetingId: string, values: DecisionValues, userId: string) => ({
        ...this.seedDecision(meetingId, { ...values, createdBy: userId }),
      }),
      updateDecision: async (_: EntityManager, id: string, values: DecisionValues) => ({
        ...Object.assign(this.decision(id), values),
      }),
      deleteDecision: async (_: EntityManager, id: string) => {
        this.decisions = this.decisions.filter((decision) => decision.id !== id);
      },
    });
    const actions = strictFake<ActionsRepository>('ActionsRepository', {
      actionsOf: async (_: EntityManager, ids: string[]) =>
        this.actions.filter((action) => ids.includes(action.meetingId)),
      openActionOwnerIds: async (_: EntityManager, meetingId: string) =>
        this.actions.filter((action) => action.meetingId === meetingId && action.status === 'open').map((action) => action.ownerId),
      findAction: async (_: EntityManager, meetingId: string, id: string) => {
        const action = this.actions.find((entry) => entry.id === id && entry.meetingId === meetingId);
        return action ? { ...action } : null;
      },
      insertAction: async (_: EntityManager, meetingId: string, values: ActionValues, userId: string) => ({
        ...this.seedAction(meetingId, { ...values, createdBy: userId, doneAt: values.status === 'done' ? NOW : null }),
      }),
      updateAction: async (_: EntityManager, id: string, values: ActionValues) => {
        const action = this.action(id);
        const doneAt = values.status === 'open' ? null : action.status === 'done' ? action.doneAt : NOW;
        Object.assign(action, values, { doneAt, version: action.version + 1 });
        return { ...action };
      },
      deleteAction: async (_: EntityManager, id: string) => {
        this.actions = this.actions.filter((action) => action.id !== id);
      },
      actionsOwnedBy: async (ownerId: string) =>
        this.actions
          .filter((action) => action.ownerId === ownerId)
          .map((action) => ({ ...action, meetingTitle: this.meeting(action.meetingId).title, meetingStartsAt: this.meeting(action.meetingId).startsAt })),
    });
    return { meetings, agenda, decisions, actions };
  }

  /** The people, sites and zones services as the meetings services ask them. */
  owners(): { people: PeopleService; sites: SitesService; zones: ZonesService } {
    const people = strictFake<PeopleService>('PeopleService', {
      organisationsByIds: async (ids: string[]) =>
        this.organisations
          .filter((id) => ids.includes(id))
          .map((id): Organisation => ({ id, name: id, kind: KIND_OF[id] })),
      usersByIds: async (ids: string[]) => this.people.filter((person) => ids.includes(person.id)).map((person) => ({ ...person })),
    });
    const sites = strictFake<SitesService>('SitesService', {
      liveSiteName: async (id: string) => this.sites.find((site) => site.id === id) ?? null,
    });
    const zones = strictFake<ZonesService>('ZonesService', {
      liveZone: async (id: string) => this.zones.find((zone) => zone.id === id) ?? null,
      versionExists: async (zoneId: string, version: number) => {
        const zone = this.zones.find((entry) => entry.id === zoneId);
        return zone !== undefined && version >= 1 && version <= zone.currentVersion;
      },
    });
    return { people, sites, zones };
  }
}

/** What the meetings module told the outside world: room pushes and (published, so committed) channel changes. */
export interface MeetingsOutbox {
  changed: Meeting[];
  presenters: { meetingId: string; presenterId: string | null }[];
  organisationsLeft: { meetingId: string; organisationIds: string[] }[];
  channelUpdates: MeetingChangedEvent[];
}

/** A MeetingsService over the store, with fakes of its collaborators that record what they were asked to do. */
export function meetingsWorld() {
  const store = new MeetingsStore();
  const outbox: MeetingsOutbox = { changed: [], presenters: [], organisationsLeft: [], channelUpdates: [] };
  const audit = strictFake<AuditService>('AuditService', {
    record: async (_: EntityManager, record: AuditRecord) => {
      store.audit.push(record);
    },
  });
  // The channel follows the meeting in its transaction (`meeting.changed`); only committed changes reach clients.
  const dataSource = strictFake<DataSource>('DataSource', {
    transaction: <T>(work: (manager: EntityManager) => Promise<T>) => store.transaction(work),
  });
  const events = strictFake<EventEmitter2>('EventEmitter2', {
    emit: (name: string, event: unknown) => {
      if (name === DOMAIN_EVENTS.meetingChanged) outbox.channelUpdates.push(event as MeetingChangedEvent);
      return true;
    },
  });
  const unitOfWork = new UnitOfWork(dataSource, events);
  unitOfWork.onInTransaction(DOMAIN_EVENTS.meetingChanged, async (event) => ({ channelId: `channel-of-${event.meetingId}` }));
  const reports = strictFake<ReportsService>('ReportsService', {
    organisationsNotSeeing: async (_: EntityManager, reportId: string, organisationIds: string[]) =>
      organisationIds.filter((id) => (store.reportsHiddenFrom[reportId] ?? []).includes(id)),
  });
  const publisher = strictFake<MeetingsPublisher>('MeetingsPublisher', {
    changed: (meeting: Meeting) => outbox.changed.push(meeting),
    presenter: (meetingId: string, presenterId: string | null) => outbox.presenters.push({ meetingId, presenterId }),
    organisationsLeft: (meetingId: string, organisationIds: string[]) => {
      if (organisationIds.length) outbox.organisationsLeft.push({ meetingId, organisationIds });
    },
  });
  const clock = strictFake<Clock>('Clock', { now: () => new Date('2026-12-15T10:00:00Z') });
  const repositories = store.repositories();
  const { people, sites, zones } = store.owners();
  const meetings = new MeetingsService(
    repositories.meetings,
    audit,
    unitOfWork,
    publisher,
    clock,
    reports,
    repositories.agenda,
    repositories.decisions,
    repositories.actions,
    people,
  );
  return {
    store,
    outbox,
    repositories,
    people,
    sites,
    zones,
    audit,
    meetings,
    actions: () => store.audit.map((record) => record.action),
  };
}
