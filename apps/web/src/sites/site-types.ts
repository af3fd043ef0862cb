import type { SiteType } from '@samverkan/contracts';
import type { MessageKey } from '../i18n/dictionary';

export interface SiteTypeLook {
  label: MessageKey;
  /** Marker background; the glyph, not the colour, tells the types apart. */
  color: string;
  /** Stroke-only SVG path data in a 24 × 24 box. */
  glyph: string;
}

export const SITE_TYPE_LOOKS: Record<SiteType, SiteTypeLook> = {
  needle_exchange: {
    label: 'site.type.needle_exchange',
    color: '#0b4f6c',
    glyph: 'M4 20l4-4M7 13l4 4M9 15l8-8M15 5l4 4M17 7l3-3',
  },
  ost_clinic: {
    label: 'site.type.ost_clinic',
    color: '#5b3a8c',
    glyph: 'M7.5 16.5a3.5 3.5 0 0 1 0-5l4-4a3.5 3.5 0 0 1 5 5l-4 4a3.5 3.5 0 0 1-5 0zM9.5 9.5l5 5',
  },
  naloxone: {
    label: 'site.type.naloxone',
    color: '#a3122a',
    glyph: 'M12 5v14M5 12h14',
  },
  drug_checking: {
    label: 'site.type.drug_checking',
    color: '#0f6b5c',
    glyph: 'M9 3h6M10 3v6l-5 10h14l-5-10V3M7.5 14h9',
  },
  low_threshold: {
    label: 'site.type.low_threshold',
    color: '#7a4a00',
    glyph: 'M4 11l8-7 8 7M6 10v10h12V10M10 20v-6h4v6',
  },
  outreach: {
    label: 'site.type.outreach',
    color: '#2f5d1e',
    glyph: 'M12 3.5a1.8 1.8 0 1 0 0.01 0M9 21l2-7-3-2 3-4 3 3h3M11 14l3 3v4',
  },
  other: {
    label: 'site.type.other',
    color: '#46525c',
    glyph: 'M12 7v.01M12 11v6',
  },
};
