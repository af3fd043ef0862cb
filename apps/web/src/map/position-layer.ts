import L from './leaflet';
import { textElement } from './leaflet-text';

export interface PositionLayerOptions extends L.LayerOptions {
  color: string;
  /** The accuracy circle is left out when the browser's estimate is wider than this (it would hide the map). */
  maxAccuracyCircle: number;
}

/** `positionPane` (made by MapView) lies above the zones, markers and labels. */
const DEFAULTS: PositionLayerOptions = { color: '#1d4ed8', maxAccuracyCircle: 2000, pane: 'positionPane' };

/** The user's position from the last check: a dot and its accuracy circle. Drawn here only, never stored. */
export class PositionLayer extends L.Layer {
  declare options: PositionLayerOptions;
  private readonly group = L.featureGroup();
  private position: { lat: number; lng: number; accuracy: number } | null = null;

  constructor(
    private readonly label: () => string,
    options: Partial<PositionLayerOptions> = {},
  ) {
    super();
    L.Util.setOptions(this, { ...DEFAULTS, ...options });
  }

  override onAdd(map: L.Map): this {
    this.group.addTo(map);
    this.draw();
    return this;
  }

  override onRemove(): this {
    this.group.remove();
    return this;
  }

  setPosition(position: { lat: number; lng: number; accuracy: number } | null): void {
    this.position = position;
    this.draw();
  }

  bounds(): L.LatLngBounds | null {
    if (!this.position) return null;
    const { lat, lng, accuracy } = this.position;
    return L.latLng(lat, lng).toBounds(Math.min(Math.max(accuracy, 50), this.options.maxAccuracyCircle) * 2);
  }

  private draw(): void {
    this.group.clearLayers();
    if (!this.position) return;
    const { lat, lng, accuracy } = this.position;
    if (accuracy <= this.options.maxAccuracyCircle) {
      L.circle([lat, lng], {
        radius: accuracy,
        color: this.options.color,
        weight: 1,
        dashArray: '4 4',
        fillOpacity: 0.08,
        interactive: false,
        pane: this.options.pane,
        className: 'position-accuracy',
      }).addTo(this.group);
    }
    L.circleMarker([lat, lng], {
      radius: 9,
      color: '#ffffff',
      weight: 3,
      fillColor: this.options.color,
      fillOpacity: 1,
      pane: this.options.pane,
      className: 'position-dot',
    })
      .bindTooltip(textElement(this.label()), { direction: 'top', offset: L.point(0, -8) })
      .addTo(this.group);
  }
}
