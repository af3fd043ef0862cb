import {
  isMfaChallenge,
  type LoginRequest,
  type LoginResponse,
  type LoginStepResponse,
  type PasskeyAssertion,
  type PasskeyRequestOptions,
  type User,
} from '@samverkan/contracts';
import type { ApiFetch } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { Store } from '../state/store';
import type { KeyValueStorage } from '../state/safe-storage';

export const TOKEN_STORAGE_KEY = 'samverkan.accessToken';
/** Who the stored token belongs to, so the app opens signed in without a connection (until the token expires). */
export const USER_STORAGE_KEY = 'samverkan.user';

/** The token's own end (a JWT's `exp`), or null when it says none; the api decides once it is reachable. */
export function tokenExpiresAt(token: string): number | null {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : null;
  } catch {
    return null;
  }
}

/**
 * Why the sign-in page is showing: the user signed out, the server stopped accepting the token, or the second
 * step took too long or had too many wrong codes.
 */
export type SignedOutReason = 'signed-out' | 'expired' | 'code-expired' | null;

export type Session =
  | { status: 'restoring' }
  | { status: 'unreachable' }
  | { status: 'signed-out'; reason: SignedOutReason }
  /** The password was right; the second factor's code is asked for next. The token lives only in memory. */
  | { status: 'second-step'; mfaToken: string }
  | { status: 'signed-in'; user: User; token: string };

/**
 * Who is signed in. The access token lives in storage so that a reload keeps the session; on start-up
 * `restore()` asks the api who the token belongs to.
 */
export class SessionStore extends Store<Session> {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly api: ApiFetch,
    private readonly now: () => number = Date.now,
  ) {
    super({ status: 'restoring' });
  }

  /** The token to send, if any (the api client reads it for every request). */
  get token(): string | null {
    return this.value.status === 'signed-in' ? this.value.token : this.storage.get(TOKEN_STORAGE_KEY);
  }

  get user(): User | null {
    return this.value.status === 'signed-in' ? this.value.user : null;
  }

  async restore(): Promise<void> {
    const token = this.storage.get(TOKEN_STORAGE_KEY);
    if (!token) {
      this.set({ status: 'signed-out', reason: null });
      return;
    }
    this.set({ status: 'restoring' });
    try {
      const user = await this.api<User>('/api/auth/me');
      if (this.storage.get(TOKEN_STORAGE_KEY) === token) {
        this.storage.set(USER_STORAGE_KEY, JSON.stringify(user));
        this.set({ status: 'signed-in', user, token });
      }
    } catch (error) {
      // A 401 has already signed the user out (see `expired`); anything else leaves the token for a retry.
      if (error instanceof ApiError && error.status === 401) return;
      // Offline: the user the token was last confirmed for, while the token lasts; the api re-checks on reconnect.
      const known = error instanceof ApiError && error.isNetworkError ? this.knownUser(token) : null;
      this.set(known ? { status: 'signed-in', user: known, token } : { status: 'unreachable' });
    }
  }

  /**
   * Throws the ApiError of a refused sign-in (401 wrong credentials, 429 too many attempts). With a second factor
   * the session moves to 'second-step' and the user is null until `signInWithCode`.
   */
  async signIn(credentials: LoginRequest): Promise<User | null> {
    const response = await this.api<LoginStepResponse>('/api/auth/login', {
      method: 'POST',
      body: credentials,
      auth: false,
    });
    if (isMfaChallenge(response)) {
      this.set({ status: 'second-step', mfaToken: response.mfaToken });
      return null;
    }
    return this.signedIn(response);
  }

  /** The second step: a TOTP code or a recovery code. Throws the ApiError of a refusal (401, 429). */
  async signInWithCode(code: string): Promise<User> {
    if (this.value.status !== 'second-step') throw new Error('No sign-in is waiting for a code');
    const response = await this.api<LoginResponse>('/api/auth/login/mfa', {
      method: 'POST',
      body: { mfaToken: this.value.mfaToken, code },
      auth: false,
    });
    return this.signedIn(response);
  }

  /** The options to sign with a passkey at the second step (the browser ceremony runs in between). */
  async passkeySignInOptions(): Promise<PasskeyRequestOptions> {
    if (this.value.status !== 'second-step') throw new Error('No sign-in is waiting for a second step');
    return this.api<PasskeyRequestOptions>('/api/auth/login/mfa/passkey/options', {
      method: 'POST',
      body: { mfaToken: this.value.mfaToken },
      auth: false,
    });
  }

  /** The second step with a passkey's answer instead of a code. */
  async signInWithPasskey(response: PasskeyAssertion): Promise<User> {
    if (this.value.status !== 'second-step') throw new Error('No sign-in is waiting for a second step');
    const answer = await this.api<LoginResponse>('/api/auth/login/mfa/passkey', {
      method: 'POST',
      body: { mfaToken: this.value.mfaToken, response },
      auth: false,
    });
    return this.signedIn(answer);
  }

  /** Back from the second step to the password. */
  cancelSecondStep(reason: SignedOutReason = null): void {
    if (this.value.status === 'second-step') this.set({ status: 'signed-out', reason });
  }

  /** The signed-in user's record changed (a second factor turned on or off). */
  userChanged(user: User): void {
    if (this.value.status === 'signed-in' && this.value.user.id === user.id) {
      this.storage.set(USER_STORAGE_KEY, JSON.stringify(user));
      this.set({ ...this.value, user });
    }
  }

  /**
   * Ends the session here first (the socket closes and nothing more is asked with the token, so no request of
   * this tab meets the revoked session and reads as "expired"), then on the server, so the token stops working
   * at once; the server's part outlives a closed tab, and an unreachable server does not keep anyone signed in.
   */
  async signOut(): Promise<void> {
    const token = this.token;
    this.forget('signed-out');
    if (token) {
      await this.api<void>('/api/auth/logout', {
        method: 'POST',
        token,
        keepalive: true,
        signal: AbortSignal.timeout(5000),
      }).catch(() => undefined);
    }
  }

  /** The api refused `token`. Ignored when it is an older token than the current one (a late reply). */
  expired(token: string): void {
    if (token === this.token) this.forget('expired');
  }

  /** Another tab signed in or out: follow it. */
  storageChanged(): void {
    const stored = this.storage.get(TOKEN_STORAGE_KEY);
    const current = this.value.status === 'signed-in' ? this.value.token : null;
    if (stored === current) return;
    if (stored) void this.restore();
    else this.set({ status: 'signed-out', reason: 'signed-out' });
  }

  private knownUser(token: string): User | null {
    const expiresAt = tokenExpiresAt(token);
    if (expiresAt !== null && expiresAt <= this.now()) return null;
    try {
      const user = JSON.parse(this.storage.get(USER_STORAGE_KEY) ?? 'null') as User | null;
      return user && typeof user.id === 'string' ? user : null;
    } catch {
      return null;
    }
  }

  private signedIn({ accessToken, user }: LoginResponse): User {
    this.storage.set(TOKEN_STORAGE_KEY, accessToken);
    this.storage.set(USER_STORAGE_KEY, JSON.stringify(user));
    this.set({ status: 'signed-in', user, token: accessToken });
    return user;
  }

  private forget(reason: SignedOutReason): void {
    this.storage.remove(TOKEN_STORAGE_KEY);
    this.storage.remove(USER_STORAGE_KEY);
    this.set({ status: 'signed-out', reason });
  }
}
