import { HttpStatus } from '@nestjs/common';
import { ZONE_CLAUSE_KEYS, ZONE_TERMS_LIMITS, type ErrorDetail, type ZoneTerms } from '@samverkan/contracts';
import { checkText, guardIdentifyingText } from '@samverkan/text';
import { DetailedHttpException } from '../../common/api-exception.filter';
import { identifyingTextDetail } from '../../common/identifying-text';

export const NO_TERMS: ZoneTerms = { clauses: [], text: '' };

/**
 * A version's terms as sent, checked and put in the standard list's order: known clause keys, each once, and a
 * text of 0–2,000 characters that identifies no one (the identity guard, as for report bodies).
 */
export function checkZoneTerms(value: unknown): ZoneTerms {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw problems([{ field: 'terms', message: 'terms must be an object { clauses: [key], text }', reason: 'wrong_type' }]);
  }
  const { clauses = [], text = '', ...rest } = value as Record<string, unknown>;
  const details: ErrorDetail[] = Object.keys(rest).map((key) => ({ field: `terms.${key}`, message: `terms.${key} is not a field of terms`, reason: 'unknown_field' }));
  if (!Array.isArray(clauses) || clauses.some((key) => typeof key !== 'string')) {
    details.push({ field: 'terms.clauses', message: 'terms.clauses must be a list of clause keys', reason: 'wrong_type' });
  } else {
    const unknown = clauses.filter((key: string) => !ZONE_CLAUSE_KEYS.includes(key));
    if (unknown.length > 0) {
      details.push({ field: 'terms.clauses', message: `terms.clauses must be keys from GET /api/zones/clauses (${ZONE_CLAUSE_KEYS.join(', ')})`, reason: 'not_one_of' });
    }
  }
  details.push(...checkText(text, 'terms.text', { min: 0, max: ZONE_TERMS_LIMITS.maxText }).map((detail) => ({ ...detail, reason: typeof text === 'string' ? ('text_length' as const) : ('wrong_type' as const) })));
  if (details.length === 0 && typeof text === 'string') {
    const { refused } = guardIdentifyingText(text, 'record');
    if (refused.length > 0) details.push(identifyingTextDetail('terms.text', refused));
  }
  if (details.length > 0) throw problems(details);
  const chosen = new Set(clauses as string[]);
  return { clauses: ZONE_CLAUSE_KEYS.filter((key) => chosen.has(key)), text: text as string };
}

function problems(details: ErrorDetail[]): DetailedHttpException {
  return new DetailedHttpException(HttpStatus.BAD_REQUEST, details);
}
