import { describeIdentifyingKinds, guardIdentifyingText, type IdentityGuardPolicy } from '@samverkan/text';
import { useI18n } from '../i18n/use-i18n';
import './identity-hint.css';

/**
 * The identity guard's answer while the writer types, under any text box whose text becomes a shared record
 * (policy `record`) or a chat message (`chat`): the same rule the api applies, so what it would refuse is said
 * here first, in the user's language. Renders nothing for an ordinary text.
 */
export function IdentityHint({
  text,
  policy = 'record',
  id,
}: {
  text: string;
  policy?: IdentityGuardPolicy;
  id?: string;
}) {
  const { t, language } = useI18n();
  const { refused, warned } = guardIdentifyingText(text, policy);
  if (refused.length > 0) {
    return (
      <p id={id} class="identity-hint identity-hint--refused" role="alert" data-testid="identity-hint">
        {t('identity.refused', { kinds: describeIdentifyingKinds(refused, language) })}
      </p>
    );
  }
  if (warned.length > 0) {
    return (
      <p id={id} class="identity-hint identity-hint--warned" role="status" data-testid="identity-hint">
        {t('identity.warned', { kinds: describeIdentifyingKinds(warned, language) })}
      </p>
    );
  }
  return null;
}

/** Whether the api would refuse the text: a save button waits until the writer has taken it out. */
export function isRefusedAsIdentifying(text: string, policy: IdentityGuardPolicy = 'record'): boolean {
  return guardIdentifyingText(text, policy).refused.length > 0;
}
