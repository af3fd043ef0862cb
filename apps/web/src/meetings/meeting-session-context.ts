import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { MeetingSessionStore } from './meeting-session.store';

/**
 * The open meeting, provided by its page (meeting-room.tsx) to the components inside it (the panel, the bar over
 * the map). In a file of its own: the panel sits inside the map screen, which the page draws, so reading the
 * context from the page's file made an import cycle.
 */
export const MeetingSessionContext = createContext<MeetingSessionStore | null>(null);

export function useMeetingSession(): MeetingSessionStore | null {
  return useContext(MeetingSessionContext);
}
