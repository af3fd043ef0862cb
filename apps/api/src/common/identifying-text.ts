import { HttpStatus } from '@nestjs/common';
import type { ErrorDetail, IdentifyingKind } from '@samverkan/contracts';
import { describeIdentifyingKinds, guardIdentifyingText, type IdentityGuardPolicy } from '@samverkan/text';
import { DetailedHttpException } from './api-exception.filter';

/**
 * The refusal of a text that looks like it identifies a person: the message names the kinds found and
 * `reason` the first of them (for the client to put in the user's language), never the text itself, so
 * nothing identifying is echoed back or logged.
 */
export function identifyingTextDetail(field: string, refused: readonly IdentifyingKind[]): ErrorDetail {
  return {
    field,
    message: identifyingTextMessage(refused),
    reason: refused[0],
  };
}

export function identifyingTextMessage(refused: readonly IdentifyingKind[]): string {
  return `must not identify a person: it seems to hold ${describeIdentifyingKinds(refused, 'en')}; leave it out`;
}

/** Refuses a text the identity guard refuses under `policy` (by default a kept record: every kind). */
export function refuseIdentifyingText(
  field: string,
  text: string,
  policy: IdentityGuardPolicy = 'record',
): void {
  const { refused } = guardIdentifyingText(text, policy);
  if (refused.length === 0) return;
  throw new DetailedHttpException(HttpStatus.BAD_REQUEST, [identifyingTextDetail(field, refused)]);
}
