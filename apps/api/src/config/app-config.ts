/** The validated run-time settings: built once at boot from the environment; nothing else reads process.env. */
export interface AppConfig {
  port: number;
  host: string;
  /** Unset: the api starts the embedded PGlite database itself. */
  databaseUrl: string | null;
  /** True when DATABASE_URL is unset: the database is the embedded PGlite, which serves one connection. */
  embeddedDatabase: boolean;
  dataDir: string;
  redisUrl: string | null;
  jwtSecret: string;
  demo: boolean;
  admin: { email: string; password: string } | null;
  tileUrl: string;
  /** TILE_ATTRIBUTION: who to credit for the tiles, as plain text; null: derived from TILE_URL's host. */
  tileAttribution: string | null;
  retentionDays: number;
  allowedOrigins: string[];
  trustProxy: boolean;
  /** Not an environment setting: tests tighten or loosen it. */
  loginThrottle: LoginThrottleConfig;
  /** Where the built web app lives; absent in development before `npm run build:web`. */
  webDistDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
}

export interface LoginThrottleConfig {
  /** Failed sign-ins one IP address may make per window. */
  perIp: number;
  /** Failed attempts for one e-mail address per window. */
  perEmail: number;
  windowSeconds: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
