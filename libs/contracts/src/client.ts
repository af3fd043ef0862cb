import type { User } from './people';

/** Extension: `GET /api/client-config` (no sign-in needed): what the browser app needs before anything else. */
export interface ClientConfig {
  /** The base map tile template (TILE_URL), e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`. */
  tileUrl: string;
  /** TILE_ATTRIBUTION as plain text; null: the app credits OpenStreetMap for its tiles, else names the tile host. */
  tileAttribution: string | null;
  demo: boolean;
  /** Whether passkeys can be used here (the api knows its public address: PUBLIC_URL, or localhost). */
  passkeys: boolean;
}

/** Extension: `GET /api/users/directory`: a colleague as every signed-in user may see them (to start a direct message). */
export interface DirectoryEntry {
  id: string;
  displayName: string;
  role: User['role'];
  organisationId: string;
}
