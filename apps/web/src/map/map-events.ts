import type { MapBounds, ZoneGeometry } from '@samverkan/contracts';
import type { Bbox } from '../api/samverkan-api';

// Every event between the map's rendering classes and the rest of the app, named once, with its payload.
// The rendering classes turn Leaflet's events into MAP_EVENTS; the app steers the map with MAP_COMMANDS.

export const MAP_EVENTS = {
  /** A site marker was clicked, tapped, or activated with Enter. */
  siteSelected: 'map:site-selected',
  /** A zone shape was clicked or tapped. */
  zoneSelected: 'map:zone-selected',
  /** The visible area changed (after panning or zooming); never for a view made by the checked position. */
  viewChanged: 'map:view-changed',
  /** The drawn or edited zone shape changed (null: nothing drawn yet). */
  shapeDrawn: 'map:shape-drawn',
  /** A circle's radius was changed by dragging on the map. */
  radiusDragged: 'map:radius-dragged',
  /** Base map tiles failed to load (the zones stay readable on the plain background). */
  tilesFailed: 'map:tiles-failed',
  /** Base map tiles load again. */
  tilesLoaded: 'map:tiles-loaded',
  /** The map started moving by the user's hand or the app's focus, not by a followed view (a meeting's presenter's). */
  userMoved: 'map:user-moved',
  /** The map was made and takes commands (for drawing roles, only once the drawing tools have loaded). */
  mapReady: 'map:ready',
  /** While picking a place (MAP_COMMANDS.pickPlace), a site or zone was clicked: it goes to `owner`, no panel opens. */
  placePicked: 'map:place-picked',
  /** The site being placed or moved was put here (a click on the map, or its marker dragged and dropped). */
  sitePlaced: 'map:site-placed',
} as const;

export interface MapEvents {
  [MAP_EVENTS.siteSelected]: { siteId: string };
  [MAP_EVENTS.zoneSelected]: { zoneId: string };
  [MAP_EVENTS.viewChanged]: { bbox: Bbox; center: { lat: number; lng: number }; zoom: number };
  [MAP_EVENTS.shapeDrawn]: { geometry: ZoneGeometry | null };
  [MAP_EVENTS.radiusDragged]: { radiusMeters: number };
  [MAP_EVENTS.tilesFailed]: Record<string, never>;
  [MAP_EVENTS.tilesLoaded]: Record<string, never>;
  [MAP_EVENTS.userMoved]: Record<string, never>;
  [MAP_EVENTS.mapReady]: Record<string, never>;
  [MAP_EVENTS.placePicked]: { owner: string; kind: 'site' | 'zone'; id: string };
  [MAP_EVENTS.sitePlaced]: { lat: number; lng: number };
}

export const MAP_COMMANDS = {
  /** Fit the map to a zone. */
  focusZone: 'map:focus-zone',
  /** Centre the map on a site. */
  focusSite: 'map:focus-site',
  /** Show the user's position (after a check) and the zones it is in; null removes it. */
  showPosition: 'map:show-position',
  /** Start drawing or editing a zone's shape. */
  drawStart: 'map:draw-start',
  /** Close the polygon being drawn. */
  drawFinish: 'map:draw-finish',
  /** Remove the last corner of the polygon being drawn. */
  drawUndo: 'map:draw-undo',
  /** Drop the drawn polygon and draw a new one. */
  drawRedraw: 'map:draw-redraw',
  /** The circle's radius was typed in the form. */
  drawRadius: 'map:draw-radius',
  /** Drawing ended (saved or cancelled). */
  drawStop: 'map:draw-stop',
  /** Show exactly this view (a meeting's presenter's); it does not count as the user moving the map. */
  followView: 'map:follow-view',
  /** Emit `viewChanged` for the view as it is now (a new presenter shares where they are). */
  announceView: 'map:announce-view',
  /** Mark a zone or site as the one being discussed (a meeting's current agenda item); null clears it. */
  highlight: 'map:highlight',
  /** The next site or zone clicked is picked for `owner` (MAP_EVENTS.placePicked) instead of opening its panel. */
  pickPlace: 'map:pick-place',
  /** `owner` no longer picks (picked, cancelled or gone); another owner's picking goes on. */
  pickPlaceStop: 'map:pick-place-stop',
  /**
   * Start placing a site: a click on the map puts its marker there, and the marker can be dragged. `siteId`
   * names the site being moved (its own marker steps aside meanwhile); `location` is where the marker starts.
   */
  placeStart: 'map:place-start',
  /** Put the marker being placed here (a cancelled move puts it back). */
  placeAt: 'map:place-at',
  /** Put the marker being placed at the map's centre, as if clicked there (the way without a pointer). */
  placeAtCentre: 'map:place-at-centre',
  /** Placing ended (saved or cancelled). */
  placeStop: 'map:place-stop',
} as const;

export type DrawStart =
  | { kind: 'polygon'; geometry: ZoneGeometry | null; editingZoneId: string | null }
  | {
      kind: 'circle';
      center: { lat: number; lng: number };
      radiusMeters: number;
      editingZoneId: string | null;
    };

export interface MapCommands {
  [MAP_COMMANDS.focusZone]: { zoneId: string };
  [MAP_COMMANDS.focusSite]: { siteId: string };
  [MAP_COMMANDS.showPosition]: { lat: number; lng: number; accuracy: number; zoneIds: string[] } | null;
  [MAP_COMMANDS.drawStart]: DrawStart;
  [MAP_COMMANDS.drawFinish]: Record<string, never>;
  [MAP_COMMANDS.drawUndo]: Record<string, never>;
  [MAP_COMMANDS.drawRedraw]: Record<string, never>;
  [MAP_COMMANDS.drawRadius]: { radiusMeters: number };
  [MAP_COMMANDS.drawStop]: Record<string, never>;
  /** `bounds`: what the presenter's map shows; a smaller map zooms out to show all of it. */
  [MAP_COMMANDS.followView]: { center: { lat: number; lng: number }; zoom: number; bounds?: MapBounds };
  [MAP_COMMANDS.announceView]: Record<string, never>;
  [MAP_COMMANDS.highlight]: { zoneId: string | null; siteId: string | null } | null;
  [MAP_COMMANDS.pickPlace]: { owner: string };
  [MAP_COMMANDS.pickPlaceStop]: { owner: string };
  [MAP_COMMANDS.placeStart]: { siteId: string | null; location: { lat: number; lng: number } | null };
  [MAP_COMMANDS.placeAt]: { lat: number; lng: number };
  [MAP_COMMANDS.placeAtCentre]: Record<string, never>;
  [MAP_COMMANDS.placeStop]: Record<string, never>;
}
