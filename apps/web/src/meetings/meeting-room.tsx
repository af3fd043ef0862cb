import type { MapBounds } from '@samverkan/contracts';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Bbox } from '../api/samverkan-api';
import { useI18n } from '../i18n/use-i18n';
import { MAP_COMMANDS, MAP_EVENTS } from '../map/map-events';
import { mapCommandsFeature, mapEventsFeature } from '../map/map-feature';
import { useMapReadyCount } from '../map/use-map-ready';
import { useFeature, useSessionBase } from '../session/feature-registry';
import { panelFeature } from '../state/panel-feature';
import { useStore } from '../state/use-store';
import { MeetingMapBar } from './meeting-map-bar';
import { MeetingSessionContext } from './meeting-session-context';
import { MeetingSessionStore } from './meeting-session.store';
import { meetingsApiFeature } from './meetings-feature';
import './meetings.css';

/**
 * One meeting's page (`#/meetings/<id>`): the shared view's bar on top, the map under it, with the meeting in
 * the side panel. The session (the meeting's data and live room) lives as long as the page. The shell hands in
 * the map screen (without the zone check: a meeting's map is shared, a position must not be).
 */
export function MeetingRoom({ meetingId, map }: { meetingId: string; map: ComponentChildren }) {
  const { socket, user } = useSessionBase();
  const panel = useFeature(panelFeature);
  const mapCommands = useFeature(mapCommandsFeature);
  const api = useFeature(meetingsApiFeature);
  const { t } = useI18n();
  const [session] = useState(() => {
    // Open the panel before the map is first drawn: a map made at full width and narrowed by the panel
    // a moment later would keep its top-left corner and lose its centre.
    panel.open({ kind: 'meeting' });
    return new MeetingSessionStore(meetingId, api, socket, user.id);
  });
  const state = useStore(session);

  useEffect(() => {
    session.start();
    return () => {
      session.dispose();
      if (panel.value.kind === 'meeting') panel.close();
      mapCommands.emit(MAP_COMMANDS.highlight, null);
    };
  }, [session]);

  if (state.status === 'not_found') {
    return (
      <div class="meetings-page" data-testid="meeting-not-found">
        <h1>{t('meetings.notFound.title')}</h1>
        <p>{t('meetings.notFound.body')}</p>
        <p>
          <a class="button" href="#/meetings">
            {t('meetings.backToList')}
          </a>
        </p>
      </div>
    );
  }

  return (
    <MeetingSessionContext.Provider value={session}>
      <div class="meeting-room" data-testid="meeting-room">
        <MeetingMapBar session={session} />
        {map}
      </div>
      <SharedMapView session={session} />
    </MeetingSessionContext.Provider>
  );
}

/**
 * Ties the map to the meeting's shared view: a follower's map shows the presenter's view and highlights the
 * item being discussed; a presenter's moves go out to the others; moving the map by hand stops following.
 */
function SharedMapView({ session }: { session: MeetingSessionStore }) {
  const mapCommands = useFeature(mapCommandsFeature);
  const mapEvents = useFeature(mapEventsFeature);
  const state = useStore(session);
  const presenting = session.isPresenter;
  const item = state.meeting?.agenda.find((candidate) => candidate.id === state.currentItemId) ?? null;
  // A drawing role's map is made late (see drawing-tools-gate.tsx): the view and highlight go again to it.
  const mapReadyCount = useMapReadyCount();

  useEffect(() => {
    const stops = [
      mapEvents.on(MAP_EVENTS.userMoved, () => {
        // Only once there is a view to follow: the map settling on the data at first must not count.
        if (session.value.live && session.value.view) session.detach();
      }),
      mapEvents.on(MAP_EVENTS.viewChanged, ({ center, zoom, bbox }) =>
        session.presenterMoved({ center, zoom, bounds: boundsOf(bbox) }),
      ),
    ];
    return () => stops.forEach((stop) => stop());
  }, [session]);

  useEffect(() => {
    if (state.following && !presenting && state.view) mapCommands.emit(MAP_COMMANDS.followView, state.view);
  }, [state.view, state.following, presenting, mapReadyCount]);

  // Whoever takes the role shares where they are, so everyone starts from the presenter's view.
  useEffect(() => {
    if (presenting) mapCommands.emit(MAP_COMMANDS.announceView, {});
  }, [presenting, mapReadyCount]);

  useEffect(() => {
    mapCommands.emit(MAP_COMMANDS.highlight, item ? { zoneId: item.zoneId, siteId: item.siteId } : null);
  }, [item?.id, item?.zoneId, item?.siteId, mapReadyCount]);

  return null;
}

/** The view's edges within the api's ranges: a map zoomed far out can show more than the world. */
function boundsOf([west, south, east, north]: Bbox): MapBounds {
  const clamp = (value: number, limit: number) => Math.max(-limit, Math.min(limit, value));
  return { south: clamp(south, 90), west: clamp(west, 180), north: clamp(north, 90), east: clamp(east, 180) };
}
