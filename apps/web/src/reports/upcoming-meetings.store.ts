import type { AgendaItem, CreateAgendaItemRequest, Meeting } from '@samverkan/contracts';
import type { MeetingsApi } from '../meetings/meetings-api';
import { Store } from '../state/store';
import { upcomingMeetings, upcomingSince } from './report-agenda';

export interface UpcomingMeetingsState {
  /** `error`: the cards offer no meeting (the reports themselves still show). */
  status: 'loading' | 'ready' | 'error';
  /** The meetings the user sees that have not begun or began less than a day ago, soonest first. */
  meetings: Meeting[];
}

/**
 * The upcoming meetings for a list of report cards, loaded once for the whole list, and the reports put on
 * their agendas from the cards (kept in the meetings' agendas, so every card of the list knows).
 */
export class UpcomingMeetingsStore extends Store<UpcomingMeetingsState> {
  private loading: AbortController | null = null;

  constructor(
    private readonly api: Pick<MeetingsApi, 'list' | 'addAgendaItem'>,
    private readonly now: () => Date = () => new Date(),
  ) {
    super({ status: 'loading', meetings: [] });
  }

  async load(): Promise<void> {
    this.loading?.abort();
    const controller = (this.loading = new AbortController());
    try {
      const now = this.now();
      const meetings = await this.api.list({ from: upcomingSince(now) }, controller.signal);
      if (controller.signal.aborted) return;
      this.set({ status: 'ready', meetings: upcomingMeetings(meetings, now) });
    } catch {
      if (controller.signal.aborted) return;
      this.set({ ...this.value, status: 'error' });
    } finally {
      if (this.loading === controller) this.loading = null;
    }
  }

  /** Adds the item to the meeting's agenda; an ApiError tells why not. */
  async addToAgenda(meetingId: string, request: CreateAgendaItemRequest): Promise<AgendaItem> {
    const item = await this.api.addAgendaItem(meetingId, request);
    this.set({
      ...this.value,
      meetings: this.value.meetings.map((meeting) =>
        meeting.id === meetingId ? { ...meeting, agenda: [...meeting.agenda, item] } : meeting,
      ),
    });
    return item;
  }

  dispose(): void {
    this.loading?.abort();
  }
}
