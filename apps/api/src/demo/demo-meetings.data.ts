import { DateTime } from 'luxon';
import { DEFAULT_TIMEZONE } from '@samverkan/contracts';
import type { DemoOrganisationKey } from './demo-data';

// Two fictitious joint meetings of one series: the last one (four weeks ago) and the next one, so the meeting
// view has an agenda on the map and "since last meeting" has a basis. Sites and zones are named as in
// demo-map.data.ts.

/** The series both demo meetings belong to; while it has a meeting, nothing is seeded again. */
export const DEMO_MEETING_SERIES = 'Demo – Samverkan Malmö';
export const DEMO_MEETING_PLACE = 'Polishuset, Porslinsgatan 3 / Teams';
/** The police and the harm reduction services; the coordinator sees the meetings anyway. */
export const DEMO_MEETING_ORGANISATIONS: DemoOrganisationKey[] = [
  'police',
  'needleExchange',
  'ostClinic',
  'naloxonePoint',
];
/** Who calls the meetings and records their decisions and actions. */
export const DEMO_MEETING_ORGANISER = 'coordinator@demo.samverkan.test';

/** What an agenda item or a decision is about on the map: a demo site or a demo zone, by name. */
export type DemoMapLink = { site: string } | { zone: string };

export interface DemoAgendaItem {
  title: string;
  about: DemoMapLink;
  minutes?: string;
}

export interface DemoDecision {
  text: string;
  /** Index into the meeting's agenda. */
  agendaItem: number;
  zone: string;
}

export interface DemoAction {
  title: string;
  owner: string;
  /** Days from the day of seeding to the due day (negative: already due). */
  dueInDays: number;
  status: 'open' | 'done';
  /** Index into the meeting's agenda. */
  agendaItem: number;
}

export interface DemoMeeting {
  /** The meeting starts this many weeks before the next one. */
  weeksBeforeNext: number;
  agenda: DemoAgendaItem[];
  decisions: DemoDecision[];
  actions: DemoAction[];
}

const DAVIDSHALL = 'Demo – Substitutionsmottagningen Davidshall (fiktiv)';

export const DEMO_MEETINGS: DemoMeeting[] = [
  {
    weeksBeforeNext: 4,
    agenda: [
      {
        title: 'Öppettider i jul och nyår på substitutionsmottagningarna',
        about: { site: DAVIDSHALL },
        minutes: 'Davidshall håller stängt julafton och juldagen och stänger 12 på nyårsafton.',
      },
    ],
    decisions: [],
    actions: [
      {
        title: 'Skicka ut helgdagarnas öppettider till polisens närpoliser',
        owner: 'ost@demo.samverkan.test',
        dueInDays: -7,
        status: 'done',
        agendaItem: 0,
      },
    ],
  },
  {
    weeksBeforeNext: 0,
    agenda: [
      {
        title: 'Zonen vid Triangeln: förslag om en större zon',
        about: { zone: 'Demo – Zon Triangeln' },
        minutes:
          'Inför mötet: sprututbytet föreslår en större zon (version 2) eftersom kön ofta når ut på torget.',
      },
      {
        title: 'Zonen vid Centralstationen väntar på polisens godkännande',
        about: { zone: 'Demo – Zon Centralstationen, föreslagen' },
      },
      { title: 'Öppettider i jul på Substitutionsmottagningen Davidshall', about: { site: DAVIDSHALL } },
      {
        title: 'Naloxonkit i patrullbilarna',
        about: { site: 'Demo – Naloxonpunkten Möllevångstorget (fiktiv)' },
      },
    ],
    decisions: [
      {
        text: 'Den större zonen vid Triangeln prövas i fyra veckor och följs upp på nästa möte.',
        agendaItem: 0,
        zone: 'Demo – Zon Triangeln',
      },
    ],
    actions: [
      {
        title: 'Informera kvällspatrullerna om den större zonen vid Triangeln',
        owner: 'police@demo.samverkan.test',
        dueInDays: 7,
        status: 'open',
        agendaItem: 0,
      },
      {
        title: 'Skicka en karta över den föreslagna zonen vid Centralstationen till polisen',
        owner: 'service@demo.samverkan.test',
        dueInDays: 14,
        status: 'open',
        agendaItem: 1,
      },
    ],
  },
];

const THURSDAY = 4;

/** The first Thursday 09:00 in Malmö after `now` (the coordination meetings' usual slot). */
export function nextMeetingStart(now: Date): DateTime {
  const local = DateTime.fromJSDate(now, { zone: DEFAULT_TIMEZONE });
  let start = local.set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
  while (start.weekday !== THURSDAY || start <= local) start = start.plus({ days: 1 });
  return start;
}

/** "Demo – Samverkansmöte Malmö, 3 december": the day says which meeting of the series it is. */
export function demoMeetingTitle(startsAt: DateTime): string {
  return `Demo – Samverkansmöte Malmö, ${startsAt.setLocale('sv').toFormat('d LLLL')}`;
}
