import { describeIdentifyingKinds, findIdentifyingData, guardIdentifyingText, normaliseForIdentityGuard } from './identity-guard';

// Test personal identity numbers: 19121212-1212 and 811218-9876 are the Swedish Tax Agency's
// examples; the others were made with the Luhn algorithm over the ten-digit form.

describe('findIdentifyingData', () => {
  describe('personal identity numbers', () => {
    it.each([
      '19121212-1212',
      '121212-1212',
      '1212121212',
      '191212121212',
      '121212+1212',
      '19121212+1212',
      '121212 1212',
      'Född 811218-9876.',
      'pnr:8112189876, tack',
      '850709-9805',
      '701063-2391', // samordningsnummer: day 03 + 60
      '000229-1235', // 29 February 2000
      '20000229-1235',
    ])('finds one in %p', (text) => {
      expect(findIdentifyingData(text)).toEqual(['personal_identity_number']);
    });

    it.each([
      ['121212-1213', 'a wrong check digit'],
      ['1234567890', 'no such date and a wrong check digit'],
      ['8507099806', 'an order number with a wrong check digit'],
      ['991332-1239', 'month 13, though the check digit is right'],
      ['701093-2395', 'day 33, neither a birth day nor a coordination day'],
      ['19000229-1235', '29 February 1900, which did not exist'],
      ['21121212-1212', 'a century that is not 18, 19 or 20'],
      ['12121212121', 'eleven digits'],
      ['1912121212121', 'thirteen digits'],
      ['121212--1212', 'two separators'],
    ])('finds none in %p (%s)', (text) => {
      expect(findIdentifyingData(text)).toEqual([]);
    });
  });

  describe('phone numbers', () => {
    it.each([
      '070-123 45 67',
      '0701234567',
      '070 123 45 67',
      '070-1234567',
      '070-123-45-67',
      '+46 70 123 45 67',
      '+46701234567',
      '+46-70-123 45 67',
      '+46 (0)70-123 45 67',
      '0046 70 123 45 67',
      '040-12 34 56',
      '08-123 456 78',
      '(040) 123456',
      '(040)12 34 56',
      '+1 212 555 0100',
      '+44 20 7946 0958',
      '070\u00A0123\u00A045\u00A067',
      'Ring 070-123 45 67 i morgon',
      'tel:0701234567',
      'tel.0701234567',
      'Ring 070-123 45 67 12 gånger', // the count after it does not hide it
    ])('finds one in %p', (text) => {
      expect(findIdentifyingData(text)).toEqual(['phone_number']);
    });

    it.each([
      '2 kits',
      'Delade ut 12 kits och 40 sprutor',
      '2026-11-25',
      'Mötet 2026-11-25 kl. 14:00',
      '05-11-2026',
      '05/11/2026',
      '05 11 2026',
      'Storgatan 12',
      'Storgatan 12, 211 22 Malmö',
      'kl. 08:30–16:00',
      'kl 08.30-16.00',
      'år 2026',
      '1234567890',
      'ordernummer 4455667788',
      'ärende AB0123456789',
      'kod 0123456', // seven digits
      '0,5 mg naloxon',
      '3 x 10 ml',
      '55.6050123, 13.0038123456',
      '100 sprutor, 20 kanyler, 0 incidenter',
      'Mellan 02 och 04 på natten',
      '+46',
      '0 1 2 3 4 5 6 7 8 9',
    ])('finds none in %p', (text) => {
      expect(findIdentifyingData(text)).toEqual([]);
    });
  });

  describe('e-mail addresses', () => {
    it.each([
      'anna@example.se',
      'Mejla a.b+c@sub.example.com.',
      'ÅSA@malmö.se',
      'x_y-z@host-name.org',
      'foo @ bar.se',
      'anna [at] example.se',
      'anna(at)example.se',
      'anna {AT} example [dot] se',
      'anna＠example.se',
    ])('finds one in %p', (text) => {
      expect(findIdentifyingData(text)).toEqual(['email_address']);
    });

    it.each(['@polisen', 'anna@', 'a@b', '2 st @ 10 kr', 'user@localhost', 'möte @ 14:00', 'träffas [at] caféet'])('finds none in %p', (text) => {
      expect(findIdentifyingData(text)).toEqual([]);
    });
  });

  it('finds nothing in an ordinary report', () => {
    const body =
      'Patrull passerade sprutbytet på Storgatan 12 kl. 21:40 den 2026-11-25. Två personer i kö, ' +
      '3 kanyler hittade vid entrén, 1 naloxonkit använt. Uppföljning på mötet 2026-12-03.';
    expect(findIdentifyingData(body)).toEqual([]);
  });

  it('lists each kind once, in a fixed order, and never the text', () => {
    const body = 'Mejla anna@example.se, ring 0701234567 eller 070-765 43 21; pnr 121212-1212 och 811218-9876';
    expect(findIdentifyingData(body)).toEqual(['personal_identity_number', 'phone_number', 'email_address']);
  });

  it('reports both kinds for a number that is a valid personal identity number and has a phone number’s shape', () => {
    // 0701234569: born 23 January 2007 with a valid check digit, and a mobile number.
    expect(findIdentifyingData('0701234569')).toEqual(['personal_identity_number', 'phone_number']);
  });

  it('finds nothing in an empty text', () => {
    expect(findIdentifyingData('')).toEqual([]);
  });

  it('answers quickly for a long text without separators', () => {
    const started = performance.now();
    findIdentifyingData('a'.repeat(100_000) + '1'.repeat(100_000) + '0'.repeat(100_000));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

// The ways people really type: every variant is caught, and the everyday numbers beside them are not.
describe('findIdentifyingData after normalising', () => {
  it.each([
    ['19850101-1236', ['personal_identity_number']],
    ['850101 - 1236', ['personal_identity_number']],
    ['850101 -1236', ['personal_identity_number']],
    ['850101– 1236', ['personal_identity_number']], // en dash
    ['850101—1236', ['personal_identity_number']], // em dash
    ['850101\u20111236', ['personal_identity_number']], // non-breaking hyphen
    ['850101\u22121236', ['personal_identity_number']], // minus sign
    ['850101\uFF0D1236', ['personal_identity_number']], // full-width hyphen-minus
    ['８５０１０１－１２３６', ['personal_identity_number']], // full-width digits
    ['19 85 01 01-1236', ['personal_identity_number']],
    ['1985 01 01 1236', ['personal_identity_number']],
    ['85 01 01 - 1236', ['personal_identity_number']],
    ['850101\u00AD-1236', ['personal_identity_number']], // soft hyphen
    ['8501\u200B011236', ['personal_identity_number']], // zero-width space
    ['850101  1236', ['personal_identity_number']],
    ['850101 + 1236', ['personal_identity_number']],
    ['Kalle Andersson, 19850101-\t1236', ['personal_identity_number']],
    ['070 - 123 45 67', ['phone_number']],
    ['070–123 45 67', ['phone_number']],
    ['070.123.45.67', ['phone_number']],
    ['070.1234567', ['phone_number']],
    ['+46.70.123.45.67', ['phone_number']],
    ['０７０−１２３ ４５ ６７', ['phone_number']],
    ['070\u2009123\u200945\u200967', ['phone_number']], // thin spaces
    ['070\u202F123 45 67', ['phone_number']], // narrow no-break space
    ['+46 (0)70 – 123 45 67', ['phone_number']],
  ] as const)('finds %p', (text, kinds) => {
    expect(findIdentifyingData(text)).toEqual(kinds);
  });

  it.each([
    '2026-05-04',
    '2026–05–04',
    '2026 - 05 - 04',
    'Mötet 2026-05-04 1430',
    '2026-05-04 14:30',
    '05.11.2026',
    '04.05.2026 kl. 08.30',
    'kl. 08:30 – 16:00',
    'kl 08.30 - 16.00',
    'Batch 24A117, utgår 2027-03',
    'batch NX-2024-0117',
    'LOT 4455 6677',
    'version 1.12.4',
    'v2.0.10',
    '0.12.345',
    '§ 4.2.1',
    'punkt 3.2 i avtalet',
    'avtal 2026:14 § 3',
    'Storgatan 12 - 14',
    'Delade ut 12 - 15 kits',
    '12 – 24 sprutor',
    'Mellan 02 - 04 på natten',
    '100 200 300 400',
    '1985 01 01', // a year and a date with no serial
    '850101',
    'Zon 3, version 4 — godkänd 2026-11-25',
    '55.6050123, 13.0038123456',
    '2 + 2 = 4',
  ])('finds none in %p', (text) => {
    expect(findIdentifyingData(text)).toEqual([]);
  });

  it('does not join numbers on separate lines', () => {
    expect(findIdentifyingData('850101\n1236')).toEqual([]);
  });

  it('reads full-width digits, every dash and spaces around separators as their plain forms', () => {
    expect(normaliseForIdentityGuard('８５０１０１ – 1236, ring 070 — 1234567, anna [at] x [dot] se')).toBe(
      '850101-1236, ring 070-1234567, anna@x.se',
    );
  });
});

describe('guardIdentifyingText', () => {
  const everything = 'Anna 19850101-1236, 070-123 45 67, anna@example.se';

  it('refuses every kind in a record', () => {
    expect(guardIdentifyingText(everything, 'record')).toEqual({
      refused: ['personal_identity_number', 'phone_number', 'email_address'],
      warned: [],
    });
  });

  it('refuses only a personal identity number in chat, and warns about phone numbers and e-mail addresses', () => {
    expect(guardIdentifyingText(everything, 'chat')).toEqual({
      refused: ['personal_identity_number'],
      warned: ['phone_number', 'email_address'],
    });
    expect(guardIdentifyingText('Ring mig på 070-123 45 67', 'chat')).toEqual({ refused: [], warned: ['phone_number'] });
  });

  it('has nothing to say about an ordinary text', () => {
    expect(guardIdentifyingText('Vi ses 2026-05-04 kl. 14:00', 'chat')).toEqual({ refused: [], warned: [] });
  });
});

describe('describeIdentifyingKinds', () => {
  it.each([
    [['personal_identity_number'], 'a personal identity number', 'ett personnummer'],
    [['phone_number'], 'a phone number', 'ett telefonnummer'],
    [['email_address'], 'an e-mail address', 'en e-postadress'],
    [['phone_number', 'email_address'], 'a phone number and an e-mail address', 'ett telefonnummer och en e-postadress'],
    [
      ['personal_identity_number', 'phone_number', 'email_address'],
      'a personal identity number, a phone number and an e-mail address',
      'ett personnummer, ett telefonnummer och en e-postadress',
    ],
    [[], '', ''],
  ] as const)('describes %p', (kinds, english, swedish) => {
    expect(describeIdentifyingKinds(kinds, 'en')).toBe(english);
    expect(describeIdentifyingKinds(kinds, 'sv')).toBe(swedish);
  });
});
