import { useEffect, useState } from 'preact/hooks';
import { meetingsApiFeature } from '../meetings/meetings-feature';
import { useFeature } from '../session/feature-registry';
import { UpcomingMeetingsStore } from './upcoming-meetings.store';

/** The upcoming meetings for one list of report cards: loaded once when the list shows, shared by its cards. */
export function useUpcomingMeetings(): UpcomingMeetingsStore {
  const api = useFeature(meetingsApiFeature);
  const [store] = useState(() => new UpcomingMeetingsStore(api));
  useEffect(() => {
    void store.load();
    return () => store.dispose();
  }, [store]);
  return store;
}
