/**
 * Extension: what the identity guard finds in a text that could identify a person. These are the `reason` of
 * its refusals and the `warnings` of a chat message that holds a phone number or an e-mail address.
 */
export const IDENTIFYING_KINDS = ['personal_identity_number', 'phone_number', 'email_address'] as const;
export type IdentifyingKind = (typeof IDENTIFYING_KINDS)[number];

/** One problem in a request: the field (dotted path) and why it was refused. */
export interface ErrorDetail {
  field: string;
  message: string;
  /**
   * Extension: a code for the reason, for clients to put in the user's language. The identity guard's
   * refusals carry the kind found: `personal_identity_number`, `phone_number` or `email_address`. A password
   * being set that is refused as weak carries `too_common` or `too_guessable`. A site change refused with 409
   * carries `zones_out_of_reach` or `zones_under_agreement` (SITE_CONFLICT_REASONS).
   */
  reason?: string;
}

/** The body of every error response. */
export interface ErrorResponse {
  statusCode: number;
  error: string;
  message: string;
  details?: ErrorDetail[];
}
