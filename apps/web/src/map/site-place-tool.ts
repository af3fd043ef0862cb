import type { Emitter } from '../state/emitter';
import L from './leaflet';
import { MAP_EVENTS, type MapEvents } from './map-events';
import './site-place-tool.css';

export interface SitePlaceToolOptions extends L.LayerOptions {
  /** Marker size in pixels; large enough to take with a finger. */
  iconSize: number;
}

const DEFAULTS: SitePlaceToolOptions = { iconSize: 40, pane: 'markerPane' };

/**
 * Placing one site: while active, a click on the map puts the marker there, and the marker can be dragged.
 * Each placement is emitted as MAP_EVENTS.sitePlaced; what to do with it (a form's location, a move to
 * confirm) is the app's business.
 */
export class SitePlaceTool extends L.Layer {
  declare options: SitePlaceToolOptions;
  private marker: L.Marker | null = null;
  private active = false;
  private label = '';

  constructor(
    private readonly events: Emitter<MapEvents>,
    options: Partial<SitePlaceToolOptions> = {},
  ) {
    super();
    L.Util.setOptions(this, { ...DEFAULTS, ...options });
  }

  override onAdd(map: L.Map): this {
    map.on('click', this.onMapClick, this);
    return this;
  }

  override onRemove(map: L.Map): this {
    this.stop();
    map.off('click', this.onMapClick, this);
    return this;
  }

  /** The marker's accessible name ("The new place of the service"). */
  setLabel(label: string): void {
    this.label = label;
    this.marker?.getElement()?.setAttribute('aria-label', label);
  }

  start(location: L.LatLngExpression | null): void {
    this.stop();
    this.active = true;
    if (location) this.placeMarker(L.latLng(location));
  }

  /** Moves the marker without announcing it (the app already knows: it asked). */
  setLocation(location: L.LatLngExpression): void {
    if (this.active) this.placeMarker(L.latLng(location));
  }

  /** Places the marker at the map's centre and announces it, as a click there would. */
  placeAtCentre(): void {
    if (!this.active || !this._map) return;
    const centre = this._map.getCenter();
    this.placeMarker(centre);
    this.announce(centre);
  }

  location(): L.LatLng | null {
    return this.marker?.getLatLng() ?? null;
  }

  stop(): void {
    this.active = false;
    this.marker?.remove();
    this.marker = null;
  }

  private onMapClick(event: L.LeafletMouseEvent): void {
    if (!this.active) return;
    this.placeMarker(event.latlng);
    this.announce(event.latlng);
  }

  private placeMarker(location: L.LatLng): void {
    if (this.marker) {
      this.marker.setLatLng(location);
      return;
    }
    const size = this.options.iconSize;
    const marker = L.marker(location, {
      icon: L.divIcon({
        className: 'site-place-marker',
        iconSize: L.point(size, size),
        // The pin's point is the place.
        iconAnchor: L.point(size / 2, size),
      }),
      draggable: true,
      keyboard: false,
      zIndexOffset: 1000,
      pane: this.options.pane,
    });
    marker.on('add', () => {
      const element = marker.getElement();
      element?.setAttribute('aria-label', this.label);
      element?.setAttribute('data-testid', 'site-place-marker');
    });
    marker.on('dragend', () => this.announce(marker.getLatLng()));
    this.marker = marker;
    if (this._map) marker.addTo(this._map);
  }

  private announce(location: L.LatLng): void {
    const { lat, lng } = location.wrap();
    this.events.emit(MAP_EVENTS.sitePlaced, { lat, lng });
  }
}
