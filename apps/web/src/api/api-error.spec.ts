import { translate } from '../i18n/i18n';
import type { Language } from '../i18n/dictionary';
import { ApiError, apiErrorText } from './api-error';

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

  it('gives other refusals as the api worded them', () => {
    const other = new ApiError(400, 'Bad Request', 'title: title must be 1–200 characters (got 0)', [
      { field: 'title', message: 'title must be 1–200 characters (got 0)' },
    ]);
    expect(apiErrorText(other, tIn('sv'), 'sv')).toBe('title: title must be 1–200 characters (got 0)');
  });
});
