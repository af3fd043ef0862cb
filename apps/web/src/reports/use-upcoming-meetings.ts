import { useEffect, useState } from 'preact/hooks';
import { useServices } from '../app/services';
import { createMeetingsApi } from '../meetings/meetings-api';
import { UpcomingMeetingsStore } from './upcoming-meetings.store';

/** The upcoming meetings for one list of report cards: loaded once when the list shows, shared by its cards. */
export function useUpcomingMeetings(): UpcomingMeetingsStore {
  const { apiFetch } = useServices();
  const [store] = useState(() => new UpcomingMeetingsStore(createMeetingsApi(apiFetch)));
  useEffect(() => {
    void store.load();
    return () => store.dispose();
  }, [store]);
  return store;
}
