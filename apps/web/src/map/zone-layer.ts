import type { Emitter } from '../state/emitter';
import type { ZoneDisplayState, ZoneShape } from '../zones/zone-display';
import { ZONE_STATE_STYLES } from '../zones/zone-style';
import L from './leaflet';
import { textElement } from './leaflet-text';
import { MAP_EVENTS, type MapEvents } from './map-events';
import type { ZonePatterns } from './zone-patterns';

export interface ZoneLayerOptions extends L.LayerOptions {
  /** Above this many shapes the canvas renderer draws them: SVG keeps one DOM node per shape and pans slowly. */
  svgLimit: number;
  /** From this zoom on, zones carry their state as a label; below, it shows on hover only. */
  labelMinZoom: number;
  /** From this zoom on, the label also names the zone. */
  fullLabelMinZoom: number;
  /** Labels only while at most this many shapes are shown, so a crowded map stays readable. */
  labelLimit: number;
}

const DEFAULTS: ZoneLayerOptions = {
  svgLimit: 300,
  labelMinZoom: 15,
  fullLabelMinZoom: 16,
  labelLimit: 150,
  pane: 'overlayPane',
};

/** A zone's label: the state alone (short) where names would crowd the map, name and state (full) closer in. */
export interface ZoneLabel {
  short: string;
  full: string;
  /** A badge after the label (e.g. "Review due"), shown at every label size. */
  badge?: string;
}

type LabelMode = 'hover' | 'short' | 'full';

type Mode = 'svg' | 'canvas';

interface Drawn {
  shape: ZoneShape;
  polygon: L.Polygon;
  label: ZoneLabel;
}

/** A zone's label as text, with its badge (if any) as a text badge after it. */
function labelElement(text: string, badge: string | undefined): HTMLElement {
  const element = textElement(text);
  if (badge) {
    const badgeElement = textElement(badge);
    badgeElement.className = 'badge zone-label__badge';
    element.append(' ', badgeElement);
  }
  return element;
}

function latLngsOf(shape: ZoneShape): L.LatLng[][] | L.LatLng[][][] {
  return shape.geometry.type === 'Polygon'
    ? (L.GeoJSON.coordsToLatLngs(shape.geometry.coordinates, 1) as L.LatLng[][])
    : (L.GeoJSON.coordsToLatLngs(shape.geometry.coordinates, 2) as L.LatLng[][][]);
}

/**
 * The zones, styled by state (line style and hatching as well as colour), labelled at street zoom, and
 * clickable (→ MAP_EVENTS.zoneSelected). SVG while there are few shapes (patterns, classes a test can read),
 * the canvas renderer when there are many.
 */
export class ZoneLayer extends L.Layer {
  declare options: ZoneLayerOptions;
  private readonly group = L.featureGroup();
  private drawn = new Map<string, Drawn>();
  private mode: Mode = 'svg';
  private renderer: L.Renderer | null = null;
  private selectedZoneId: string | null = null;
  private hidden = new Set<ZoneDisplayState>();
  private excludedZoneId: string | null = null;
  private labelMode: LabelMode = 'hover';

  constructor(
    private readonly events: Emitter<MapEvents>,
    private readonly patterns: ZonePatterns,
    options: Partial<ZoneLayerOptions> = {},
  ) {
    super();
    L.Util.setOptions(this, { ...DEFAULTS, ...options });
  }

  override onAdd(map: L.Map): this {
    this.patterns.installSvg();
    this.group.addTo(map);
    map.on('zoomend', this.updateLabels, this);
    this.updateLabels();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('zoomend', this.updateLabels, this);
    this.group.remove();
    return this;
  }

  /** Draws these shapes; `labelOf` gives each its label texts in the current language. */
  setShapes(shapes: ZoneShape[], labelOf: (shape: ZoneShape) => ZoneLabel): void {
    const mode: Mode = shapes.length > this.options.svgLimit ? 'canvas' : 'svg';
    if (mode !== this.mode || !this.renderer) this.switchRenderer(mode);

    const next = new Map<string, Drawn>();
    for (const shape of shapes) {
      const label = labelOf(shape);
      const existing = this.drawn.get(shape.key);
      if (existing && existing.shape.geometry === shape.geometry && existing.shape.state === shape.state) {
        existing.shape = shape;
        if (
          existing.label.full !== label.full ||
          existing.label.short !== label.short ||
          existing.label.badge !== label.badge
        ) {
          existing.label = label;
          this.bindLabel(existing);
        }
        next.set(shape.key, existing);
      } else {
        if (existing) this.group.removeLayer(existing.polygon);
        next.set(shape.key, this.create(shape, label));
      }
    }
    for (const [key, drawn] of this.drawn) if (!next.has(key)) this.group.removeLayer(drawn.polygon);
    this.drawn = next;
    this.refreshVisibility();
  }

  /** Zone states the filters hide. */
  setHiddenStates(states: Iterable<ZoneDisplayState>): void {
    this.hidden = new Set(states);
    this.refreshVisibility();
  }

  /** A zone being edited is drawn by the drawing tool instead. */
  setExcluded(zoneId: string | null): void {
    this.excludedZoneId = zoneId;
    this.refreshVisibility();
  }

  select(zoneId: string | null): void {
    this.selectedZoneId = zoneId;
    for (const drawn of this.drawn.values()) drawn.polygon.setStyle(this.styleOf(drawn.shape));
    for (const drawn of this.drawn.values())
      if (drawn.shape.zoneId === zoneId && this.group.hasLayer(drawn.polygon)) drawn.polygon.bringToFront();
  }

  boundsOf(zoneId: string): L.LatLngBounds | null {
    let bounds: L.LatLngBounds | null = null;
    for (const drawn of this.drawn.values()) {
      if (drawn.shape.zoneId !== zoneId) continue;
      bounds = bounds
        ? bounds.extend(drawn.polygon.getBounds())
        : L.latLngBounds(drawn.polygon.getBounds().getSouthWest(), drawn.polygon.getBounds().getNorthEast());
    }
    return bounds;
  }

  allBounds(): L.LatLngBounds | null {
    return this.drawn.size > 0 ? this.group.getBounds() : null;
  }

  private switchRenderer(mode: Mode): void {
    this.mode = mode;
    this.renderer = mode === 'svg' ? L.svg({ padding: 0.5 }) : L.canvas({ padding: 0.5, tolerance: 4 });
    // Every shape must move to the new renderer.
    for (const drawn of this.drawn.values()) this.group.removeLayer(drawn.polygon);
    this.drawn.clear();
  }

  private create(shape: ZoneShape, label: ZoneLabel): Drawn {
    const polygon = L.polygon(latLngsOf(shape), {
      ...this.styleOf(shape),
      renderer: this.renderer ?? undefined,
    });
    // The click goes on to the map as well: while a zone is drawn, Geoman takes its corners from map clicks.
    polygon.on('click', () => this.events.emit(MAP_EVENTS.zoneSelected, { zoneId: shape.zoneId }));
    polygon.on('add', () => {
      const element = polygon.getElement();
      // The hover label's focus listeners make Chromium put each outline in the Tab order, nameless and with no
      // action; the keyboard way to a zone is the list (the toolbar's List) instead.
      element?.setAttribute('tabindex', '-1');
      element?.setAttribute('data-zone-id', shape.zoneId);
      element?.setAttribute('data-zone-state', shape.state);
      element?.setAttribute('data-zone-role', shape.role);
    });
    const drawn: Drawn = { shape, polygon, label };
    this.bindLabel(drawn);
    return drawn;
  }

  private styleOf(shape: ZoneShape): L.PathOptions {
    const style = ZONE_STATE_STYLES[shape.state];
    const selected = shape.zoneId === this.selectedZoneId;
    const patterned = style.pattern !== 'none';
    const fillColor = !patterned
      ? style.color
      : this.mode === 'svg'
        ? this.patterns.svgFill(shape.state)
        : this.patterns.canvasFill(shape.state);
    return {
      color: style.color,
      weight: style.weight + (selected ? 2 : 0),
      dashArray: style.dashArray ?? undefined,
      lineCap: style.dashArray === '2 7' ? 'round' : 'butt',
      fill: true,
      // Leaflet hands fillColor to the SVG `fill` attribute or the canvas `fillStyle`: both take a pattern.
      fillColor: fillColor as string,
      fillOpacity: style.fillOpacity,
      className: `zone-shape zone-shape--${shape.state}${selected ? ' zone-shape--selected' : ''}`,
    };
  }

  private refreshVisibility(): void {
    for (const drawn of this.drawn.values()) {
      const visible = !this.hidden.has(drawn.shape.state) && drawn.shape.zoneId !== this.excludedZoneId;
      if (visible && !this.group.hasLayer(drawn.polygon)) this.group.addLayer(drawn.polygon);
      if (!visible && this.group.hasLayer(drawn.polygon)) this.group.removeLayer(drawn.polygon);
    }
    this.updateLabels();
  }

  private updateLabels(): void {
    const map = this._map as L.Map | undefined;
    const shown = [...this.drawn.values()].filter((drawn) => this.group.hasLayer(drawn.polygon)).length;
    const zoom = map ? map.getZoom() : 0;
    const mode: LabelMode =
      !map || shown > this.options.labelLimit || zoom < this.options.labelMinZoom
        ? 'hover'
        : zoom < this.options.fullLabelMinZoom
          ? 'short'
          : 'full';
    if (mode === this.labelMode) return;
    this.labelMode = mode;
    for (const drawn of this.drawn.values()) this.bindLabel(drawn);
  }

  private bindLabel(drawn: Drawn): void {
    const permanent = this.labelMode !== 'hover';
    drawn.polygon.unbindTooltip();
    const text = this.labelMode === 'short' ? drawn.label.short : drawn.label.full;
    drawn.polygon.bindTooltip(labelElement(text, drawn.label.badge), {
      permanent,
      sticky: !permanent,
      // Under the zone's middle, where the site's marker and a checked position are drawn, not over them.
      direction: permanent ? 'bottom' : 'top',
      offset: permanent ? L.point(0, 20) : L.point(0, 0),
      className: `zone-label zone-label--${drawn.shape.state}`,
      opacity: 1,
    });
  }
}
