import type {
  AddPasskeyRequest,
  ConfirmWithSecondFactor,
  DisableMfaRequest,
  Passkey,
  PasskeyCreationOptions,
  PasskeyRequestOptions,
  RecoveryCodesResponse,
  TotpSetupResponse,
  User,
} from '@samverkan/contracts';
import type { ApiFetch } from '../api/api-client';
import type { SessionStore } from './session.store';

/** What the second factor's screens need, handed in by the shell (features do not import it). */
export interface SecondFactorContext {
  session: SessionStore;
  apiFetch: ApiFetch;
}

/** The signed-in user's own second factor. */
export function secondFactorApi(apiFetch: ApiFetch) {
  return {
    setup: () => apiFetch<TotpSetupResponse>('/api/auth/mfa/totp/setup', { method: 'POST' }),
    confirm: (code: string) =>
      apiFetch<RecoveryCodesResponse>('/api/auth/mfa/totp/confirm', { method: 'POST', body: { code } }),
    disable: (body: DisableMfaRequest) => apiFetch<void>('/api/auth/mfa', { method: 'DELETE', body }),
    me: () => apiFetch<User>('/api/auth/me'),
    passkeys: () => apiFetch<Passkey[]>('/api/auth/mfa/passkeys'),
    passkeyOptions: () => apiFetch<PasskeyCreationOptions>('/api/auth/mfa/passkeys/options', { method: 'POST' }),
    addPasskey: (body: AddPasskeyRequest) =>
      apiFetch<Passkey>('/api/auth/mfa/passkeys', { method: 'POST', body }),
    confirmOptions: () =>
      apiFetch<PasskeyRequestOptions>('/api/auth/mfa/passkeys/confirm-options', { method: 'POST' }),
    removePasskey: (id: string, body: ConfirmWithSecondFactor) =>
      apiFetch<void>(`/api/auth/mfa/passkeys/${encodeURIComponent(id)}`, { method: 'DELETE', body }),
  };
}
