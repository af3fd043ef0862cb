// Field reports must never identify a person, so a text that looks like it holds a Swedish personal
// identity number, a phone number or an e-mail address is refused. The rules aim to catch the usual
// ways these are written without flagging dates, times, years, street numbers or counts. Callers get
// the kinds found, never the matched text, so nothing identifying is echoed back or logged.

export const IDENTIFYING_KINDS = ['personal_identity_number', 'phone_number', 'email_address'] as const;
export type IdentifyingKind = (typeof IDENTIFYING_KINDS)[number];

/** The kinds of identifying data found in `text`, each once, in the order of IDENTIFYING_KINDS. */
export function findIdentifyingData(text: string): IdentifyingKind[] {
  const found = {
    personal_identity_number: containsPersonalIdentityNumber(text),
    phone_number: containsPhoneNumber(text),
    email_address: EMAIL_ADDRESS.test(text),
  };
  return IDENTIFYING_KINDS.filter((kind) => found[kind]);
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
// YYMMDD-NNNC or YYYYMMDDNNNC, with "-", "+" or a space before the last four digits, or nothing.
// A real date and a valid Luhn check digit (over the ten-digit form) keep ordinary numbers out.
const PERSONAL_IDENTITY_NUMBER = /(?<!\d)(\d{2})?(\d{6})[-+ ]?(\d{4})(?!\d)/g;
const COORDINATION_DAY_OFFSET = 60;

function containsPersonalIdentityNumber(text: string): boolean {
  for (const [, century, birthDate, serial] of text.matchAll(PERSONAL_IDENTITY_NUMBER)) {
    if (isBirthDate(century, birthDate) && hasValidCheckDigit(birthDate + serial)) return true;
  }
  return false;
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
// "05-11-2026" (day-month-year) has the shape of a short phone number.
const DAY_MONTH_YEAR = /^(0[1-9]|[12]\d|3[01])[ -](0[1-9]|1[0-2])[ -]\d{4}$/;

function containsPhoneNumber(text: string): boolean {
  for (const [candidate] of text.matchAll(PHONE_NUMBER)) {
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
