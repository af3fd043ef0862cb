import type { MapBounds } from '@samverkan/contracts';
import type { Emitter } from '../state/emitter';
import L from './leaflet';
import { MAP_EVENTS, type MapEvents } from './map-events';
import { PositionLayer } from './position-layer';
import { attributionFor } from './tile-attribution';
import { SiteLayer } from './site-layer';
import { SitePlaceTool } from './site-place-tool';
import { ZoneDrawTool } from './zone-draw-tool';
import { ZoneLayer } from './zone-layer';
import { ZonePatterns } from './zone-patterns';

export interface MapViewOptions {
  /** Where the map opens before the data is loaded: central Malmö. */
  center: L.LatLngExpression;
  zoom: number;
  minZoom: number;
  maxZoom: number;
}

/** A follower's map that shows this share of the presenter's view (at each edge, 5 % may be cut) keeps their zoom. */
const NEARLY_ALL = 0.9;

const DEFAULTS: MapViewOptions = { center: [55.6009, 13.0007], zoom: 14, minZoom: 5, maxZoom: 19 };

export interface MapTexts {
  label: string;
  zoomIn: string;
  zoomOut: string;
  position: string;
  /** A cluster of `count` sites, which Enter or a tap opens. */
  siteCluster: (count: number) => string;
  /** The accessible name of the marker of a site being placed or moved. */
  placing: string;
}

/** What Leaflet 1.9 has pending on a map, in fields its typings leave out (see MapView.cancelLeafletTimers). */
interface PendingLeafletWork {
  _animatingZoom?: boolean;
  scrollWheelZoom?: { _timer?: ReturnType<typeof setTimeout> };
}

/**
 * The Leaflet map and its layers: the base map, zones, sites, the checked position and the drawing tool.
 * It knows nothing of the app's stores: the map component feeds it data, and it reports what the user does
 * on the map as MAP_EVENTS on `events`.
 */
export class MapView {
  readonly map: L.Map;
  readonly zones: ZoneLayer;
  readonly sites: SiteLayer;
  readonly position: PositionLayer;
  readonly draw: ZoneDrawTool;
  readonly place: SitePlaceTool;
  private base: L.TileLayer | null = null;
  private zoomControl: L.Control.Zoom | null = null;
  private tilesFailing = false;
  private fitted = false;
  private destroyed = false;
  /** True while a followed view is being applied: its moves are not the user's. */
  private applyingFollowedView = false;
  /**
   * True from a move to the checked position until the map moves for any other reason. Such a view is a
   * position: it is never announced, so it is neither remembered nor shared as a meeting presenter's view.
   */
  private showingPosition = false;
  private applyingPositionView = false;
  private texts: MapTexts;

  constructor(
    container: HTMLElement,
    private readonly events: Emitter<MapEvents>,
    texts: MapTexts,
    options: Partial<MapViewOptions> = {},
  ) {
    const settings = { ...DEFAULTS, ...options };
    this.texts = texts;
    this.map = L.map(container, {
      center: settings.center,
      zoom: settings.zoom,
      minZoom: settings.minZoom,
      maxZoom: settings.maxZoom,
      zoomControl: false,
      attributionControl: false,
    });
    L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' }).addTo(this.map);
    // The checked position above everything else drawn (markers 600, labels 650), below popups (700).
    this.map.createPane('positionPane').style.zIndex = '660';

    this.zones = new ZoneLayer(this.events, new ZonePatterns(container.ownerDocument)).addTo(this.map);
    this.sites = new SiteLayer(this.events).addTo(this.map);
    this.position = new PositionLayer(() => this.texts.position).addTo(this.map);
    this.draw = new ZoneDrawTool(this.events).addTo(this.map);
    this.place = new SitePlaceTool(this.events).addTo(this.map);

    this.map.on('dragstart', () => this.keepView());
    // Every move starts with movestart (drag, wheel, keys, buttons, the app's focus); a followed view's does too.
    this.map.on('movestart', () => {
      if (!this.applyingPositionView) this.showingPosition = false;
      if (!this.destroyed && !this.applyingFollowedView) this.events.emit(MAP_EVENTS.userMoved, {});
    });
    this.map.on('moveend', () => this.announceView());
    this.setTexts(texts);
  }

  setTexts(texts: MapTexts): void {
    this.texts = texts;
    this.map.getContainer().setAttribute('aria-label', texts.label);
    this.sites.setClusterLabel(texts.siteCluster);
    this.place.setLabel(texts.placing);
    this.zoomControl?.remove();
    this.zoomControl = L.control
      .zoom({ position: 'topleft', zoomInTitle: texts.zoomIn, zoomOutTitle: texts.zoomOut })
      .addTo(this.map);
  }

  setLanguage(language: 'sv' | 'en'): void {
    this.draw.setLanguage(language);
  }

  /** The base map. If its tiles cannot load, the map's light background keeps every zone readable. */
  setBaseMap(tileUrl: string, attribution: string | null = null): void {
    this.base?.remove();
    this.base = L.tileLayer(tileUrl, {
      maxZoom: 19,
      attribution: attributionFor(tileUrl, attribution),
      crossOrigin: false,
    });
    this.base.on('tileerror', () => {
      if (this.tilesFailing) return;
      this.tilesFailing = true;
      this.events.emit(MAP_EVENTS.tilesFailed, {});
    });
    this.base.on('tileload', () => {
      if (!this.tilesFailing) return;
      this.tilesFailing = false;
      this.events.emit(MAP_EVENTS.tilesLoaded, {});
    });
    this.base.addTo(this.map);
  }

  /** The view was set on purpose (a remembered one): the data's arrival must not move it. */
  keepView(): void {
    this.fitted = true;
  }

  /** Shows all the data once, when it first arrives; later changes leave the view where the user put it. */
  fitToDataOnce(): void {
    if (this.fitted) return;
    const bounds = [this.zones.allBounds(), this.sites.allBounds()].filter(
      (b): b is L.LatLngBounds => b !== null,
    );
    if (bounds.length === 0) return;
    this.fitted = true;
    const all = bounds.reduce(
      (total, next) => total.extend(next),
      L.latLngBounds(bounds[0].getSouthWest(), bounds[0].getNorthEast()),
    );
    this.map.fitBounds(all, { padding: [24, 24], maxZoom: 15, animate: false });
  }

  // Each focus is the user's choice of view: the data arriving later must not move it.

  focusZone(zoneId: string, coveredBelow = 0): void {
    const bounds = this.zones.boundsOf(zoneId);
    if (bounds) this.focusBounds(bounds, 17, coveredBelow);
  }

  focusSite(siteId: string, coveredBelow = 0): void {
    const location = this.sites.locationOf(siteId);
    if (!location) return;
    this.focusBounds(location.toBounds(300), Math.max(this.map.getZoom(), 16), coveredBelow);
    this.sites.reveal(siteId);
  }

  /**
   * Shows the checked position (`bounds`: it and the zones it is in). Without animation, so every move event
   * fires now, inside the flag (Leaflet starts an animated zoom only in the next frame): the view it makes is
   * not announced, and stays unannounced until the map moves again for another reason.
   */
  focusPosition(bounds: L.LatLngBounds, maxZoom = 17, coveredBelow = 0): void {
    this.showingPosition = true;
    this.applyingPositionView = true;
    try {
      this.focusBounds(bounds, maxZoom, coveredBelow, false);
    } finally {
      this.applyingPositionView = false;
    }
  }

  /** `coveredBelow`: pixels at the map's bottom hidden by an overlay (the check's answer, a sheet on a phone). */
  focusBounds(bounds: L.LatLngBounds, maxZoom = 17, coveredBelow = 0, animate = true): void {
    this.fitted = true;
    const height = this.map.getSize().y;
    // Never pad away more than two thirds of the map: below that, centring in what is left is the best there is.
    const below = Math.min(coveredBelow, (height * 2) / 3);
    this.map.fitBounds(bounds, {
      paddingTopLeft: [30, 30],
      paddingBottomRight: [30, 30 + below],
      maxZoom,
      animate,
    });
  }

  /** Emits `viewChanged` for the view as it is, unless it shows the checked position. */
  announceView(): void {
    // A zoom animation can still end after the map was removed (the page changed meanwhile).
    if (this.destroyed || this.showingPosition) return;
    const bounds = this.map.getBounds();
    const { lat, lng } = this.map.getCenter();
    this.events.emit(MAP_EVENTS.viewChanged, {
      bbox: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
      center: { lat, lng },
      zoom: this.map.getZoom(),
    });
  }

  /**
   * Shows exactly this view, as someone else chose it (a meeting's presenter). Without animation, so all its
   * events fire now, inside the flag: Leaflet starts an animated zoom only in the next frame.
   */
  followView(center: { lat: number; lng: number }, zoom: number, bounds?: MapBounds): void {
    this.fitted = true;
    this.applyingFollowedView = true;
    try {
      const shown = bounds
        ? this.zoomShowing(L.latLngBounds([bounds.south, bounds.west], [bounds.north, bounds.east]), zoom)
        : zoom;
      this.map.setView([center.lat, center.lng], shown, { animate: false });
    } finally {
      this.applyingFollowedView = false;
    }
  }

  /**
   * The zoom at which this map shows all of `bounds` (someone else's view at `zoom`), never closer than `zoom`.
   * A map nearly as large keeps `zoom`: halving the scale to show a sliver more at the edges helps nobody.
   */
  private zoomShowing(bounds: L.LatLngBounds, zoom: number): number {
    const size = this.map.getSize();
    const northWest = this.map.project(bounds.getNorthWest(), zoom);
    const southEast = this.map.project(bounds.getSouthEast(), zoom);
    const scale = Math.min(size.x / (southEast.x - northWest.x), size.y / (southEast.y - northWest.y));
    // A map not yet laid out (0 × 0) or an empty view: nothing to fit.
    if (size.x === 0 || size.y === 0 || !Number.isFinite(scale) || scale >= NEARLY_ALL) return zoom;
    return Math.min(zoom, this.map.getBoundsZoom(bounds));
  }

  /** The container changed size (a panel opened or closed). */
  resized(): void {
    // A map being taken off the page measures 0 × 0 for a moment: learning that size would move its centre
    // by half the old size, and the moved view would be remembered for the next visit.
    const container = this.map.getContainer();
    if (this.destroyed || container.clientWidth === 0 || container.clientHeight === 0) return;
    this.map.invalidateSize({ pan: false });
  }

  destroy(): void {
    this.destroyed = true;
    this.draw.clear();
    this.place.stop();
    this.cancelLeafletTimers();
    this.map.stop();
    this.map.remove();
  }

  /**
   * map.remove() leaves Leaflet's own timers running: the one that ends a zoom animation (the removed map pane
   * never fires transitionend) and the mouse wheel's 40 ms gathering of turns before it zooms. Run against the
   * removed map, either reads its pane's position and throws "Cannot read properties of undefined (reading
   * '_leaflet_pos')". The map is going away, so nothing is left for them to finish.
   */
  private cancelLeafletTimers(): void {
    const pending = this.map as unknown as PendingLeafletWork;
    // The zoom's end timer returns at once when no zoom animation runs.
    pending._animatingZoom = false;
    clearTimeout(pending.scrollWheelZoom?._timer);
  }
}
