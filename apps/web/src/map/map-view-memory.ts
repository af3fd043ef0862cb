import type { KeyValueStorage } from '../state/safe-storage';

export interface RememberedView {
  lat: number;
  lng: number;
  zoom: number;
}

const KEY = 'samverkan.mapView';

/** Where the map was last left in this browser, so it opens there again. */
export function rememberedView(storage: KeyValueStorage): RememberedView | null {
  try {
    const view = JSON.parse(storage.get(KEY) ?? 'null') as Partial<RememberedView> | null;
    const valid =
      view !== null &&
      Number.isFinite(view.lat) &&
      Number.isFinite(view.lng) &&
      Number.isFinite(view.zoom) &&
      Math.abs(view.lat!) <= 90 &&
      Math.abs(view.lng!) <= 180;
    return valid ? { lat: view.lat!, lng: view.lng!, zoom: view.zoom! } : null;
  } catch {
    return null;
  }
}

export function rememberView(storage: KeyValueStorage, view: RememberedView): void {
  const round = (value: number) => Math.round(value * 1e5) / 1e5;
  storage.set(KEY, JSON.stringify({ lat: round(view.lat), lng: round(view.lng), zoom: view.zoom }));
}
