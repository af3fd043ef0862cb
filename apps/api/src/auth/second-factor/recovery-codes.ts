import { randomInt } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
/** No 0/o, 1/l/i: a code is read off paper. 30 letters, ten of them: about 49 bits, beyond guessing at 5 a try. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz2345789';
const LENGTH = 10;

/** Ten new codes, shown as `abcde-fghjk`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const letters = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${letters.slice(0, 5)}-${letters.slice(5)}`;
  });
}

/** What is hashed and compared: case, spaces and dashes as typed do not matter. Null: not a recovery code. */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[\s-]/g, '');
  if (code.length !== LENGTH) return null;
  return [...code].every((letter) => ALPHABET.includes(letter)) ? code : null;
}
