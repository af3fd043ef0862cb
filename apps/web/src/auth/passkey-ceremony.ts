import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  WebAuthnError,
} from '@simplewebauthn/browser';
import type {
  PasskeyAssertion,
  PasskeyCreationOptions,
  PasskeyRegistration,
  PasskeyRequestOptions,
} from '@samverkan/contracts';
import { apiErrorText } from '../api/api-error';
import type { MessageKey } from '../i18n/dictionary';
import type { Translate } from '../i18n/i18n';

/** A ceremony the browser did not finish, with what to tell the user. */
export class PasskeyCeremonyError extends Error {
  constructor(readonly key: MessageKey) {
    super(key);
  }
}

/** Whether this browser has WebAuthn at all (it may still refuse on a page that is not secure). */
export function passkeysSupported(): boolean {
  return browserSupportsWebAuthn();
}

function ceremonyFailure(caught: unknown): PasskeyCeremonyError {
  const name = caught instanceof Error ? caught.name : '';
  const code = caught instanceof WebAuthnError ? caught.code : null;
  // Browsers say NotAllowedError both when the user cancels and when none of the passkeys is on this device.
  if (code === 'ERROR_CEREMONY_ABORTED' || name === 'NotAllowedError' || name === 'AbortError') {
    return new PasskeyCeremonyError('mfa.passkey.cancelled');
  }
  if (code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' || name === 'InvalidStateError') {
    return new PasskeyCeremonyError('mfa.passkey.alreadyAdded');
  }
  return new PasskeyCeremonyError('mfa.passkey.unsupported');
}

/** Makes a passkey in the browser (its own dialog), answering the api's options. */
export async function createPasskey(options: PasskeyCreationOptions): Promise<PasskeyRegistration> {
  if (!passkeysSupported()) throw new PasskeyCeremonyError('mfa.passkey.unsupported');
  try {
    return await startRegistration({ optionsJSON: options });
  } catch (caught) {
    throw ceremonyFailure(caught);
  }
}

/** Signs the api's challenge with one of the user's passkeys. */
export async function signWithPasskey(options: PasskeyRequestOptions): Promise<PasskeyAssertion> {
  if (!passkeysSupported()) throw new PasskeyCeremonyError('mfa.passkey.unsupported');
  try {
    return await startAuthentication({ optionsJSON: options });
  } catch (caught) {
    throw ceremonyFailure(caught);
  }
}

/** The user's words for a failed passkey step: the browser's refusal, or the api's. */
export function passkeyErrorText(caught: unknown, t: Translate): string {
  return caught instanceof PasskeyCeremonyError ? t(caught.key) : apiErrorText(caught, t);
}
