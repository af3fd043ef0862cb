import type { LoginRequest, LoginResponse, User } from '@samverkan/contracts';
import type { ApiFetch } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { Store } from '../state/store';
import type { KeyValueStorage } from '../state/safe-storage';

export const TOKEN_STORAGE_KEY = 'samverkan.accessToken';

/** Why the sign-in page is showing: the user signed out, or the server stopped accepting the token. */
export type SignedOutReason = 'signed-out' | 'expired' | null;

export type Session =
  | { status: 'restoring' }
  | { status: 'unreachable' }
  | { status: 'signed-out'; reason: SignedOutReason }
  | { status: 'signed-in'; user: User; token: string };

/**
 * Who is signed in. The access token lives in storage so that a reload keeps the session; on start-up
 * `restore()` asks the api who the token belongs to.
 */
export class SessionStore extends Store<Session> {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly api: ApiFetch,
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
      if (this.storage.get(TOKEN_STORAGE_KEY) === token) this.set({ status: 'signed-in', user, token });
    } catch (error) {
      // A 401 has already signed the user out (see `expired`); anything else leaves the token for a retry.
      if (error instanceof ApiError && error.status === 401) return;
      this.set({ status: 'unreachable' });
    }
  }

  /** Throws the ApiError of a refused sign-in (401 wrong credentials, 429 too many attempts). */
  async signIn(credentials: LoginRequest): Promise<User> {
    const { accessToken, user } = await this.api<LoginResponse>('/api/auth/login', {
      method: 'POST',
      body: credentials,
      auth: false,
    });
    this.storage.set(TOKEN_STORAGE_KEY, accessToken);
    this.set({ status: 'signed-in', user, token: accessToken });
    return user;
  }

  /** Ends the session on the server (so the token stops working at once) and here, even if the server is unreachable. */
  async signOut(): Promise<void> {
    const token = this.token;
    if (token) {
      await this.api<void>('/api/auth/logout', { method: 'POST', signal: AbortSignal.timeout(5000) }).catch(
        () => undefined,
      );
    }
    this.forget('signed-out');
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

  private forget(reason: SignedOutReason): void {
    this.storage.remove(TOKEN_STORAGE_KEY);
    this.set({ status: 'signed-out', reason });
  }
}
