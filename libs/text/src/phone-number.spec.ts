import { isPhoneNumber, telUri } from './phone-number';

describe('a public phone number', () => {
  it.each(['040-628 04 42', '0406280442', '+46 40 628 04 42', '+46 (0)40-628 04 42', '(040) 628 04 42', '1177', '+4740123456'])(
    'accepts %s',
    (phone) => expect(isPhoneNumber(phone)).toBe(true),
  );

  it.each([
    ['empty', ''],
    ['letters', 'ring oss'],
    ['a number with words', 'Tel 040-628 04 42'],
    ['two separators in a row', '040--628'],
    ['a trailing separator', '040-628 '],
    ['a leading space', ' 040-628 04 42'],
    ['a plus inside', '040+628'],
    ['too few digits', '12'],
    ['more than 15 digits', '+46 40 628 04 42 12 34 5'],
    ['an e-mail address', 'info@example.org'],
    ['a line break', '040-628\n04 42'],
  ])('refuses %s', (_what, phone) => expect(isPhoneNumber(phone)).toBe(false));

  it('dials the digits, dropping the national 0 after a country code', () => {
    expect(telUri('040-628 04 42')).toBe('tel:0406280442');
    expect(telUri('+46 (0)40-628 04 42')).toBe('tel:+46406280442');
    expect(telUri('(040) 628 04 42')).toBe('tel:0406280442');
  });
});
