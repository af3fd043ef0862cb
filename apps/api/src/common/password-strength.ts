import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { MIN_PASSWORD_LENGTH } from '@samverkan/contracts';

/**
 * zxcvbn's score 3 means about 10^8 guesses or more: out of reach online behind the sign-in throttle and slow
 * offline against an argon2id hash. Score 4 would refuse many sensible passphrases of two or three words.
 */
export const MIN_PASSWORD_SCORE = 3;

/**
 * The estimator's work grows fast with length and l33t substitutions (a 128-character `p@ssw0rd…` took over a
 * second); with these bounds the worst case measured about 60 ms. It reads the first 48 characters only: those
 * decide whether the password starts as a pattern or a common word, and 48 good characters are strong.
 */
const CHECKED_LENGTH = 48;
const L33T_MAX_SUBSTITUTIONS = 10;

/** Machine-readable reasons, for clients that phrase them in the user's language. */
export type PasswordWeaknessCode = 'too_short' | 'too_common' | 'too_guessable';

export interface PasswordWeakness {
  code: PasswordWeaknessCode;
  /** zxcvbn's warning key (`topHundred`, `keyPattern`, …), or null when it gave none. */
  warning: string | null;
  /** The reason in English, to follow the field's name: "is one of the most used passwords". */
  message: string;
}

const COMMON_WARNINGS = new Set(['topTen', 'topHundred', 'common', 'similarToCommon', 'pwned']);

const WARNING_TEXTS: Record<string, string> = {
  topTen: 'one of the most used passwords',
  topHundred: 'one of the most used passwords',
  common: 'a commonly used password',
  similarToCommon: 'close to a commonly used password',
  pwned: 'a password known from data breaches',
  straightRow: 'a straight row of keys',
  keyPattern: 'a short keyboard pattern',
  simpleRepeat: 'a repeated character',
  extendedRepeat: 'a repeated group of characters',
  sequences: 'a sequence such as abc or 1234',
  recentYears: 'a recent year',
  dates: 'a date',
  wordByItself: 'a single word',
  namesByThemselves: 'a name',
  commonNames: 'a common name',
  userInputs: 'the e-mail address or name of the account',
};

let estimator: ZxcvbnFactory | null = null;

/** Built on first use: loading the dictionaries takes a moment and some memory. */
function estimate(password: string, userInputs: string[]) {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...dictionary },
    graphs: adjacencyGraphs,
    maxLength: CHECKED_LENGTH,
    l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS,
  });
  return estimator.check(password, userInputs);
}

/**
 * The one password rule, for every place a password is set (api, CLI, start-up settings): at least
 * MIN_PASSWORD_LENGTH characters and not common or easy to guess. `userInputs` (the account's e-mail address
 * and name) count as known to an attacker. Null when the password is fine.
 */
export function passwordWeakness(password: string, userInputs: string[] = []): PasswordWeakness | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return {
      code: 'too_short',
      warning: null,
      message: `must be at least ${MIN_PASSWORD_LENGTH} characters long`,
    };
  }
  // The whole address and name, and each of their words (anna.svensson@… gives anna and svensson).
  const words = userInputs
    .map((input) => input.toLowerCase())
    .flatMap((input) => [input, ...input.split(/[^\p{L}\p{N}]+/u)])
    .filter((word) => word.length > 2);
  const result = estimate(password, words);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const warning = result.feedback.warning || null;
  const code = warning !== null && COMMON_WARNINGS.has(warning) ? 'too_common' : 'too_guessable';
  const what = warning !== null ? WARNING_TEXTS[warning] : undefined;
  const message =
    code === 'too_common'
      ? `is too common: it is ${what ?? 'a commonly used password'} (${warning})`
      : `is too easy to guess${what ? `: it is or holds ${what} (${warning})` : ''}; use a longer phrase of unrelated words`;
  return { code, warning, message };
}
