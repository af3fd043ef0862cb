/** GeoJSON (RFC 7946) types used by the contract: positions are [longitude, latitude]. */
export type Position = [number, number] | [number, number, number];

export interface Point {
  type: 'Point';
  coordinates: Position;
}

export interface Polygon {
  type: 'Polygon';
  coordinates: Position[][];
}

export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}

export type ZoneGeometry = Polygon | MultiPolygon;

export interface Feature<G, P> {
  type: 'Feature';
  id?: string;
  geometry: G;
  properties: P;
}

export interface FeatureCollection<G, P> {
  type: 'FeatureCollection';
  features: Feature<G, P>[];
}
