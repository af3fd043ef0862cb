import type { Role } from '@samverkan/contracts';

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
  /** REDIS_KEY_PREFIX: the Socket.IO adapter's channel prefix, so deployments (or test workers) can share one Redis. */
  redisKeyPrefix: string;
  jwtSecret: string;
  /** AUDIT_KEY: the audit chain's HMAC key (never stored in the database). */
  auditKey: string;
  /** Not an environment setting: how long after an audit append the head is anchored (tests shorten it). */
  auditAnchorDelayMs: number;
  /**
   * Not an environment setting: how long a meeting's presenter may be gone from its room (a reload, a dropped
   * connection) before the role is given up and the followers get their maps back (tests shorten it).
   */
  presenterGraceMs: number;
  demo: boolean;
  /** DEMO_PASSWORD: every demo account's password; null: the published default (only on a loopback HOST). */
  demoPassword: string | null;
  admin: { email: string; password: string } | null;
  tileUrl: string;
  /** TILE_ATTRIBUTION: who to credit for the tiles, as plain text; null: derived from TILE_URL's host. */
  tileAttribution: string | null;
  retentionDays: number;
  /** MESSAGE_RATE_LIMIT (`messages/seconds`, default `20/10`): how many messages a user may send within the window. */
  messageRateLimit: { messages: number; windowSeconds: number };
  allowedOrigins: string[];
  /**
   * TRUST_PROXY as Express's `trust proxy`: false, the number of proxies in front, or their addresses/subnets.
   * The client's address is read from X-Forwarded-For only as far as these proxies vouch for it.
   */
  trustProxy: false | number | string[];
  /**
   * Web Push (VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT): generated into DATA_DIR in embedded mode;
   * null on a server without them: push is off.
   */
  push: PushConfig | null;
  /**
   * Not an environment setting: accept `http://` push endpoints on a loopback address, so a test can run a fake
   * push service. Never on outside tests (a real push service is always https).
   */
  pushInsecureLoopbackEndpoints: boolean;
  /** MFA_REQUIRED_ROLES: the roles that must use a second factor (default none). */
  mfaRequiredRoles: Role[];
  /** Not an environment setting: tests tighten or loosen it. */
  loginThrottle: LoginThrottleConfig;
  /** Where the built web app lives; absent in development before `npm run build:web`. */
  webDistDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
}

export interface PushConfig {
  publicKey: string;
  privateKey: string;
  /** A `mailto:` or `https:` contact the push services can reach. */
  subject: string;
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
