import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
export const ROLES = ['admin', 'coordinator', 'police', 'service'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = ['police', 'service', 'coordination'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/**
 * A police officer belongs to a police organisation and service staff to a service: agreements rely on it.
 * Coordinators and administrators may belong to any organisation.
 */
export const REQUIRED_ORGANISATION_KIND: Readonly<Partial<Record<Role, OrganisationKind>>> = {
  police: 'police',
  service: 'service',
};

/** Whether the api lets a user with this role belong to an organisation of this kind. */
export function roleFitsOrganisationKind(role: Role, kind: OrganisationKind): boolean {
  const required = REQUIRED_ORGANISATION_KIND[role];
  return required === undefined || required === kind;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  canSign: boolean;
  organisationId: string;
  disabled: boolean;
  /** A confirmed second factor (TOTP) guards this account's sign-in. */
  mfaEnabled: boolean;
  /** The role is in MFA_REQUIRED_ROLES: without a second factor the account can do nothing but set one up. */
  mfaRequired: boolean;
}

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  user: User;
}

/** The password was right and the account has a second factor: `POST /api/auth/login/mfa` finishes the sign-in. */
export interface MfaChallengeResponse {
  mfaRequired: true;
  mfaToken: string;
}

/** What `POST /api/auth/login` answers: signed in, or a second step to take. */
export type LoginStepResponse = LoginResponse | MfaChallengeResponse;

export function isMfaChallenge(response: LoginStepResponse): response is MfaChallengeResponse {
  return 'mfaRequired' in response && response.mfaRequired === true;
}

export interface MfaLoginRequest {
  mfaToken: string;
  /** A current TOTP code or an unused recovery code. */
  code: string;
}

export interface TotpSetupResponse {
  /** Base32. */
  secret: string;
  otpauthUrl: string;
}

export interface TotpConfirmRequest {
  code: string;
}

export interface RecoveryCodesResponse {
  /** Ten single-use codes, shown this once. */
  recoveryCodes: string[];
}

export interface DisableMfaRequest {
  currentPassword: string;
  /** A TOTP or recovery code; may be left out when `passkey` is given (extension). */
  code?: string;
  /** Extension: a passkey's answer instead of a code. */
  passkey?: PasskeyAssertion;
}

/**
 * Extension: a passkey (WebAuthn credential) of the signed-in user, as `GET /api/auth/mfa/passkeys` lists them.
 * Public keys and credential ids stay on the server.
 */
export interface Passkey {
  id: string;
  /** What the user called it ("Work laptop"). */
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/**
 * Extension: the options of a WebAuthn ceremony and the browser's answer, as JSON (what `@simplewebauthn/browser`'s
 * `startRegistration`/`startAuthentication` take and give). Their shape is the WebAuthn standard's.
 */
export type PasskeyCreationOptions = PublicKeyCredentialCreationOptionsJSON;
export type PasskeyRequestOptions = PublicKeyCredentialRequestOptionsJSON;
export type PasskeyRegistration = RegistrationResponseJSON;
export type PasskeyAssertion = AuthenticationResponseJSON;

/** Extension: `POST /api/auth/mfa/passkeys`: the browser's answer to the creation options, and a name for it. */
export interface AddPasskeyRequest {
  name: string;
  response: PasskeyRegistration;
}

/** Extension: `POST /api/auth/login/mfa/passkey`: the second sign-in step with a passkey instead of a code. */
export interface PasskeyLoginRequest {
  mfaToken: string;
  response: PasskeyAssertion;
}

/**
 * Extension: `DELETE /api/auth/mfa/passkeys/:id` (and `DELETE /api/auth/mfa`): the password and a second factor,
 * either a code (TOTP or recovery) or a passkey's answer to `POST /api/auth/mfa/passkeys/confirm-options`.
 */
export interface ConfirmWithSecondFactor {
  currentPassword: string;
  code?: string;
  passkey?: PasskeyAssertion;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface CreateOrganisationRequest {
  name: string;
  kind: OrganisationKind;
}

export interface CreateUserRequest {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  organisationId: string;
  canSign?: boolean;
}

export interface UpdateUserRequest {
  displayName?: string;
  role?: Role;
  organisationId?: string;
  canSign?: boolean;
  disabled?: boolean;
  password?: string;
}

/** Passwords shorter than this are refused. */
export const MIN_PASSWORD_LENGTH = 12;
/** Names of sites, zones, organisations, meetings and people: 1 to 200 code points. */
export const MAX_NAME_LENGTH = 200;

export interface HealthResponse {
  status: 'ok' | 'error';
  info?: Record<string, unknown>;
  error?: Record<string, unknown>;
  details?: Record<string, unknown>;
}
