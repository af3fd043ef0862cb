import type { ErrorDetail } from '@samverkan/contracts';

// Text is stored exactly as sent (no trimming, no normalisation); lengths count Unicode code points.

export interface TextLimits {
  min: number;
  max: number;
  /** `undefined` (the field left out) is accepted. */
  optional?: boolean;
  /** `null` is accepted. */
  nullable?: boolean;
}

// Without the `u` flag the patterns see UTF-16 code units, so they can find unpaired surrogate halves.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** The number of Unicode code points (an emoji outside the BMP is 1, not 2); a lone surrogate counts as 1. */
export function codePointLength(text: string): number {
  return text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);
}

/** True when the text holds a NUL character or a lone surrogate, which PostgreSQL and JSON cannot carry faithfully. */
export function hasForbiddenCharacters(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/** Problems with a text field; empty when it is acceptable. */
export function checkText(value: unknown, field: string, limits: TextLimits): ErrorDetail[] {
  if (value === undefined) return limits.optional ? [] : [{ field, message: `${field} is required` }];
  if (value === null && limits.nullable) return [];
  if (typeof value !== 'string') return [{ field, message: `${field} must be a string` }];

  const details: ErrorDetail[] = [];
  if (hasForbiddenCharacters(value)) {
    details.push({ field, message: `${field} must not contain a NUL character or a lone surrogate` });
  }
  const length = codePointLength(value);
  if (length < limits.min || length > limits.max) {
    const allowed = limits.min > 0 ? `${limits.min}–${limits.max}` : `at most ${limits.max}`;
    details.push({ field, message: `${field} must be ${allowed} characters (got ${length})` });
  }
  return details;
}
