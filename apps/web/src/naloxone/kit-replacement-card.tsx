import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import { useStore } from '../state/use-store';
import type { KitReplacementsStore } from './kit-replacements.store';
import { NearestNaloxone } from './nearest-naloxone';
import './naloxone.css';

/**
 * "Get a new kit": after an officer used a kit, where to get a new one (the nearest naloxone points, with
 * directions and phone numbers) until they register it. Nothing about the person helped is shown or kept.
 */
export function KitReplacementCard({
  store,
  showNearest,
  onRegister,
}: {
  store: KitReplacementsStore;
  /** False where the nearest list is already on the screen. */
  showNearest: boolean;
  onRegister: () => void;
}) {
  const { t, language } = useI18n();
  const { pending } = useStore(store);
  if (pending.length === 0) return null;
  const [first] = pending;

  return (
    <section class="card kit-replacement" aria-labelledby="kit-replacement-title" data-testid="kit-replacement">
      <h2 id="kit-replacement-title">{t('naloxone.replacement.title')}</h2>
      <p>
        {pending.length === 1
          ? t('naloxone.replacement.one', { label: first.label, date: formatDateTime(first.usedAt, language) })
          : t('naloxone.replacement.many', {
              count: pending.length,
              labels: pending.map((kit) => kit.label).join(', '),
            })}
      </p>
      <p>{t('naloxone.replacement.whom')}</p>
      {showNearest && <NearestNaloxone limit={3} />}
      <p class="muted">{t('naloxone.replacement.stays')}</p>
      <button type="button" class="button button--primary" onClick={onRegister}>
        {t('naloxone.replacement.register')}
      </button>
    </section>
  );
}
