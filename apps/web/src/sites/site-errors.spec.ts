import type { ErrorReason } from '@samverkan/contracts';
import { ApiError } from '../api/api-error';
import type { Language } from '../i18n/dictionary';
import { translate } from '../i18n/i18n';
import { isStaleSite, siteErrorText } from './site-errors';

const tIn =
  (language: Language) => (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
    translate(language, key, params);

const conflict = (reason?: ErrorReason, field = 'location') =>
  new ApiError(409, 'Conflict', 'an English sentence', reason ? [{ field, message: 'm', reason }] : []);

describe('siteErrorText', () => {
  it("says the api's refusals of a site change in the user's language, never in the api's English", () => {
    expect(siteErrorText(conflict('zones_out_of_reach'), tIn('sv'), 'sv')).toMatch(/dess zoner skulle hamna/);
    expect(siteErrorText(conflict('zones_under_agreement', 'id'), tIn('en'), 'en')).toBe(
      'The service has zones under an agreement. Withdraw them before deleting the service.',
    );
    expect(siteErrorText(conflict(), tIn('en'), 'en')).toMatch(/^Someone else changed the service/);
    expect(siteErrorText(new ApiError(403, 'Forbidden', 'Police users do not edit'), tIn('sv'), 'sv')).toBe(
      'Du får inte ändra den här verksamheten.',
    );
    const invalid = new ApiError(400, 'Bad Request', 'openingSchedule.windows[0].from: bad', [
      { field: 'openingSchedule.windows[0].from', message: 'bad' },
    ]);
    expect(siteErrorText(invalid, tIn('en'), 'en')).toBe(
      'Samverkan did not accept the field "Opening hours". Check it and try again.',
    );
    const identifying = new ApiError(400, 'Bad Request', 'description: …', [
      { field: 'description', message: '…', reason: 'personal_identity_number' },
    ]);
    expect(siteErrorText(identifying, tIn('sv'), 'sv')).toMatch(/^Texten verkar innehålla ett personnummer/);
    expect(siteErrorText(ApiError.network(new Error('offline')), tIn('en'), 'en')).toMatch(
      /cannot be reached/,
    );
  });

  it('takes only a 409 without a reason code for a stale version', () => {
    expect(isStaleSite(conflict())).toBe(true);
    expect(isStaleSite(conflict('zones_out_of_reach'))).toBe(false);
    expect(isStaleSite(new ApiError(400, 'Bad Request', 'x'))).toBe(false);
  });
});
