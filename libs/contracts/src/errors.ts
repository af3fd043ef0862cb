/**
 * Extension: what the identity guard finds in a text that could identify a person. These are the `reason` of
 * its refusals and the `warnings` of a chat message that holds a phone number or an e-mail address.
 */
export const IDENTIFYING_KINDS = ['personal_identity_number', 'phone_number', 'email_address'] as const;
export type IdentifyingKind = (typeof IDENTIFYING_KINDS)[number];

/**
 * Extension: every `reason` code an error detail (and a socket ack's error) may carry. Clients put each one in
 * the user's language and never show the api's English `message`; the web app's test checks each has a text.
 */
export const ERROR_REASONS = [
  ...IDENTIFYING_KINDS,
  // A password being set that is too weak (the length rule is `text_length`).
  'too_common',
  'too_guessable',
  // The request's shape, from the validation pipe's constraints.
  'required',
  'unknown_field',
  'wrong_type',
  'text_length',
  'text_characters',
  'not_one_of',
  'invalid_id',
  'invalid_time',
  'invalid_date',
  'out_of_range',
  'invalid',
  // The request's meaning, from the services.
  'unknown_reference',
  'names_a_person',
  'ends_before_start',
  'geometry_or_radius',
  'invalid_geometry',
  'too_far_from_site',
  'area_too_large',
  'nothing_to_change',
  'wrong_password',
  'same_password',
  // The second factor: the role needs one and the account has none yet (403), or a code was not accepted.
  'mfa_required',
  'wrong_code',
  'sign_in_expired',
  // Passkeys: the browser's answer was not one of the account's passkeys or did not check out, or the api does
  // not know its public address (PUBLIC_URL), so passkeys are off.
  'passkey_not_recognised',
  'passkeys_unavailable',
  'not_a_signatory',
  'not_a_phone_number',
  // A suspension's end time (`until`).
  'not_in_future',
  'too_far_ahead',
  // Conflicts (409) a client can say more about than "reload and try again".
  'already_exists',
  'already_approved',
  'last_administrator',
  // Web Push: push is off on this server (404), an endpoint that is not https or names no public push service,
  // keys of the wrong size.
  'push_off',
  'not_https',
  'not_a_push_service',
  'invalid_push_key',
  // A site change (409): see SITE_CONFLICT_REASONS.
  'zones_out_of_reach',
  'zones_under_agreement',
  // Escalation policies: a policy a channel follows is not deleted (409); a stale `version` (409).
  'policy_in_use',
  'stale_version',
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

/** One problem in a request: the field (dotted path) and why it was refused. */
export interface ErrorDetail {
  field: string;
  message: string;
  /**
   * Extension: a code for the reason, for clients to put in the user's language. The identity guard's
   * refusals carry the kind found: `personal_identity_number`, `phone_number` or `email_address`. A password
   * being set that is refused as weak carries `too_common` or `too_guessable`. A site change refused with 409
   * carries `zones_out_of_reach` or `zones_under_agreement` (SITE_CONFLICT_REASONS). Every code is in
   * `ERROR_REASONS`.
   */
  reason?: ErrorReason;
}

/** The body of every error response. */
export interface ErrorResponse {
  statusCode: number;
  error: string;
  message: string;
  details?: ErrorDetail[];
}
