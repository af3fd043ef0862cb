import { escapeHtml } from './leaflet-text';

/**
 * Who to credit for a tile server: the operator's TILE_ATTRIBUTION (plain text, escaped: Leaflet shows
 * attributions as HTML); else OpenStreetMap's notice for its tiles, or the host's name.
 */
export function attributionFor(tileUrl: string, configured: string | null = null): string {
  if (configured) return escapeHtml(configured);
  let host: string;
  try {
    host = new URL(tileUrl.replace(/\{[a-z]\}/g, 'a')).host;
  } catch {
    return '';
  }
  if (/(^|\.)openstreetmap\.(org|fr|de)$/.test(host)) {
    return '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';
  }
  return host.replace(/[<>&"]/g, '');
}
