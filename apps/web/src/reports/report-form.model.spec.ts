import { REPORT_LIMITS } from '@samverkan/contracts';
import type { MessageKey } from '../i18n/dictionary';
import { translate, type MessageParams } from '../i18n/i18n';
import { apiErrorOf } from './fake-api-fetch';
import {
  newReportDraft,
  occurredAtBounds,
  serverProblemsOf,
  toCreateReportRequest,
  validateReportDraft,
  type ReportDraft,
} from './report-form.model';

// 2026-03-10 13:00 in Stockholm (UTC+1).
const NOW = new Date('2026-03-10T12:00:00Z');

const valid = (change: Partial<ReportDraft> = {}): ReportDraft => ({
  ...newReportDraft({ siteId: 'site-1' }, NOW),
  category: 'enforcement_near_site',
  body: 'Two patrols stood by the entrance for an hour during opening hours.',
  ...change,
});

describe('the field report form', () => {
  it('starts at the current Stockholm time with the place it was opened from', () => {
    expect(newReportDraft({ zoneId: 'zone-1' }, NOW)).toEqual({
      category: null,
      siteId: null,
      zoneId: 'zone-1',
      occurredAtLocal: '2026-03-10T13:00',
      body: '',
    });
  });

  it('accepts a complete report and builds the request with the text exactly as written', () => {
    const draft = valid({ body: '  Needles found by the bench, 2 kits handed out.  ' });
    expect(validateReportDraft(draft, NOW, 'en')).toEqual([]);
    expect(toCreateReportRequest(draft)).toEqual({
      category: 'enforcement_near_site',
      siteId: 'site-1',
      zoneId: null,
      occurredAt: '2026-03-10T13:00:00+01:00',
      body: '  Needles found by the bench, 2 kits handed out.  ',
    });
  });

  it('asks for the category, the time and the text', () => {
    const problems = validateReportDraft({ ...newReportDraft({}, NOW), occurredAtLocal: '' }, NOW, 'en');
    expect(problems.map((problem) => [problem.field, problem.message])).toEqual([
      ['category', 'reports.form.error.category'],
      ['occurredAt', 'reports.form.error.occurredAtMissing'],
      ['body', 'reports.form.error.bodyMissing'],
    ]);
  });

  it('refuses a time in the future and one older than 90 days, and allows a phone clock a little ahead', () => {
    expect(validateReportDraft(valid({ occurredAtLocal: '2026-03-10T13:10' }), NOW, 'en')).toEqual([
      { field: 'occurredAt', message: 'reports.form.error.occurredAtFuture' },
    ]);
    expect(validateReportDraft(valid({ occurredAtLocal: '2025-12-01T12:00' }), NOW, 'en')).toEqual([
      { field: 'occurredAt', message: 'reports.form.error.occurredAtOld', params: { days: 90 } },
    ]);
    expect(validateReportDraft(valid({ occurredAtLocal: '2026-03-10T13:01' }), NOW, 'en')).toEqual([]);
    expect(occurredAtBounds(NOW)).toEqual({ min: '2025-12-10T13:01', max: '2026-03-10T13:00' });
  });

  it('counts the length in code points', () => {
    const emoji = '🚑'.repeat(REPORT_LIMITS.maxBody);
    expect(validateReportDraft(valid({ body: emoji }), NOW, 'en')).toEqual([]);
    expect(validateReportDraft(valid({ body: `${emoji}x` }), NOW, 'en')).toEqual([
      { field: 'body', message: 'reports.form.error.bodyTooLong', params: { max: 2000, length: 2001 } },
    ]);
    expect(validateReportDraft(valid({ body: 'a\u0000b' }), NOW, 'en')[0].message).toBe(
      'reports.form.error.bodyCharacters',
    );
  });

  it("runs the identity guard and names what it found in the writer's language, never the text itself", () => {
    // 811218-9876 is one of the Swedish tax agency's published test personal identity numbers.
    const body = 'Man 811218-9876 called from 070-123 45 67 and wrote to kim@example.se';
    const [swedish] = validateReportDraft(valid({ body }), NOW, 'sv');
    expect(swedish).toEqual({
      field: 'body',
      message: 'reports.form.error.identifying',
      params: { kinds: 'ett personnummer, ett telefonnummer och en e-postadress' },
    });
    const [english] = validateReportDraft(valid({ body: 'Call 070-123 45 67' }), NOW, 'en');
    expect(english.params).toEqual({ kinds: 'a phone number' });
    expect(JSON.stringify(swedish)).not.toContain('9876');
  });

  it('lets ordinary numbers through: dates, street numbers and counts', () => {
    const body = 'On 2026-03-09 at Bergsgatan 12, 2 kits were handed out; 3 patrols passed.';
    expect(validateReportDraft(valid({ body }), NOW, 'en')).toEqual([]);
  });

  it("places the api's refusals on the fields they name, in the user's language", () => {
    const error = apiErrorOf(400, 'body must not identify a person', [
      {
        field: 'body',
        message: 'must not identify a person: it seems to hold a phone number; leave it out',
        reason: 'phone_number',
      },
      { field: 'zoneId', message: 'names no zone', reason: 'unknown_reference' },
    ]);
    const t = (key: MessageKey, params?: MessageParams) => translate('sv', key, params);
    expect(serverProblemsOf(error, t)).toEqual([
      {
        field: 'body',
        message:
          'Text: Det verkar innehålla ett telefonnummer. Ta bort det – inget som sparas här får kunna identifiera en person.',
      },
      {
        field: 'place',
        message:
          'Pekar på något som inte längre finns eller som du inte kan se. Ladda om sidan och försök igen.',
      },
    ]);
    expect(serverProblemsOf(apiErrorOf(400, 'Something else'), t)).toEqual([
      {
        field: null,
        message: 'Samverkan kunde inte ta emot det här. Kontrollera uppgifterna och försök igen.',
      },
    ]);
  });
});
