import { Inject, Injectable } from '@nestjs/common';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type {
  PasskeyAssertion,
  PasskeyCreationOptions,
  PasskeyRegistration,
  PasskeyRequestOptions,
} from '@samverkan/contracts';
import { conflict } from '../../common/api-exception.filter';
import { Clock } from '../../common/clock';
import { APP_CONFIG, AppConfig, WebAuthnConfig } from '../../config/app-config';
import type { AuthUser } from '../auth-user';
import { PasskeyChallenges, signedChallenge, type PasskeyPurpose } from './passkey-challenges';
import { PasskeysRepository, type NewCredential } from './passkeys.repository';

/** ES256, EdDSA and RS256: what platform authenticators and security keys make. */
const ALGORITHMS = [-7, -8, -257];
const TRANSPORTS = new Set(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']);
/** How long the browser waits for the user (the challenge itself lives PASSKEY_CHALLENGE_LIFETIME_MS). */
const CEREMONY_TIMEOUT_MS = 2 * 60 * 1000;

/**
 * As bytes: a string challenge would be taken as text and encoded again, and the browser would sign another one.
 */
function challengeBytes(challenge: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(challenge, 'base64url'));
}

/**
 * The WebAuthn ceremonies with @simplewebauthn/server: options with a stored one-use challenge, and the checks
 * of the browser's answer against that challenge, the relying party (PUBLIC_URL) and the stored public key.
 * A passkey is a second factor here, after the password, so user verification is asked for but not required.
 */
@Injectable()
export class PasskeyCeremonies {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: PasskeysRepository,
    private readonly challenges: PasskeyChallenges,
    private readonly clock: Clock,
  ) {}

  /** 409 `passkeys_unavailable` when the api does not know its public address. */
  private relyingParty(): WebAuthnConfig {
    if (this.config.webAuthn) return this.config.webAuthn;
    throw conflict(
      'passkey',
      'Passkeys are off on this server: its public address (PUBLIC_URL) is not set',
      'passkeys_unavailable',
    );
  }

  async registrationOptions(user: AuthUser): Promise<PasskeyCreationOptions> {
    const rp = this.relyingParty();
    const existing = await this.repository.credentials(user.id);
    const options = await generateRegistrationOptions({
      rpName: rp.rpName,
      rpID: rp.rpId,
      userName: user.email,
      userDisplayName: user.displayName,
      userID: new TextEncoder().encode(user.id),
      challenge: challengeBytes(await this.challenges.issue(user.id, 'register')),
      timeout: CEREMONY_TIMEOUT_MS,
      attestationType: 'none',
      excludeCredentials: existing.map((credential) => ({
        id: credential.credentialId,
        transports: credential.transports,
      })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
      supportedAlgorithmIDs: ALGORITHMS,
    });
    return options as PasskeyCreationOptions;
  }

  /** The new credential, or null when the answer does not check out (its challenge is used up either way). */
  async verifyRegistration(
    userId: string,
    response: PasskeyRegistration,
  ): Promise<Omit<NewCredential, 'name'> | null> {
    const rp = this.relyingParty();
    const challenge = signedChallenge(response);
    if (challenge === null || !(await this.challenges.take(challenge, { userId, purpose: 'register' })))
      return null;
    try {
      const verification = await verifyRegistrationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: rp.origins,
        expectedRPID: rp.rpId,
        requireUserVerification: false,
        supportedAlgorithmIDs: ALGORITHMS,
      });
      if (!verification.verified) return null;
      const { credential } = verification.registrationInfo;
      return {
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: (response.response.transports ?? []).filter((transport) => TRANSPORTS.has(transport)),
      };
    } catch {
      // A malformed or forged answer: the library names what failed, which the client need not know.
      return null;
    }
  }

  /** Options to sign with one of the user's passkeys; 409 `nothing_to_change` when they have none. */
  async assertionOptions(
    userId: string,
    purpose: Exclude<PasskeyPurpose, 'register'>,
    mfaChallengeId: string | null = null,
  ): Promise<PasskeyRequestOptions> {
    const rp = this.relyingParty();
    const credentials = await this.repository.credentials(userId);
    if (credentials.length === 0)
      throw conflict('passkey', 'There is no passkey on this account', 'nothing_to_change');
    const options = await generateAuthenticationOptions({
      rpID: rp.rpId,
      allowCredentials: credentials.map((credential) => ({
        id: credential.credentialId,
        transports: credential.transports,
      })),
      challenge: challengeBytes(await this.challenges.issue(userId, purpose, mfaChallengeId)),
      timeout: CEREMONY_TIMEOUT_MS,
      userVerification: 'preferred',
    });
    return options as PasskeyRequestOptions;
  }

  /**
   * True when the answer is signed by one of the user's passkeys over a fresh challenge issued for this purpose,
   * and its counter moved on; the passkey's use is then recorded. A replayed answer fails on its used challenge,
   * a cloned authenticator's on the counter.
   */
  async verifyAssertion(
    userId: string,
    response: PasskeyAssertion,
    purpose: Exclude<PasskeyPurpose, 'register'>,
    mfaChallengeId?: string,
  ): Promise<boolean> {
    const rp = this.relyingParty();
    const challenge = signedChallenge(response);
    if (challenge === null || !(await this.challenges.take(challenge, { userId, purpose, mfaChallengeId }))) {
      return false;
    }
    const stored = (await this.repository.credentials(userId)).find(
      (credential) => credential.credentialId === response.id,
    );
    if (!stored) return false;
    try {
      const verification = await verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: rp.origins,
        expectedRPID: rp.rpId,
        credential: {
          id: stored.credentialId,
          publicKey: new Uint8Array(Buffer.from(stored.publicKey, 'base64url')),
          counter: stored.counter,
          transports: stored.transports,
        },
        requireUserVerification: false,
      });
      if (!verification.verified) return false;
      return this.repository.recordUse(
        stored.id,
        verification.authenticationInfo.newCounter,
        this.clock.now(),
      );
    } catch {
      return false;
    }
  }
}
