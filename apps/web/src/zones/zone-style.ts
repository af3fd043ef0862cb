import type { MessageKey } from '../i18n/dictionary';
import type { ZoneDisplayState } from './zone-display';

/** A fill pattern drawn over the zone's colour, so states differ in more than colour. */
export type ZonePattern = 'solid' | 'none' | 'diagonal' | 'cross';

export interface ZoneStateStyle {
  /** Outline and pattern colour; chosen to stay apart for the common colour-vision deficiencies. */
  color: string;
  /** The opacity of the fill (for a pattern: of the whole hatched tile). */
  fillOpacity: number;
  weight: number;
  /** SVG dash array of the outline; null for a solid line. */
  dashArray: string | null;
  pattern: ZonePattern;
  label: MessageKey;
  /** A longer explanation for the legend. */
  description: MessageKey;
}

// Each state differs in line style AND fill, not only in colour:
// in force: solid line, solid fill; outside hours: long dashes, no fill; proposed: dots, diagonal hatching;
// suspended: dash-dot, cross-hatching.
export const ZONE_STATE_STYLES: Record<ZoneDisplayState, ZoneStateStyle> = {
  'in-force': {
    color: '#14703a',
    fillOpacity: 0.35,
    weight: 4,
    dashArray: null,
    pattern: 'solid',
    label: 'zone.state.in-force',
    description: 'legend.in-force',
  },
  'outside-hours': {
    color: '#1d4f91',
    fillOpacity: 0.1,
    weight: 3,
    dashArray: '12 8',
    pattern: 'none',
    label: 'zone.state.outside-hours',
    description: 'legend.outside-hours',
  },
  proposed: {
    color: '#8a4b00',
    fillOpacity: 0.8,
    weight: 3,
    dashArray: '2 7',
    pattern: 'diagonal',
    label: 'zone.state.proposed',
    description: 'legend.proposed',
  },
  suspended: {
    color: '#a3122a',
    fillOpacity: 0.8,
    weight: 3,
    dashArray: '14 6 3 6',
    pattern: 'cross',
    label: 'zone.state.suspended',
    description: 'legend.suspended',
  },
  withdrawn: {
    color: '#56606a',
    fillOpacity: 0.15,
    weight: 2,
    dashArray: '4 4',
    pattern: 'none',
    label: 'zone.state.withdrawn',
    description: 'legend.withdrawn',
  },
};

/** Pattern tile size in pixels; the canvas and SVG patterns and the legend swatches share it. */
export const PATTERN_SIZE = 8;
