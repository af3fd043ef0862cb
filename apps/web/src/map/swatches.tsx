import type { SiteType } from '@samverkan/contracts';
import { SITE_TYPE_LOOKS } from '../sites/site-types';
import type { ZoneDisplayState } from '../zones/zone-display';
import { ZONE_STATE_STYLES } from '../zones/zone-style';
import { patternId } from './zone-patterns';

/** A zone state drawn as on the map: the same outline dashes and the same hatching. */
export function ZoneSwatch({ state }: { state: ZoneDisplayState }) {
  const style = ZONE_STATE_STYLES[state];
  return (
    <svg class="swatch" width="34" height="22" viewBox="0 0 34 22" aria-hidden="true" focusable="false">
      <rect
        x="2"
        y="2"
        width="30"
        height="18"
        rx="2"
        fill={style.pattern === 'none' ? style.color : `url(#${patternId(state)})`}
        fill-opacity={style.fillOpacity}
        stroke={style.color}
        stroke-width={Math.min(style.weight, 3)}
        stroke-dasharray={style.dashArray ?? undefined}
      />
    </svg>
  );
}

/** A site type's marker, small. */
export function SiteSwatch({ type }: { type: SiteType }) {
  const look = SITE_TYPE_LOOKS[type];
  return (
    <svg
      class="swatch swatch--site"
      width="24"
      height="24"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="12" cy="12" r="11.5" fill={look.color} />
      <g transform="translate(4.5 4.5) scale(0.625)">
        <path
          d={look.glyph}
          fill="none"
          stroke="#fff"
          stroke-width="2.6"
          stroke-linecap="round"
          stroke-linejoin="round"
        />
      </g>
    </svg>
  );
}
