import { ZONE_CLAUSES, type Schedule, type ZoneDiff, type ZoneFieldChange, type ZoneTerms } from '@samverkan/contracts';
import { describeSchedule } from '@samverkan/geo';
import { useEffect, useState } from 'preact/hooks';
import { apiErrorText } from '../api/api-error';
import { samverkanApiFeature } from '../api/api-feature';
import type { Language, MessageKey } from '../i18n/dictionary';
import { formatDate, formatDateTime, LOCALES } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import { ZoneDiffMap, ZoneDiffSwatch, type ZoneDiffPart } from '../map/zone-diff-map';
import { useFeature } from '../session/feature-registry';

const FIELD_LABELS: Record<ZoneFieldChange['field'], MessageKey> = {
  name: 'zone.name',
  schedule: 'zone.hours',
  validFrom: 'zoneDiff.field.validFrom',
  validUntil: 'zoneDiff.field.validUntil',
  notes: 'zoneDiff.field.notes',
  terms: 'zoneDiff.field.terms',
  reviewBy: 'zoneDiff.field.reviewBy',
};

const LEGEND: { part: ZoneDiffPart; label: MessageKey }[] = [
  { part: 'unchanged', label: 'zoneDiff.legend.unchanged' },
  { part: 'added', label: 'zoneDiff.legend.added' },
  { part: 'removed', label: 'zoneDiff.legend.removed' },
];

/** A terms value in lines: each clause in the reader's language, then the free text. */
export function termsLines(terms: ZoneTerms, language: Language): string[] {
  const clauses = terms.clauses.map((key) => ZONE_CLAUSES.find((clause) => clause.key === key)?.[language] ?? key);
  return [...clauses, ...(terms.text ? [terms.text] : [])];
}

function valueLines(change: ZoneFieldChange, value: ZoneFieldChange['before'], language: Language, none: string): string[] {
  if (change.field === 'schedule') return describeSchedule(value as Schedule | null, language);
  if (value === null || value === '') return [none];
  if (change.field === 'terms') {
    const lines = termsLines(value as ZoneTerms, language);
    return lines.length ? lines : [none];
  }
  if (change.field === 'validFrom' || change.field === 'validUntil') return [formatDateTime(value as string, language)];
  if (change.field === 'reviewBy') return [formatDate(`${value as string}T12:00:00Z`, language)];
  return [String(value)];
}

/**
 * What changed between two versions of a zone, before anyone signs: the map (added and removed area told apart
 * by hatching and the legend), the schedule's change in words and a table of every other field that changed.
 */
export function ZoneDiffView({ zoneId, from, to, onLoaded }: { zoneId: string; from?: number; to?: number; onLoaded?: (diff: ZoneDiff) => void }) {
  const api = useFeature(samverkanApiFeature);
  const { t, language } = useI18n();
  const [state, setState] = useState<{ status: 'loading' } | { status: 'ready'; diff: ZoneDiff } | { status: 'failed'; text: string }>({ status: 'loading' });

  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    api.zones.diff(zoneId, { from, to }, abort.signal).then(
      (diff) => {
        if (abort.signal.aborted) return;
        setState({ status: 'ready', diff });
        onLoaded?.(diff);
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ status: 'failed', text: apiErrorText(error, t, language) });
      },
    );
    return () => abort.abort();
  }, [zoneId, from, to]);

  if (state.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (state.status === 'failed') return <p class="form-error">{state.text}</p>;
  const { diff } = state;
  const none = t('zoneDiff.none');
  const otherFields = diff.fields.filter((change) => change.field !== 'schedule');
  const scheduleWords = diff.scheduleChange[language];
  const area = (m2: number) => Math.round(m2).toLocaleString(LOCALES[language]);

  return (
    <section class="zone-diff" data-testid="zone-diff" aria-label={t('zoneDiff.title', { from: diff.from, to: diff.to })}>
      <h4 class="subsection-title">{t('zoneDiff.title', { from: diff.from, to: diff.to })}</h4>
      <ZoneDiffMap diff={diff} />
      <ul class="zone-diff__legend" data-testid="zone-diff-legend">
        {LEGEND.map(({ part, label }) => (
          <li key={part} data-part={part}>
            <ZoneDiffSwatch part={part} /> {t(label)}
          </li>
        ))}
      </ul>
      <p data-testid="zone-diff-areas">
        {diff.added || diff.removed
          ? t('zoneDiff.areas', { added: area(diff.addedAreaM2), removed: area(diff.removedAreaM2) })
          : t('zoneDiff.sameArea')}
      </p>
      {scheduleWords.length > 0 && (
        <div data-testid="zone-diff-schedule">
          <strong>{t('zone.hours')}:</strong>
          <ul>
            {scheduleWords.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {otherFields.length > 0 ? (
        <table class="zone-diff__fields" data-testid="zone-diff-fields">
          <thead>
            <tr>
              <th scope="col">{t('zoneDiff.column.field')}</th>
              <th scope="col">{t('zoneDiff.column.before', { version: diff.from })}</th>
              <th scope="col">{t('zoneDiff.column.after', { version: diff.to })}</th>
            </tr>
          </thead>
          <tbody>
            {otherFields.map((change) => (
              <tr key={change.field} data-field={change.field}>
                <th scope="row">{t(FIELD_LABELS[change.field])}</th>
                {[change.before, change.after].map((value, index) => (
                  <td key={index}>
                    {valueLines(change, value, language, none).map((line) => (
                      <span key={line} class="block">
                        {line}
                      </span>
                    ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        scheduleWords.length === 0 && <p>{t('zoneDiff.noFieldChanges')}</p>
      )}
    </section>
  );
}
