import { ERROR_REASONS, type ErrorReason } from '@samverkan/contracts';
import { translate } from '../i18n/i18n';
import { dictionary, LANGUAGES, type Language } from '../i18n/dictionary';
import { ApiError, apiErrorText, REASON_TEXTS, refusalTexts, socketFailureText } from './api-error';
import { SocketRequestError } from './socket-client';

const tIn =
  (language: Language) => (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
    translate(language, key, params);

describe('apiErrorText', () => {
  const refusal = new ApiError(
    400,
    'Bad Request',
    'minutes: must not identify a person: it seems to hold a phone number; leave it out',
    [
      {
        field: 'minutes',
        message: 'must not identify a person: it seems to hold a phone number; leave it out',
        reason: 'phone_number',
      },
    ],
  );

  it("puts the identity guard's refusal in the user's language, from its reason code", () => {
    expect(apiErrorText(refusal, tIn('sv'), 'sv')).toBe(
      'Texten verkar innehålla ett telefonnummer. Ta bort det – inget som sparas här får kunna identifiera en person.',
    );
    expect(apiErrorText(refusal, tIn('en'), 'en')).toBe(
      'The text seems to hold a phone number. Take it out – nothing kept here may identify a person.',
    );
  });

  it("puts other refusals in the user's language from their field and reason, never the api's English", () => {
    const other = new ApiError(400, 'Bad Request', 'title: title must be 1–200 characters (got 0)', [
      { field: 'title', message: 'title must be 1–200 characters (got 0)', reason: 'text_length' },
    ]);
    expect(apiErrorText(other, tIn('sv'), 'sv')).toBe('Rubrik: Är för kort eller för lång.');
    expect(apiErrorText(other, tIn('en'), 'en')).toBe('Title: Is too short or too long.');
  });
});

describe('every reason the api sends has a text in each language', () => {
  const serverEnglish = 'label: the server says this in English';

  it.each(LANGUAGES.flatMap((language) => ERROR_REASONS.map((reason) => [language, reason] as const)))(
    '%s: %s',
    (language, reason) => {
      const key = REASON_TEXTS[reason];
      expect(dictionary[language][key]?.trim()).toBeTruthy();
      // Field and reason codes only; a detail without a field the app names gives the reason alone.
      const refused = new ApiError(400, 'Bad Request', serverEnglish, [
        { field: 'somethingElse', message: serverEnglish, reason },
      ]);
      const text = apiErrorText(refused, tIn(language));
      expect(text).toBe(translate(language, key));
      expect(text).not.toContain('server says');
    },
  );

  it('gives Swedish and English different texts for each reason, so none was left untranslated', () => {
    const same = ERROR_REASONS.filter((reason) => {
      const key = REASON_TEXTS[reason];
      return dictionary.sv[key] === dictionary.en[key];
    });
    expect(same).toEqual([]);
  });
});

describe("the fallbacks, in the user's language", () => {
  const english = 'Only a signatory of a service publishes the guide';

  it.each<[number, string]>([
    [401, 'Du är inte inloggad längre. Logga in igen.'],
    [403, 'Du får inte göra det här.'],
    [404, 'Det finns inte längre, eller så får du inte se det. Ladda om sidan.'],
    [409, 'Det går inte som det ser ut nu – någon kan ha ändrat det samtidigt. Ladda om och försök igen.'],
    [413, 'Det du skickade är för stort.'],
    [429, 'För många försök. Vänta en minut och försök igen.'],
    [400, 'Samverkan kunde inte ta emot det här. Kontrollera uppgifterna och försök igen.'],
    [415, 'Samverkan kunde inte ta emot det här. Kontrollera uppgifterna och försök igen.'],
    [500, 'Samverkan fungerar inte just nu. Försök igen om en stund.'],
    [503, 'Samverkan fungerar inte just nu. Försök igen om en stund.'],
  ])('%d', (status, text) => {
    expect(apiErrorText(new ApiError(status, 'Error', english), tIn('sv'), 'sv')).toBe(text);
  });

  it('reads a reason this app does not know yet as "not valid", with the field it names', () => {
    const future = new ApiError(400, 'Bad Request', english, [
      { field: 'label', message: english, reason: 'a_future_reason' as ErrorReason },
    ]);
    expect(apiErrorText(future, tIn('sv'), 'sv')).toBe(
      'Enhet eller fordon: Är inte giltig. Kontrollera och försök igen.',
    );
  });

  it('names the refused part of a nested field by its first segment', () => {
    const refused = new ApiError(400, 'Bad Request', english, [
      { field: 'geometry.coordinates[0][1]', message: english, reason: 'out_of_range' },
    ]);
    expect(apiErrorText(refused, tIn('en'), 'en')).toBe('Area: Is outside what is allowed.');
  });

  it('lists every refusal once', () => {
    const refused = new ApiError(400, 'Bad Request', english, [
      { field: 'geometry', message: english, reason: 'too_far_from_site' },
      { field: 'geometry', message: english, reason: 'too_far_from_site' },
      { field: 'validUntil', message: english, reason: 'ends_before_start' },
    ]);
    expect(refusalTexts(refused, tIn('en'))).toEqual([
      'Area: Every part of the zone must lie within 2 km of its site.',
      'Valid until: The end must come after the start.',
    ]);
  });

  it('puts socket refusals in words by their reason or code', () => {
    const identity = new SocketRequestError('bad_request', english, 'body', 'personal_identity_number');
    expect(apiErrorText(identity, tIn('en'), 'en')).toBe(
      'Text: It seems to hold a personal identity number. Take it out – nothing kept here may identify a person.',
    );
    expect(apiErrorText(new SocketRequestError('forbidden', english), tIn('sv'), 'sv')).toBe(
      'Du får inte göra det här.',
    );
    expect(apiErrorText(new SocketRequestError('internal', english), tIn('en'), 'en')).toBe(
      'Samverkan is not working right now. Try again in a moment.',
    );
    expect(socketFailureText('text_length', tIn('sv'))).toBe('Är för kort eller för lång.');
    expect(socketFailureText('rate_limited', tIn('en'))).toBe(
      'Too many attempts, wait a minute and try again.',
    );
    expect(socketFailureText('Some old English message', tIn('en'))).toBe(
      'Samverkan is not working right now. Try again in a moment.',
    );
  });
});
