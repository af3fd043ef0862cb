import { useEffect, useState } from 'preact/hooks';
import { useMeetingsApi } from '../meetings/meetings-feature';
import { UpcomingMeetingsStore } from './upcoming-meetings.store';

/** The upcoming meetings for one list of report cards: loaded once when the list shows, shared by its cards. */
export function useUpcomingMeetings(): UpcomingMeetingsStore {
  const api = useMeetingsApi();
  const [store] = useState(() => new UpcomingMeetingsStore(api));
  useEffect(() => {
    void store.load();
    return () => store.dispose();
  }, [store]);
  return store;
}
