import type { SiteMarker } from '@samverkan/contracts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { stockholmDay } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import type { Translate } from '../i18n/i18n';
import { useAppBase, useFeature } from '../session/feature-registry';
import { SITE_TYPE_LOOKS } from '../sites/site-types';
import { sitesFeature } from '../sites/sites-feature';
import { sitesOnMap } from '../sites/sites.store';
import { panelFeature } from '../state/panel-feature';
import { drawsOnMap } from '../state/panel.store';
import { useStore } from '../state/use-store';
import { FILTERABLE_ZONE_STATES, shapesOf, type ZoneShape } from '../zones/zone-display';
import { zoneQueues } from '../zones/zone-queues';
import { ZONE_STATE_STYLES } from '../zones/zone-style';
import { zonesFeature } from '../zones/zones-feature';
import L from './leaflet';
import { MAP_COMMANDS, MAP_EVENTS, type MapCommands } from './map-events';
import { clientConfigFeature, mapCommandsFeature, mapEventsFeature, mapFiltersFeature } from './map-feature';
import { MapView, type MapTexts } from './map-view';
import type { ZoneLabel } from './zone-layer';
import { rememberedView, rememberView } from './map-view-memory';

const textsOf = (t: Translate): MapTexts => ({
  label: t('map.label'),
  zoomIn: t('map.zoomIn'),
  zoomOut: t('map.zoomOut'),
  position: t('map.yourPosition'),
  siteCluster: (count) => t('map.siteCluster', { count }),
  placing: t('siteMap.placing'),
});

/**
 * The Leaflet map, fed from the workspace's stores. What happens on the map comes back as MAP_EVENTS and
 * becomes app state here (the panel to open); the app's MAP_COMMANDS steer the view and the drawing tool.
 */
export function MapCanvas() {
  const { storage } = useAppBase();
  const zones = useFeature(zonesFeature);
  const sites = useFeature(sitesFeature);
  const filters = useFeature(mapFiltersFeature);
  const panel = useFeature(panelFeature);
  const clientConfig = useFeature(clientConfigFeature);
  const mapCommands = useFeature(mapCommandsFeature);
  const mapEvents = useFeature(mapEventsFeature);
  const { t, language } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<MapView | null>(null);
  const [highlight, setHighlight] = useState<MapCommands[typeof MAP_COMMANDS.highlight]>(null);

  const zonesState = useStore(zones);
  const sitesState = useStore(sites);
  const filterState = useStore(filters);
  const panelState = useStore(panel);
  const config = useStore(clientConfig);

  useEffect(() => {
    const remembered = rememberedView(storage);
    const mapView = new MapView(
      container.current!,
      mapEvents,
      textsOf(t),
      remembered ? { center: [remembered.lat, remembered.lng], zoom: remembered.zoom } : {},
    );
    if (remembered) mapView.keepView();
    // Who picks a place on the map now (a meeting's agenda item form): clicks go to them, not to panels.
    let pickingFor: string | null = null;
    const picking = (owner: string | null) => {
      pickingFor = owner;
      mapView.map.getContainer().classList.toggle('map-canvas__map--picking', owner !== null);
    };
    const stops = [
      mapEvents.on(MAP_EVENTS.viewChanged, ({ center, zoom }) => rememberView(storage, { ...center, zoom })),
      mapEvents.on(MAP_EVENTS.siteSelected, ({ siteId }) => {
        if (pickingFor)
          mapEvents.emit(MAP_EVENTS.placePicked, { owner: pickingFor, kind: 'site', id: siteId });
        else if (!panel.isDrawing) panel.open({ kind: 'site', siteId });
      }),
      mapEvents.on(MAP_EVENTS.zoneSelected, ({ zoneId }) => {
        if (pickingFor)
          mapEvents.emit(MAP_EVENTS.placePicked, { owner: pickingFor, kind: 'zone', id: zoneId });
        else if (!panel.isDrawing) panel.open({ kind: 'zone', zoneId });
      }),
      mapCommands.on(MAP_COMMANDS.pickPlace, ({ owner }) => picking(owner)),
      mapCommands.on(MAP_COMMANDS.pickPlaceStop, ({ owner }) => {
        if (pickingFor === owner) picking(null);
      }),
      mapCommands.on(MAP_COMMANDS.focusZone, ({ zoneId }) =>
        mapView.focusZone(zoneId, coveredBelow(container.current!)),
      ),
      mapCommands.on(MAP_COMMANDS.focusSite, ({ siteId }) =>
        mapView.focusSite(siteId, coveredBelow(container.current!)),
      ),
      mapCommands.on(MAP_COMMANDS.showPosition, (position) => {
        mapView.position.setPosition(position);
        if (!position) return;
        const bounds = mapView.position.bounds()!;
        for (const zoneId of position.zoneIds) {
          const zone = mapView.zones.boundsOf(zoneId);
          if (zone) bounds.extend(zone);
        }
        // The answer card may still grow (its details load after it): on a narrow map keep the lower half free.
        const map = container.current!;
        const narrow = map.clientWidth < 640;
        mapView.focusPosition(bounds, 17, Math.max(coveredBelow(map), narrow ? map.clientHeight / 2 : 0));
      }),
      mapCommands.on(MAP_COMMANDS.drawStart, (start) => {
        mapView.zones.setExcluded(start.editingZoneId);
        mapView.draw.start(
          start.kind === 'circle'
            ? { kind: 'circle', center: start.center, radiusMeters: start.radiusMeters }
            : start,
        );
        const bounds = mapView.draw.bounds();
        if (bounds) mapView.focusBounds(bounds, 17, coveredBelow(container.current!));
      }),
      mapCommands.on(MAP_COMMANDS.drawFinish, () => mapView.draw.finish()),
      mapCommands.on(MAP_COMMANDS.drawUndo, () => mapView.draw.undoLastCorner()),
      mapCommands.on(MAP_COMMANDS.drawRedraw, () => mapView.draw.redraw()),
      mapCommands.on(MAP_COMMANDS.drawRadius, ({ radiusMeters }) => mapView.draw.setRadius(radiusMeters)),
      mapCommands.on(MAP_COMMANDS.followView, ({ center, zoom, bounds }) =>
        mapView.followView(center, zoom, bounds),
      ),
      mapCommands.on(MAP_COMMANDS.announceView, () => mapView.announceView()),
      mapCommands.on(MAP_COMMANDS.highlight, (next) => setHighlight(next)),
      mapCommands.on(MAP_COMMANDS.placeStart, ({ siteId, location }) => {
        mapView.sites.setExcluded(siteId);
        mapView.place.start(location);
        if (location)
          mapView.focusBounds(L.latLng(location).toBounds(300), 17, coveredBelow(container.current!));
      }),
      mapCommands.on(MAP_COMMANDS.placeAt, (location) => mapView.place.setLocation(location)),
      mapCommands.on(MAP_COMMANDS.placeAtCentre, () => mapView.place.placeAtCentre()),
      mapCommands.on(MAP_COMMANDS.placeStop, () => {
        mapView.place.stop();
        mapView.sites.setExcluded(null);
      }),
      mapCommands.on(MAP_COMMANDS.drawStop, () => {
        mapView.draw.clear();
        mapView.zones.setExcluded(null);
      }),
    ];
    // The map must learn its new size when a panel opens beside it or the phone turns.
    const resize = new ResizeObserver(() => mapView.resized());
    resize.observe(container.current!);
    setView(mapView);
    // Commands sent before the map existed (a zone form opened while Geoman loaded) went nowhere: say it is here.
    mapEvents.emit(MAP_EVENTS.mapReady, {});
    return () => {
      resize.disconnect();
      stops.forEach((stop) => stop());
      mapView.destroy();
    };
  }, []);

  useEffect(() => {
    if (!view) return;
    view.setTexts(textsOf(t));
    view.setLanguage(language);
  }, [view, language]);

  useEffect(() => {
    if (view && config.status === 'ready')
      view.setBaseMap(config.config.tileUrl, config.config.tileAttribution);
  }, [view, config]);

  useEffect(() => {
    if (!view) return;
    const shapes = [...zonesState.zones.values()].flatMap(shapesOf);
    // Zones whose review date is within 30 days or past carry a badge, as they are listed in "To review".
    const reviewDue = new Set(
      zoneQueues(zonesState.zones.values(), null, stockholmDay(new Date())).reviewDue.map((zone) => zone.properties.id),
    );
    view.zones.setShapes(shapes, (shape) => zoneLabel(shape, t, reviewDue.has(shape.zoneId)));
    if (zonesState.status === 'ready' && sitesState.status === 'ready') view.fitToDataOnce();
  }, [view, zonesState, sitesState.status, language]);

  useEffect(() => {
    if (!view) return;
    view.sites.setSites([...sitesOnMap(sitesState).values()], (site) => siteLabel(site, t));
    if (zonesState.status === 'ready' && sitesState.status === 'ready') view.fitToDataOnce();
  }, [view, sitesState, language]);

  useEffect(() => {
    if (!view) return;
    view.zones.setHiddenStates(FILTERABLE_ZONE_STATES.filter((state) => !filterState.zoneStates.has(state)));
    view.sites.setHiddenTypes(
      Object.keys(SITE_TYPE_LOOKS).filter((type) => !filterState.siteTypes.has(type as never)) as never[],
    );
  }, [view, filterState]);

  useEffect(() => {
    if (!view) return;
    const zoneId =
      panelState.kind === 'zone'
        ? panelState.zoneId
        : panelState.kind === 'zone-form' && panelState.mode === 'edit'
          ? panelState.zoneId
          : null;
    // What the panel shows wins; else a meeting's current item.
    const siteId =
      panelState.kind === 'site' || (panelState.kind === 'site-form' && panelState.mode === 'edit')
        ? panelState.siteId
        : null;
    view.zones.select(zoneId ?? (siteId ? null : (highlight?.zoneId ?? null)));
    view.sites.select(siteId ?? (zoneId ? null : (highlight?.siteId ?? null)));
    view.map.getContainer().classList.toggle('map--drawing', drawsOnMap(panelState));
  }, [view, panelState, highlight]);

  return (
    <div class="map-canvas">
      <div ref={container} class="map-canvas__map" data-testid="map" />
    </div>
  );
}

/**
 * How much of the map's lower part is hidden behind overlays: the check's answer, or the side panel where it
 * rises over the map as a sheet (on a phone). What the app focuses on is fitted into the rest.
 */
function coveredBelow(mapElement: HTMLElement): number {
  const screen = mapElement.closest('.map-screen');
  const mapBox = mapElement.getBoundingClientRect();
  let covered = 0;
  for (const overlay of screen?.querySelectorAll<HTMLElement>('.check, .map-screen__panel') ?? []) {
    const box = overlay.getBoundingClientRect();
    // Only what lies over the map counts (the panel beside the map on a wide screen does not).
    const overlapsMap = box.left < mapBox.right && box.right > mapBox.left && box.top < mapBox.bottom;
    if (overlapsMap) covered = Math.max(covered, mapBox.bottom - box.top);
  }
  return covered;
}

function zoneLabel(shape: ZoneShape, t: Translate, reviewDue: boolean): ZoneLabel {
  const state = t(ZONE_STATE_STYLES[shape.state].label);
  // The badge goes on what is in force (or the zone itself), not on a proposal drawn over it.
  const badge = reviewDue && shape.role !== 'proposal' ? { badge: t('map.zoneLabel.reviewDue') } : {};
  if (shape.role === 'proposal') {
    return {
      short: t('map.zoneLabel.proposalShort', { version: shape.version }),
      full: t('map.zoneLabel.proposal', { name: shape.name, version: shape.version }),
    };
  }
  return { short: state, full: t('map.zoneLabel', { name: shape.name, state }), ...badge };
}

function siteLabel(site: SiteMarker, t: Translate): string {
  return t('map.siteLabel', {
    name: site.properties.name,
    type: t(SITE_TYPE_LOOKS[site.properties.type].label),
  });
}
