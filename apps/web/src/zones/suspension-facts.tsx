import type { ZoneSuspension } from '@samverkan/contracts';
import { useI18n } from '../i18n/use-i18n';
import { whenText } from './zone-timing-text';

/** Who suspended a zone, since when, why, and until when: the same words in the zone's panel and the check. */
export function SuspensionFacts({ suspension }: { suspension: ZoneSuspension }) {
  const { t, language } = useI18n();
  const now = new Date();
  return (
    <div class="suspension-facts" data-testid="suspension-facts">
      <p class="suspension-facts__by">
        {t('suspension.by', {
          organisation: suspension.byOrganisationName,
          since: whenText(suspension.since, now, language, t),
        })}
      </p>
      <p class="suspension-facts__reason">
        {t('zone.reason')} <q>{suspension.reason}</q>
      </p>
      <p class="suspension-facts__until">
        {suspension.until
          ? t('suspension.until', { when: whenText(suspension.until, now, language, t) })
          : t('suspension.untilApproved')}
      </p>
    </div>
  );
}
