import L from './leaflet';

// Leaflet-Geoman, which draws and edits zones, is about a third of the app's script. Officers checking zones
// on a phone never draw, so it loads only for the roles that do, before their map is made: Geoman equips a
// map (`map.pm`) and its shapes when they are created.

let loading: Promise<void> | null = null;

export function drawingToolsLoaded(): boolean {
  return 'PM' in L;
}

/** Loads Geoman once; a failed load (the connection dropped) may be tried again. */
export function loadDrawingTools(): Promise<void> {
  loading ??= import('./geoman-plugin').then(
    () => undefined,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
