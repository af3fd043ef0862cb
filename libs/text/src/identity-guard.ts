// Field reports must never identify a person, so a text that looks like it holds a Swedish personal
// identity number, a phone number or an e-mail address is refused. The rules aim to catch the usual
// ways these are written without flagging dates, times, years, street numbers or counts. Callers get
// the kinds found, never the matched text, so nothing identifying is echoed back or logged.

import { IDENTIFYING_KINDS, type IdentifyingKind } from '@samverkan/contracts';

export { IDENTIFYING_KINDS, type IdentifyingKind };

/** The kinds of identifying data found in `text`, each once, in the order of IDENTIFYING_KINDS. */
export function findIdentifyingData(text: string): IdentifyingKind[] {
  const normalised = normaliseForIdentityGuard(text);
  const found = {
    personal_identity_number: containsPersonalIdentityNumber(normalised),
    phone_number: containsPhoneNumber(normalised),
    email_address: EMAIL_ADDRESS.test(normalised),
  };
  return IDENTIFYING_KINDS.filter((kind) => found[kind]);
}

/**
 * Where a text goes decides what the guard does with it. A `record` (minutes, decisions, zone notes, reports…)
 * is kept and exported, so every kind is refused. In `chat`, staff share their work phone numbers and e-mail
 * addresses, so only a personal identity number is refused and the others are a warning.
 */
export type IdentityGuardPolicy = 'record' | 'chat';

export interface IdentityGuardVerdict {
  /** The text must not be stored: the kinds found that the policy refuses. */
  refused: IdentifyingKind[];
  /** The text may be stored, but the writer should look again: the kinds found that the policy allows. */
  warned: IdentifyingKind[];
}

const REFUSED_BY_POLICY: Record<IdentityGuardPolicy, readonly IdentifyingKind[]> = {
  record: IDENTIFYING_KINDS,
  chat: ['personal_identity_number'],
};

/** The identity guard's verdict on a text under a policy; the api and the web app both ask this. */
export function guardIdentifyingText(text: string, policy: IdentityGuardPolicy): IdentityGuardVerdict {
  const kinds = findIdentifyingData(text);
  const refuses = REFUSED_BY_POLICY[policy];
  return { refused: kinds.filter((kind) => refuses.includes(kind)), warned: kinds.filter((kind) => !refuses.includes(kind)) };
}

/**
 * The text as the guard reads it, so the ways people really type do not slip through: NFKC (full-width
 * digits, "＠", no-break and thin spaces become their plain forms), format characters such as zero-width
 * spaces and soft hyphens dropped, every dash and the minus sign made "-", runs of spaces made one, spaces
 * around "-" between digits (and around "+" before a personal identity number's last four) dropped, and
 * "[at]", "(at)", "[dot]" and spaces around "@" read as an address. Line breaks stay: numbers on separate
 * lines are separate numbers. Used only for matching; the text is stored as written.
 */
export function normaliseForIdentityGuard(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/[\p{Pd}\u2212]/gu, '-')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/(?<=\d) ?- ?(?=\d)/g, '-')
    .replace(/(?<=\d) ?\+ ?(?=\d{4}(?!\d))/g, '+')
    .replace(/ ?[[({] ?at ?[\])}] ?/gi, '@')
    .replace(/ ?[[({] ?dot ?[\])}] ?/gi, '.')
    .replace(/ ?@ ?/g, '@');
}

const KIND_WORDS = {
  en: { personal_identity_number: 'a personal identity number', phone_number: 'a phone number', email_address: 'an e-mail address', and: 'and' },
  sv: { personal_identity_number: 'ett personnummer', phone_number: 'ett telefonnummer', email_address: 'en e-postadress', and: 'och' },
} as const;

/** The kinds as a phrase for a message: "a phone number and an e-mail address" / "ett telefonnummer och en e-postadress". */
export function describeIdentifyingKinds(kinds: readonly IdentifyingKind[], lang: 'sv' | 'en'): string {
  const words = KIND_WORDS[lang];
  const phrases = kinds.map((kind) => words[kind]);
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} ${words.and} ${phrases[phrases.length - 1]}`;
}

// Personal identity numbers (personnummer, and samordningsnummer whose day is the birth day + 60):
// YYMMDD-NNNC or YYYYMMDDNNNC, with "-", "+" or a space before the last four digits, or nothing; the date may
// be typed in groups with spaces ("19 85 01 01-1234"). A real date and a valid Luhn check digit (over the
// ten-digit form) keep ordinary numbers out; the date's groups must be joined by spaces, so a date and a
// time ("2026-05-04 1430") are not read as one.
const DIGIT_RUN = /\d+(?:[ +-]\d+)*/g;
const COORDINATION_DAY_OFFSET = 60;

function containsPersonalIdentityNumber(text: string): boolean {
  for (const [run] of text.matchAll(DIGIT_RUN)) {
    const groups = run.split(/[ +-]/);
    const separators = run.replace(/\d+/g, '');
    for (let last = 0; last < groups.length; last++) {
      if (isWholePersonalIdentityNumber(groups[last])) return true;
      if (last === 0 || groups[last].length !== 4) continue;
      let date = '';
      for (let first = last - 1; first >= 0 && date.length < 8; first--) {
        date = groups[first] + date;
        if ((date.length === 6 || date.length === 8) && isPersonalIdentityNumber(date, groups[last])) return true;
        if (first > 0 && separators[first - 1] !== ' ') break;
      }
    }
  }
  return false;
}

function isWholePersonalIdentityNumber(digits: string): boolean {
  return (digits.length === 10 || digits.length === 12) && isPersonalIdentityNumber(digits.slice(0, -4), digits.slice(-4));
}

/** `date` YYMMDD or YYYYMMDD, `serial` the last four digits. */
function isPersonalIdentityNumber(date: string, serial: string): boolean {
  const century = date.length === 8 ? date.slice(0, 2) : undefined;
  const birthDate = date.slice(-6);
  return isBirthDate(century, birthDate) && hasValidCheckDigit(birthDate + serial);
}

function isBirthDate(century: string | undefined, yymmdd: string): boolean {
  const [yy, month, dayField] = [0, 2, 4].map((i) => Number(yymmdd.slice(i, i + 2)));
  const day = dayField > COORDINATION_DAY_OFFSET ? dayField - COORDINATION_DAY_OFFSET : dayField;
  // Without the century the date only has to exist in one of the centuries people alive today were born in.
  const centuries = century === undefined ? [19, 20] : [Number(century)].filter((c) => c >= 18 && c <= 20);
  return centuries.some((c) => isRealDate(c * 100 + yy, month, day));
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Luhn over ten digits: alternate digits from the first doubled, the digit sums added, the total a multiple of 10. */
function hasValidCheckDigit(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < tenDigits.length; i++) {
    const product = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return sum % 10 === 0;
}

// Phone numbers: "+" or "00" and a country code, or 0 and an area code ("070", "(040)"); a country
// or area code never starts with 0, which keeps "000229-1235" out. Digit groups are separated by a
// space, a hyphen or "(0)" as in "+46 (0)70-123 45 67", and groups after the first have at least two
// digits, so a count such as "2 kits" is not swallowed. A number must not follow a letter, a digit or
// "+" (codes such as "AB0123456789"), nor a digit and ".,/-", so parts of dates ("2026-05-11") and
// decimals ("13.0038123456") are not read as one.
const SPACE = '[ \\u00A0]';
const GROUP_SEPARATOR = `(?:${SPACE}?-${SPACE}?|${SPACE}|${SPACE}?\\(0\\)${SPACE}?)`;
const FIRST_GROUP = `(?:\\+[1-9]\\d*|\\(0[1-9]\\d{0,2}\\)${SPACE}?\\d{2,}|00?[1-9]\\d*)`;
const PHONE_NUMBER = new RegExp(`(?<![\\p{L}\\p{N}_+])(?<!\\p{N}[.,/-])${FIRST_GROUP}(?:${GROUP_SEPARATOR}\\d{2,})*`, 'gu');
const PHONE_DIGITS = { min: 8, maxNational: 13, maxInternational: 15 } as const;
// Groups may also be joined by dots ("070.123.45.67"), but only by dots, so times ("08.30-16.00") and
// decimals stay out.
const DOTTED_PHONE_NUMBER = new RegExp(`(?<![\\p{L}\\p{N}_+.,/-])(?:\\+[1-9]\\d*|0[1-9]\\d*)(?:\\.\\d{2,})+(?![.,]?\\d)`, 'gu');
// "05-11-2026" (day-month-year) has the shape of a short phone number.
const DAY_MONTH_YEAR = /^(0[1-9]|[12]\d|3[01])[ .-](0[1-9]|1[0-2])[ .-]\d{4}$/;

function containsPhoneNumber(text: string): boolean {
  for (const [candidate] of [...text.matchAll(PHONE_NUMBER), ...text.matchAll(DOTTED_PHONE_NUMBER)]) {
    const maxDigits = candidate.startsWith('+') ? PHONE_DIGITS.maxInternational : PHONE_DIGITS.maxNational;
    // Groups greedily run on into numbers that follow ("070-123 45 67 12 34"), so any leading groups
    // with a phone number's count of digits are enough.
    let digits = 0;
    for (const group of candidate.matchAll(/\d+/g)) {
      digits += group[0].length;
      const prefix = candidate.slice(0, group.index + group[0].length);
      if (digits >= PHONE_DIGITS.min && digits <= maxDigits && !DAY_MONTH_YEAR.test(prefix)) return true;
    }
  }
  return false;
}

// E-mail addresses: local@domain.tld, kept simple; the look-behind makes a match start at the
// beginning of a word, which also keeps a long run of letters from being rescanned at every position.
const EMAIL_ADDRESS = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
