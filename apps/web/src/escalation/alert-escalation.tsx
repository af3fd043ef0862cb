import type { Message } from '@samverkan/contracts';
import { useEffect } from 'preact/hooks';
import { formatTime } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import { directoryFeature } from '../people/directory-feature';
import { useFeature } from '../session/feature-registry';
import { useStore } from '../state/use-store';
import { escalationFeature } from './escalation-feature';
import { targetInWords } from './policy-readback';

/**
 * An urgent message's escalation, live: who was told when, who acknowledged, and what comes next.
 */
export function AlertEscalation({ message }: { message: Message }) {
  const escalation = useFeature(escalationFeature);
  const directory = useFeature(directoryFeature);
  const { t, language } = useI18n();
  useStore(escalation);
  useStore(directory);
  useEffect(() => escalation.watch(message.id), [message.id]);
  const status = escalation.status(message.id);
  if (!status || (status.of === 0 && status.steps.length === 0)) return null;
  const nameOf = (userId: string) => directory.personName(userId) ?? t('escalation.target.unknown');
  const next = status.nextTargets;
  return (
    <div class="alert-escalation" data-testid="alert-escalation" data-state={status.state} aria-live="polite">
      <p class="alert-escalation__state">{t(`escalation.alert.state.${status.state}`)}</p>
      <ol class="alert-escalation__steps">
        {status.steps.map((step) => (
          <li key={step.step} data-testid="escalation-step">
            {t('escalation.alert.told', {
              step: step.step,
              of: status.of,
              time: formatTime(step.at, language),
              people: step.userIds.length
                ? step.userIds.map(nameOf).join(', ')
                : t('escalation.alert.toldNobody'),
            })}
          </li>
        ))}
      </ol>
      {status.acknowledgedBy
        .filter((ack) => ack.userId !== message.authorId)
        .map((ack) => (
          <p key={ack.userId} data-testid="escalation-ack">
            {t('escalation.alert.ackedBy', {
              person: nameOf(ack.userId),
              time: formatTime(ack.at, language),
            })}
          </p>
        ))}
      {status.nextAt && (
        <p data-testid="escalation-next">
          {t('escalation.alert.next', {
            step: status.step + 1,
            of: status.of,
            time: formatTime(status.nextAt, language),
            targets: next
              ? next.map((target) => targetInWords(target, t, directory)).join(t('escalation.readback.and'))
              : '…',
          })}
        </p>
      )}
    </div>
  );
}
