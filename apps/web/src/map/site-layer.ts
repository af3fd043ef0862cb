import type { SiteMarker, SiteType } from '@samverkan/contracts';
import type { Emitter } from '../state/emitter';
import { SITE_TYPE_LOOKS } from '../sites/site-types';
import L from './leaflet';
import { textElement } from './leaflet-text';
import { MAP_EVENTS, type MapEvents } from './map-events';

export interface SiteLayerOptions extends L.LayerOptions {
  /** From this zoom on every site stands alone; below, nearby sites merge into a numbered cluster. */
  disableClusteringAtZoom: number;
  maxClusterRadius: number;
  /** Marker size in pixels; large enough to tap. */
  iconSize: number;
}

const DEFAULTS: SiteLayerOptions = {
  disableClusteringAtZoom: 16,
  maxClusterRadius: 80,
  iconSize: 36,
  pane: 'markerPane',
};

/** Below this many markers, one addition is quick enough. */
const IN_VIEW_FIRST_FROM = 2000;

interface Placed {
  site: SiteMarker;
  marker: L.Marker;
}

/**
 * Sites as markers with a glyph per type, clustered when many are close; a marker is a button
 * (Tab, Enter) that emits MAP_EVENTS.siteSelected.
 */
export class SiteLayer extends L.Layer {
  declare options: SiteLayerOptions;
  private readonly cluster: L.MarkerClusterGroup;
  private placed = new Map<string, Placed>();
  private readonly icons = new Map<SiteType, L.DivIcon>();
  private hidden = new Set<SiteType>();
  private selectedSiteId: string | null = null;
  private clusterLabel: (count: number) => string = String;
  /** A marker's accessible name, given when it is shown: of 10,000 sites a phone shows a few at a time. */
  private siteLabel: (site: SiteMarker) => string = (site) => site.properties.name;
  /** A site being moved: its marker steps aside for the one being dragged. */
  private excludedSiteId: string | null = null;
  /** Markers outside the view, added once those in view are in (refreshVisibility). */
  private outsideView: L.Marker[] = [];

  constructor(
    private readonly events: Emitter<MapEvents>,
    options: Partial<SiteLayerOptions> = {},
  ) {
    super();
    L.Util.setOptions(this, { ...DEFAULTS, ...options });
    this.cluster = L.markerClusterGroup({
      // Not Geoman's to edit: it would follow every marker added (getLayers over all of them per addition).
      pmIgnore: true,
      disableClusteringAtZoom: this.options.disableClusteringAtZoom,
      maxClusterRadius: this.options.maxClusterRadius,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: false,
      chunkedLoading: true,
      // Between chunks a task boundary is enough for input and frames (an addition is drawn after its last chunk);
      // markercluster's default pause of 50 ms only kept a slow phone's first view waiting.
      chunkDelay: 0,
      chunkProgress: (processed, total) => {
        if (processed === total) this.additionDone();
      },
      iconCreateFunction: (cluster) =>
        L.divIcon({
          html: clusterElement(cluster.getChildCount(), this.clusterLabel(cluster.getChildCount())),
          className: 'site-cluster',
          iconSize: L.point(40, 40),
        }),
    });
  }

  override onAdd(map: L.Map): this {
    this.cluster.addTo(map);
    // A marker's events reach the cluster layer (clusters' own clicks come as clusterclick).
    this.cluster.on('click', this.selected, this);
    // Leaflet makes the marker a role=button tab stop but gives it no key: Enter and Space open it, as on a button.
    this.cluster.on('keydown', this.keyed, this);
    return this;
  }

  override onRemove(): this {
    this.cluster.off('click', this.selected, this);
    this.cluster.off('keydown', this.keyed, this);
    this.cluster.remove();
    return this;
  }

  private selected(event: L.LeafletEvent): void {
    const siteId = siteIdOf(event);
    if (siteId) this.events.emit(MAP_EVENTS.siteSelected, { siteId });
  }

  private keyed(event: L.LeafletKeyboardEvent): void {
    const { originalEvent } = event;
    const siteId = siteIdOf(event);
    if (!siteId || (originalEvent.key !== 'Enter' && originalEvent.key !== ' ')) return;
    originalEvent.preventDefault();
    this.events.emit(MAP_EVENTS.siteSelected, { siteId });
  }

  /**
   * `labelOf` gives each marker its accessible name (name and type, in the current language). A site that looks
   * the same keeps its marker: the details replacing the first view's markers move nothing on the map.
   */
  setSites(sites: SiteMarker[], labelOf: (site: SiteMarker) => string): void {
    this.siteLabel = labelOf;
    const next = new Map<string, Placed>();
    const stale: L.Marker[] = [];
    let created = 0;
    for (const site of sites) {
      const existing = this.placed.get(site.properties.id);
      if (existing && looksTheSame(existing.site, site)) {
        existing.site = site;
        next.set(site.properties.id, existing);
        continue;
      }
      if (existing) stale.push(existing.marker);
      next.set(site.properties.id, this.create(site));
      created++;
    }
    for (const [id, placed] of this.placed) if (!next.has(id)) stale.push(placed.marker);
    this.placed = next;
    if (stale.length) this.cluster.removeLayers(stale);
    // The language may have changed: the markers on screen are named again (the others when they are shown).
    for (const placed of next.values()) if (placed.marker.getElement()) this.name(placed);
    // Nothing to add or take away: an addition still under way is left to finish.
    if (created > 0 || stale.length > 0) this.refreshVisibility();
  }

  /** A cluster is a Tab stop too (Enter zooms in): its name says what it holds and does, not just a number. */
  setClusterLabel(label: (count: number) => string): void {
    this.clusterLabel = label;
    this.cluster.refreshClusters();
  }

  setHiddenTypes(types: Iterable<SiteType>): void {
    this.hidden = new Set(types);
    this.refreshVisibility();
  }

  setExcluded(siteId: string | null): void {
    this.excludedSiteId = siteId;
    this.refreshVisibility();
  }

  select(siteId: string | null): void {
    const previous = this.selectedSiteId;
    this.selectedSiteId = siteId;
    for (const id of [previous, siteId]) {
      const placed = id ? this.placed.get(id) : undefined;
      placed?.marker.getElement()?.classList.toggle('site-marker--selected', id === siteId);
    }
  }

  locationOf(siteId: string): L.LatLng | null {
    return this.placed.get(siteId)?.marker.getLatLng() ?? null;
  }

  allBounds(): L.LatLngBounds | null {
    return this.placed.size > 0
      ? L.latLngBounds([...this.placed.values()].map((placed) => placed.marker.getLatLng()))
      : null;
  }

  /**
   * Opens the clusters around a site so its marker can be seen: the map goes to the site at the first zoom where
   * it stands alone. Not markercluster's zoomToShowLayer: that leaves a `moveend` listener which, when the
   * marker is replaced or removed before the move ends (the site was just moved or changed), asks the map about
   * the removed marker's parent (undefined) and throws "Cannot use 'in' operator to search for '_leaflet_id'".
   */
  reveal(siteId: string): void {
    const map = this._map;
    const placed = this.placed.get(siteId);
    if (!map || !placed || !this.cluster.hasLayer(placed.marker)) return;
    const { marker } = placed;
    if (marker.getElement() && map.getBounds().contains(marker.getLatLng())) return;
    // The deepest cluster holding the marker is of zoom `_zoom`; one zoom further the marker stands alone.
    const clusterZoom = (marker as L.Marker & { __parent?: { _zoom: number } }).__parent?._zoom ?? map.getZoom();
    const zoom = Math.max(map.getZoom(), Math.min(clusterZoom + 1, this.options.disableClusteringAtZoom));
    map.setView(marker.getLatLng(), zoom);
  }

  /**
   * A marker is cheap until it is on screen: its icon is shared by every site of the type (the glyph is made
   * when Leaflet shows the marker), and clicks and keys are handled once for the whole layer (constructor).
   */
  private create(site: SiteMarker): Placed {
    const [lng, lat] = site.geometry.coordinates;
    const options: SiteMarkerOptions = {
      icon: this.iconOf(site.properties.type),
      keyboard: true,
      riseOnHover: true,
      siteId: site.properties.id,
      // Geoman (loaded for those who draw zones) neither edits nor equips a site's marker; zones still snap to it.
      pmIgnore: true,
      snapIgnore: false,
    };
    const marker = L.marker([lat, lng], options);
    marker.on('add', this.decorate, this);
    return { site, marker };
  }

  private iconOf(type: SiteType): L.DivIcon {
    let icon = this.icons.get(type);
    if (!icon) {
      icon = new GlyphIcon(SITE_TYPE_LOOKS[type].glyph, type, this.options.iconSize);
      this.icons.set(type, icon);
    }
    return icon;
  }

  /** Leaflet makes a keyboard marker a focusable role=button; give it a name, its site and the type's colour. */
  private decorate({ target }: L.LeafletEvent): void {
    const marker = target as L.Marker;
    const element = marker.getElement();
    const { siteId } = marker.options as SiteMarkerOptions;
    const placed = this.placed.get(siteId);
    if (!element || !placed) return;
    this.name(placed);
    element.setAttribute('data-site-id', siteId);
    element.style.setProperty('--site-color', SITE_TYPE_LOOKS[placed.site.properties.type].color);
    element.classList.toggle('site-marker--selected', siteId === this.selectedSiteId);
  }

  private name({ site, marker }: Placed): void {
    const element = marker.getElement()!;
    const label = this.siteLabel(site);
    element.setAttribute('aria-label', label);
    element.title = label;
  }

  private refreshVisibility(): void {
    const toAdd: L.Marker[] = [];
    const toRemove: L.Marker[] = [];
    for (const placed of this.placed.values()) {
      const visible =
        !this.hidden.has(placed.site.properties.type) && placed.site.properties.id !== this.excludedSiteId;
      const present = this.cluster.hasLayer(placed.marker);
      if (visible && !present) toAdd.push(placed.marker);
      if (!visible && present) toRemove.push(placed.marker);
    }
    if (toRemove.length) this.cluster.removeLayers(toRemove);
    // What was to follow is in toAdd again, if still to be shown.
    this.outsideView = [];
    // An addition announces itself when its last chunk is in (chunkProgress).
    if (toAdd.length) this.cluster.addLayers(this.inViewFirst(toAdd));
    else this.announcePlaced();
  }

  /**
   * markercluster shows what it adds only once its last chunk is in: of many markers, those in view (and a
   * margin) go first, so the map shows its sites while the rest are still being clustered.
   */
  private inViewFirst(markers: L.Marker[]): L.Marker[] {
    const view = this._map && markers.length > IN_VIEW_FIRST_FROM ? this._map.getBounds().pad(0.25) : null;
    if (!view) return markers;
    const inView: L.Marker[] = [];
    const outside: L.Marker[] = [];
    for (const marker of markers) (view.contains(marker.getLatLng()) ? inView : outside).push(marker);
    if (inView.length === 0 || outside.length === 0) return markers;
    this.outsideView = outside;
    return inView;
  }

  private additionDone(): void {
    this.announcePlaced();
    const outside = this.outsideView;
    if (!outside.length) return;
    // markercluster draws an addition after this callback: the rest follows once that is done and painted.
    setTimeout(() => {
      if (this.outsideView !== outside) return;
      this.outsideView = [];
      this.cluster.addLayers(outside);
    }, 0);
  }

  /**
   * The map element's `data-sites-placed` says how many markers the layer holds once an addition has finished:
   * what the map benchmark (bench/map.bench.ts) and tests wait for instead of guessing.
   */
  private announcePlaced(): void {
    this._map?.getContainer().setAttribute('data-sites-placed', String(this.cluster.getLayers().length));
  }
}

interface SiteMarkerOptions extends L.MarkerOptions {
  siteId: string;
}

/** Same type and place: the marker would be drawn the same. */
function looksTheSame(one: SiteMarker, other: SiteMarker): boolean {
  const [lng, lat] = one.geometry.coordinates;
  const [otherLng, otherLat] = other.geometry.coordinates;
  return one.properties.type === other.properties.type && lng === otherLng && lat === otherLat;
}

/** The site a marker's event came from (propagated events name their marker as `layer`). */
function siteIdOf(event: L.LeafletEvent): string | undefined {
  const layer = (event as L.LeafletEvent & { layer?: L.Layer }).layer;
  return layer instanceof L.Marker ? (layer.options as Partial<SiteMarkerOptions>).siteId : undefined;
}

/** A type's marker icon: a round badge in the type's colour with its glyph, made each time Leaflet shows a marker. */
class GlyphIcon extends L.DivIcon {
  constructor(
    private readonly glyph: string,
    type: SiteType,
    private readonly size: number,
  ) {
    super({
      className: `site-marker site-marker--${type}`,
      iconSize: L.point(size, size),
      iconAnchor: L.point(size / 2, size / 2),
    });
  }

  override createIcon(oldIcon?: HTMLElement): HTMLElement {
    const element = super.createIcon(oldIcon);
    element.replaceChildren(glyphElement(this.glyph, this.size * 0.62));
    return element;
  }
}

const SVG = 'http://www.w3.org/2000/svg';

/** The count as it is seen, and the label screen readers read instead. */
function clusterElement(count: number, label: string): HTMLElement {
  const seen = textElement(String(count));
  seen.setAttribute('aria-hidden', 'true');
  const read = textElement(label);
  read.classList.add('visually-hidden');
  const element = document.createElement('span');
  element.append(seen, read);
  return element;
}

/** A site type's glyph as an SVG element (a divIcon given a node puts it in as it is, never parsing markup). */
function glyphElement(glyph: string, size: number): SVGSVGElement {
  const svg = svgElement('svg', { viewBox: '0 0 24 24', width: `${size}`, height: `${size}` });
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = svgElement('path', { d: glyph, fill: 'none', stroke: '#fff', 'stroke-width': '2.2' });
  path.setAttribute('stroke-linecap', 'round');
  path.setAttribute('stroke-linejoin', 'round');
  svg.appendChild(path);
  return svg;
}

function svgElement<K extends keyof SVGElementTagNameMap>(
  tagName: K,
  attributes: Record<string, string>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tagName);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}
