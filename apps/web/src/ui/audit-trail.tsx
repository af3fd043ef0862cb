import type { AuditEvent } from '@samverkan/contracts';
import type { MessageKey } from '../i18n/dictionary';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';

const ACTIONS: Record<string, MessageKey> = {
  create: 'audit.action.create',
  update: 'audit.action.update',
  delete: 'audit.action.delete',
  approve: 'audit.action.approve',
  agree: 'audit.action.agree',
  suspend: 'audit.action.suspend',
  'suspension-end': 'suspension.audit.ended',
  withdraw: 'audit.action.withdraw',
  import: 'audit.action.import',
};

/** What the event says beyond its action: the version approved, the reason for a suspension. */
function detailOf(event: AuditEvent): string | null {
  const after = (event.after ?? {}) as Record<string, unknown>;
  if (typeof after.reason === 'string') return after.reason;
  return null;
}

/**
 * The append-only audit events of a site or zone, newest first. `personName` comes from the caller (the people
 * directory is a feature, and ui/ knows none); the caller re-renders this when the names arrive.
 */
export function AuditTrail({
  events,
  personName,
}: {
  events: readonly AuditEvent[];
  personName: (userId: string | null) => string | null;
}) {
  const { t, language } = useI18n();
  if (events.length === 0) return <p>{t('audit.none')}</p>;
  return (
    <ol class="audit-trail" reversed>
      {[...events].reverse().map((event) => {
        const after = (event.after ?? {}) as Record<string, unknown>;
        const version =
          typeof after.version === 'number'
            ? after.version
            : typeof after.agreedVersion === 'number'
              ? after.agreedVersion
              : null;
        const detail = detailOf(event);
        return (
          <li key={event.id} class="audit-trail__event">
            <time dateTime={event.at}>{formatDateTime(event.at, language)}</time>
            <span>
              {ACTIONS[event.action] ? t(ACTIONS[event.action]) : event.action}
              {version !== null && ` (${t('zone.versionShort', { version })})`}
              {' – '}
              {personName(event.actorId) ?? t('audit.system')}
            </span>
            {detail && <q class="audit-trail__detail">{detail}</q>}
          </li>
        );
      })}
    </ol>
  );
}
