// A site's public phone number: an organisation's number, shown as a `tel:` link. Unlike the identity guard,
// which keeps phone numbers out of free texts, this field must hold one, and nothing else.

export const PHONE_NUMBER_LIMITS = { maxLength: 30, minDigits: 3, maxDigits: 15 } as const;

// Digit groups ("040", "(0)40", "(040)") joined by at most one space or hyphen; "+" only before the first group.
const PHONE_SHAPE = /^(?:\+?\d+|\(\d+\))(?:[ -]?(?:\d+|\(\d+\)))*$/;

/**
 * Whether `value` is written as a phone number: digits in groups, optionally "+" and a country code first,
 * 3 to 15 digits (E.164 allows at most 15; short service numbers such as 1177 have few), ending in a digit.
 */
export function isPhoneNumber(value: string): boolean {
  if (value.length > PHONE_NUMBER_LIMITS.maxLength || !PHONE_SHAPE.test(value) || !/\d$/.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= PHONE_NUMBER_LIMITS.minDigits && digits <= PHONE_NUMBER_LIMITS.maxDigits;
}

/** The number as a `tel:` URI (RFC 3966): "+", digits and hyphens only; a national "(0)" after a country code is dropped. */
export function telUri(phone: string): string {
  const international = phone.startsWith('+');
  const digits = (international ? phone.replace(/\(0\)/g, '') : phone).replace(/[^\d]/g, '');
  return `tel:${international ? '+' : ''}${digits}`;
}
