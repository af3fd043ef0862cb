import { Injectable } from '@nestjs/common';
import type { DateTime } from 'luxon';
import type { Meeting } from '@samverkan/contracts';
import type { AuthUser } from '../auth/auth-user';
import { addDays, localToday } from '../common/calendar-dates';
import { Clock } from '../common/clock';
import { ActionsService } from '../meetings/actions.service';
import { AgendaService } from '../meetings/agenda.service';
import { DecisionsService } from '../meetings/decisions.service';
import { MeetingsService } from '../meetings/meetings.service';
import { PeopleService } from '../people/people.service';
import { SitesService } from '../sites/sites.service';
import { ZonesService } from '../zones/zones.service';
import { demoActor } from './demo-actor';
import type { DemoOrganisationKey } from './demo-data';
import {
  DEMO_MEETING_ORGANISATIONS,
  DEMO_MEETING_ORGANISER,
  DEMO_MEETING_PLACE,
  DEMO_MEETING_SERIES,
  DEMO_MEETINGS,
  DemoMapLink,
  DemoMeeting,
  demoMeetingTitle,
  nextMeetingStart,
} from './demo-meetings.data';

/** Ids of the demo sites and zones by name, for the links of agenda items and decisions. */
interface MapIds {
  sites: Map<string, string>;
  zones: Map<string, string>;
}

/**
 * The demo meetings, created once (while the demo series has a meeting, nothing is added) through the meetings
 * services by the demo coordinator, so they are audited and get their channels like real ones. Times are taken
 * from the app's clock at the first seeding: the next meeting is the coming Thursday at 09:00.
 */
@Injectable()
export class DemoMeetingsSeed {
  constructor(
    private readonly clock: Clock,
    private readonly people: PeopleService,
    private readonly sites: SitesService,
    private readonly zones: ZonesService,
    private readonly meetings: MeetingsService,
    private readonly agenda: AgendaService,
    private readonly decisions: DecisionsService,
    private readonly actions: ActionsService,
  ) {}

  /** Answers the latest meeting of the demo series (made now or at an earlier start), for the start-up lines. */
  async seed(
    organisationIds: Record<DemoOrganisationKey, string>,
  ): Promise<Pick<Meeting, 'title' | 'startsAt'>> {
    const organiser = await demoActor(this.people, DEMO_MEETING_ORGANISER);
    // Earliest first, as the list answers and DEMO_MEETINGS is ordered.
    const existing = await this.meetings.list(organiser, { series: DEMO_MEETING_SERIES });
    if (existing.length > 0) return existing[existing.length - 1];
    const now = this.clock.now();
    const next = nextMeetingStart(now);
    const today = localToday(now);
    const ids = await this.mapIds(now);
    const made: Meeting[] = [];
    for (const plan of DEMO_MEETINGS) {
      const startsAt = next.minus({ weeks: plan.weeksBeforeNext });
      made.push(await this.seedMeeting(plan, startsAt, today, organisationIds, ids, organiser));
    }
    return made[made.length - 1];
  }

  private async seedMeeting(
    plan: DemoMeeting,
    startsAt: DateTime,
    today: string,
    organisationIds: Record<DemoOrganisationKey, string>,
    ids: MapIds,
    organiser: AuthUser,
  ): Promise<Meeting> {
    const meeting = await this.meetings.create(
      {
        title: demoMeetingTitle(startsAt),
        startsAt: startsAt.toISO()!,
        place: DEMO_MEETING_PLACE,
        organisationIds: DEMO_MEETING_ORGANISATIONS.map((key) => organisationIds[key]),
        series: DEMO_MEETING_SERIES,
      },
      organiser,
    );
    const itemIds: string[] = [];
    for (const item of plan.agenda) {
      const added = await this.agenda.add(
        meeting.id,
        { title: item.title, minutes: item.minutes, ...this.link(item.about, ids) },
        organiser,
      );
      itemIds.push(added.id);
    }
    for (const decision of plan.decisions) {
      await this.decisions.add(
        meeting.id,
        {
          text: decision.text,
          agendaItemId: itemIds[decision.agendaItem],
          zoneId: ids.zones.get(decision.zone) ?? null,
        },
        organiser,
      );
    }
    for (const action of plan.actions) {
      const owner = await demoActor(this.people, action.owner);
      await this.actions.add(
        meeting.id,
        {
          title: action.title,
          ownerId: owner.id,
          dueDate: addDays(today, action.dueInDays),
          status: action.status,
          agendaItemId: itemIds[action.agendaItem],
        },
        organiser,
      );
    }
    return meeting;
  }

  /** A site or zone someone has deleted since is left out: the item stays, without its place on the map. */
  private link(about: DemoMapLink, ids: MapIds): { siteId?: string; zoneId?: string } {
    const id = 'site' in about ? ids.sites.get(about.site) : ids.zones.get(about.zone);
    if (id === undefined) return {};
    return 'site' in about ? { siteId: id } : { zoneId: id };
  }

  private async mapIds(now: Date): Promise<MapIds> {
    const [sites, zones] = [await this.sites.list({}, now), await this.zones.list({ at: now })];
    return {
      sites: new Map(sites.features.map((site) => [site.properties.name, site.properties.id])),
      zones: new Map(zones.features.map((zone) => [zone.properties.name, zone.properties.id])),
    };
  }
}
