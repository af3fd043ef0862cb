// KML 2.2 (OGC 07-147r2) documents for the exports. Geometry fragments come from PostGIS (ST_AsKML); the
// text around them is escaped here.

// XML 1.0 cannot carry these at all, escaped or not; names may hold them (only NUL is refused on input).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML_CHARACTERS = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text for an XML element or attribute: markup characters escaped, characters XML cannot hold replaced by U+FFFD. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHARACTERS, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * A description as KML readers take it: as HTML (Google Earth, QGIS and ArcGIS render it in a balloon). Text a
 * user wrote is HTML-escaped so that it shows as text, never as markup or links; its lines become `<br>`.
 */
export function textAsHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\r\n|\r|\n/g, '<br>');
}

export interface KmlPlacemark {
  id: string;
  name: string;
  /** Plain text: shown as text by map programs (see textAsHtml). */
  description: string;
  /** Shown as ExtendedData: every value is escaped. */
  data: Record<string, string | number | boolean | null>;
  /** A KML geometry element from PostGIS's ST_AsKML. */
  geometryKml: string;
}

function placemark(item: KmlPlacemark): string {
  const data = Object.entries(item.data)
    .filter(([, value]) => value !== null)
    .map(([name, value]) => `<Data name="${escapeXml(name)}"><value>${escapeXml(String(value))}</value></Data>`)
    .join('');
  return [
    `<Placemark id="${escapeXml(item.id)}">`,
    `<name>${escapeXml(item.name)}</name>`,
    `<description>${escapeXml(textAsHtml(item.description))}</description>`,
    data ? `<ExtendedData>${data}</ExtendedData>` : '',
    item.geometryKml,
    '</Placemark>',
  ].join('');
}

export function kmlDocument(name: string, placemarks: KmlPlacemark[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2">',
    `<Document><name>${escapeXml(name)}</name>`,
    ...placemarks.map(placemark),
    '</Document>',
    '</kml>',
    '',
  ].join('\n');
}

export const KML_CONTENT_TYPE = 'application/vnd.google-earth.kml+xml; charset=utf-8';
export const GEOJSON_CONTENT_TYPE = 'application/geo+json; charset=utf-8';

/** A file for download. */
export interface ExportFile {
  contentType: string;
  filename: string;
  body: string;
}
