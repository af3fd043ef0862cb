import type { ZoneGeometry } from '@samverkan/contracts';
import type { Emitter } from '../state/emitter';
// Geoman's types (`map.pm`, `layer.pm`); the plugin itself is loaded on demand by drawing-tools.ts.
import type {} from '@geoman-io/leaflet-geoman-free';
import L from './leaflet';
import { MAP_EVENTS, type MapEvents } from './map-events';

export interface ZoneDrawToolOptions extends L.LayerOptions {
  pathOptions: L.PathOptions;
}

const DEFAULTS: ZoneDrawToolOptions = {
  pathOptions: { color: '#1d4ed8', weight: 3, fillColor: '#1d4ed8', fillOpacity: 0.15 },
};

export type DrawMode =
  | { kind: 'polygon'; geometry: ZoneGeometry | null }
  | { kind: 'circle'; center: L.LatLngExpression; radiusMeters: number };

/** Geoman's drawing handler, whose finish and undo are what its own toolbar buttons call. */
interface PolygonDrawHandler {
  _finishShape?: () => void;
  _removeLastVertex?: () => void;
}

/**
 * Drawing and editing one zone with Leaflet-Geoman: a polygon drawn vertex by vertex (or an existing one with
 * its vertices to drag), or a circle around the site whose radius is dragged. Every change is emitted as
 * MAP_EVENTS.shapeDrawn / MAP_EVENTS.radiusDragged; self-intersecting edits are refused while drawing.
 */
export class ZoneDrawTool extends L.Layer {
  declare options: ZoneDrawToolOptions;
  private readonly group = L.featureGroup();
  private shape: L.Polygon | L.Circle | null = null;
  private circleCenter: L.LatLng | null = null;
  private drawing = false;

  constructor(
    private readonly events: Emitter<MapEvents>,
    options: Partial<ZoneDrawToolOptions> = {},
  ) {
    super();
    L.Util.setOptions(this, { ...DEFAULTS, ...options });
  }

  override onAdd(map: L.Map): this {
    this.group.addTo(map);
    map.on('pm:create', this.onCreate, this);
    return this;
  }

  override onRemove(map: L.Map): this {
    this.clear();
    map.off('pm:create', this.onCreate, this);
    this.group.remove();
    return this;
  }

  setLanguage(language: 'sv' | 'en'): void {
    // Without Geoman (a role that does not draw) there is nothing to translate.
    this._map?.pm?.setLang(language);
  }

  /** Starts over with this shape (null geometry: draw a new polygon by clicking its corners). */
  start(mode: DrawMode): void {
    this.clear();
    // Geoman did not load (see drawing-tools.ts): the map says so, and there is nothing to draw with.
    if (!this._map?.pm) return;
    if (mode.kind === 'circle') {
      this.circleCenter = L.latLng(mode.center);
      this.adopt(L.circle(this.circleCenter, { ...this.options.pathOptions, radius: mode.radiusMeters }));
    } else if (mode.geometry) {
      const levels = mode.geometry.type === 'Polygon' ? 1 : 2;
      this.adopt(
        L.polygon(L.GeoJSON.coordsToLatLngs(mode.geometry.coordinates, levels), this.options.pathOptions),
      );
    } else {
      this.beginPolygon();
    }
  }

  /** A fresh polygon, dropping the one drawn so far. */
  redraw(): void {
    this.clear();
    this.beginPolygon();
    this.events.emit(MAP_EVENTS.shapeDrawn, { geometry: null });
  }

  get isDrawing(): boolean {
    return this.drawing;
  }

  /** Closes the polygon being drawn (as clicking its first corner does). */
  finish(): void {
    (
      this._map?.pm.Draw as unknown as { Polygon?: PolygonDrawHandler } | undefined
    )?.Polygon?._finishShape?.();
  }

  undoLastCorner(): void {
    (
      this._map?.pm.Draw as unknown as { Polygon?: PolygonDrawHandler } | undefined
    )?.Polygon?._removeLastVertex?.();
  }

  setRadius(radiusMeters: number): void {
    if (!(this.shape instanceof L.Circle) || this.shape.getRadius() === radiusMeters) return;
    this.shape.setRadius(radiusMeters);
    // Geoman places its handles when editing starts: restart it so the handle sits on the new edge.
    this.shape.pm.disable();
    this.shape.pm.enable({ draggable: false });
  }

  bounds(): L.LatLngBounds | null {
    return this.shape ? this.shape.getBounds() : null;
  }

  clear(): void {
    if (this.drawing) this._map?.pm.disableDraw();
    this.drawing = false;
    this.shape?.pm.disable();
    this.group.clearLayers();
    this.shape = null;
    this.circleCenter = null;
  }

  private beginPolygon(): void {
    this.drawing = true;
    this._map?.pm.enableDraw('Polygon', {
      allowSelfIntersection: false,
      snappable: true,
      continueDrawing: false,
      finishOn: null,
      pathOptions: this.options.pathOptions,
      templineStyle: { color: this.options.pathOptions.color },
      hintlineStyle: { color: this.options.pathOptions.color, dashArray: '5 5' },
    });
  }

  private onCreate(event: { layer: L.Layer; shape: string }): void {
    if (!this.drawing || event.shape !== 'Polygon') return;
    this.drawing = false;
    // Geoman put the new polygon straight on the map; it belongs to this tool.
    event.layer.remove();
    this.adopt(event.layer as L.Polygon);
    this.emitShape();
  }

  private adopt(shape: L.Polygon | L.Circle): void {
    this.shape = shape;
    shape.setStyle(this.options.pathOptions);
    this.group.addLayer(shape);
    shape.pm.enable({ allowSelfIntersection: false, draggable: false, preventMarkerRemoval: false });
    shape.on('pm:edit', () => this.emitShape());
  }

  private emitShape(): void {
    const shape = this.shape;
    if (!shape) return;
    if (shape instanceof L.Circle) {
      // The circle stays around the site: a dragged centre springs back.
      if (this.circleCenter && !shape.getLatLng().equals(this.circleCenter)) {
        shape.setLatLng(this.circleCenter);
        shape.pm.disable();
        shape.pm.enable({ draggable: false });
      }
      this.events.emit(MAP_EVENTS.radiusDragged, { radiusMeters: Math.round(shape.getRadius()) });
      return;
    }
    const geometry = shape.toGeoJSON(6).geometry;
    if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
      this.events.emit(MAP_EVENTS.shapeDrawn, { geometry: geometry as ZoneGeometry });
    }
  }
}
