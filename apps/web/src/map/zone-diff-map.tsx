import type { ZoneDiff, ZoneGeometry } from '@samverkan/contracts';
import { useEffect, useRef } from 'preact/hooks';
import L from './leaflet';

/** How each part of a diff is drawn: told apart by hatching and outline, not by colour alone. */
export const ZONE_DIFF_STYLES = {
  unchanged: { color: '#4b5563', pattern: 'none', dashArray: null },
  added: { color: '#0f7b3f', pattern: 'cross', dashArray: null },
  removed: { color: '#b42318', pattern: 'diagonal', dashArray: '6 4' },
} as const;

export type ZoneDiffPart = keyof typeof ZONE_DIFF_STYLES;

const PATTERN_SIZE = 8;
const diffPatternId = (part: ZoneDiffPart) => `zone-diff-pattern-${part}`;

/** The SVG patterns the diff map and its legend fill with; rendered once per map, ids shared. */
function DiffPatterns() {
  const s = PATTERN_SIZE;
  return (
    <svg width="0" height="0" style={{ position: 'absolute' }} aria-hidden="true" focusable="false">
      <defs>
        {(['added', 'removed'] as const).map((part) => {
          const { color, pattern } = ZONE_DIFF_STYLES[part];
          return (
            <pattern key={part} id={diffPatternId(part)} patternUnits="userSpaceOnUse" width={s} height={s}>
              <rect width={s} height={s} fill={color} fill-opacity="0.25" />
              <line x1="0" y1={s} x2={s} y2="0" stroke={color} stroke-width="1.6" />
              {pattern === 'cross' && <line x1="0" y1="0" x2={s} y2={s} stroke={color} stroke-width="1.6" />}
            </pattern>
          );
        })}
      </defs>
    </svg>
  );
}

/** A part of the diff drawn small, as in the map: for the legend. */
export function ZoneDiffSwatch({ part }: { part: ZoneDiffPart }) {
  const style = ZONE_DIFF_STYLES[part];
  return (
    <svg class="swatch" width="34" height="22" viewBox="0 0 34 22" aria-hidden="true" focusable="false">
      <rect
        x="2"
        y="2"
        width="30"
        height="18"
        rx="2"
        fill={style.pattern === 'none' ? 'transparent' : `url(#${diffPatternId(part)})`}
        stroke={style.color}
        stroke-width="2"
        stroke-dasharray={style.dashArray ?? undefined}
      />
    </svg>
  );
}

function layerOf(geometry: ZoneGeometry, part: ZoneDiffPart): L.GeoJSON {
  const style = ZONE_DIFF_STYLES[part];
  return L.geoJSON(geometry, {
    interactive: false,
    style: {
      className: `zone-diff-${part}`,
      color: style.color,
      weight: 2,
      dashArray: style.dashArray ?? undefined,
      fillColor: style.pattern === 'none' ? style.color : `url(#${diffPatternId(part)})`,
      fillOpacity: style.pattern === 'none' ? 0.05 : 1,
    },
  });
}

/**
 * Two versions of a zone on a small map of their own: the proposal's shape plain, the area it adds and the
 * area it gives up hatched differently on top. No tiles: the shapes are what is compared.
 */
export function ZoneDiffMap({ diff }: { diff: ZoneDiff }) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const map = L.map(container.current!, { renderer: L.svg(), zoomControl: true, attributionControl: false, scrollWheelZoom: false });
    const layers = [
      layerOf(diff.toGeometry, 'unchanged'),
      ...(diff.removed ? [layerOf(diff.removed, 'removed')] : []),
      ...(diff.added ? [layerOf(diff.added, 'added')] : []),
    ];
    const group = L.featureGroup(layers).addTo(map);
    map.fitBounds(group.getBounds().extend(layerOf(diff.fromGeometry, 'unchanged').getBounds()), { padding: [12, 12] });
    return () => map.remove();
  }, [diff]);

  return (
    <div class="zone-diff-map">
      <DiffPatterns />
      <div ref={container} class="zone-diff-map__canvas" data-testid="zone-diff-map" />
    </div>
  );
}
