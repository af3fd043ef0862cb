import type { EscalationPolicy, EscalationTarget } from '@samverkan/contracts';
import type { Translate } from '../i18n/i18n';

/** Names for the ids a policy holds (people and organisations), null when unknown. */
export interface PolicyNames {
  personName(userId: string): string | null;
  organisationName(organisationId: string): string | null;
}

export function delayInWords(delaySeconds: number, t: Translate): string {
  return delaySeconds % 60 === 0
    ? t('escalation.readback.minutes', { count: delaySeconds / 60 })
    : t('escalation.readback.seconds', { count: delaySeconds });
}

export function targetInWords(target: EscalationTarget, t: Translate, names: PolicyNames): string {
  const unknown = t('escalation.target.unknown');
  switch (target.kind) {
    case 'user':
      return names.personName(target.userId) ?? unknown;
    case 'role': {
      const role = t(`role.${target.role}`).toLowerCase();
      return target.organisationId
        ? t('escalation.target.roleIn', {
            role,
            organisation: names.organisationName(target.organisationId) ?? unknown,
          })
        : t('escalation.target.role', { role });
    }
    case 'signatories':
      return t('escalation.target.signatories', {
        organisation: names.organisationName(target.organisationId) ?? unknown,
      });
  }
}

/** The policy read back as one sentence: "After 5 min: …; after 15 min: …; then the steps once more." */
export function policyInWords(
  policy: Pick<EscalationPolicy, 'steps' | 'repeat'>,
  t: Translate,
  names: PolicyNames,
): string {
  const parts = policy.steps.map((step) =>
    t('escalation.readback.step', {
      delay: delayInWords(step.delaySeconds, t),
      targets: step.targets
        .map((target) => targetInWords(target, t, names))
        .join(t('escalation.readback.and')),
    }),
  );
  if (policy.repeat === 1) parts.push(t('escalation.readback.repeatOne'));
  if (policy.repeat > 1) parts.push(t('escalation.readback.repeatMany', { count: policy.repeat }));
  const sentence = parts.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/** Minutes as typed (a comma or a point for decimals) to whole seconds; null when not 1 s – 1 day. */
export function secondsFromMinutes(typed: string): number | null {
  const minutes = Number(typed.trim().replace(',', '.'));
  if (!Number.isFinite(minutes) || typed.trim() === '') return null;
  const seconds = Math.round(minutes * 60);
  return seconds >= 1 && seconds <= 86_400 ? seconds : null;
}
