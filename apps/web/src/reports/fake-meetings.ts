import type { AgendaItem, Meeting } from '@samverkan/contracts';

// For unit tests: a meeting as the api answers it, with only what a test cares about given.

/** A meeting starting at `startsAt`, with agenda items numbered `<id>-item-1`, `-2` … */
export function meetingAt(id: string, startsAt: string, agenda: Partial<AgendaItem>[] = []): Meeting {
  return {
    id,
    title: `Möte ${id}`,
    startsAt,
    place: null,
    organisationIds: ['org-police'],
    agenda: agenda.map((item, index) => ({
      id: `${id}-item-${index + 1}`,
      title: 'Punkt',
      siteId: null,
      zoneId: null,
      reportId: null,
      minutes: '',
      position: index + 1,
      version: 1,
      updatedAt: startsAt,
      updatedBy: null,
      ...item,
    })),
    decisions: [],
    actions: [],
    channelId: null,
    presenterId: null,
    series: null,
    view: null,
    currentItemId: null,
    version: 1,
    revision: 1,
    createdBy: null,
    createdAt: startsAt,
    updatedAt: startsAt,
  };
}
