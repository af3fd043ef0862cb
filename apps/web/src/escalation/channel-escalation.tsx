import { canManageEscalation, type Channel } from '@samverkan/contracts';
import { useId, useState } from 'preact/hooks';
import { apiErrorText } from '../api/api-error';
import { useI18n } from '../i18n/use-i18n';
import { directoryFeature } from '../people/directory-feature';
import { useFeature, useSessionBase } from '../session/feature-registry';
import { useStore } from '../state/use-store';
import { escalationFeature } from './escalation-feature';
import { PolicyEditor } from './policy-editor';
import { policyInWords } from './policy-readback';

/**
 * The escalation policy a channel follows, read back in words; coordinators and admins choose it here and
 * edit the policies. `onChanged` gets the channel as the api answered it.
 */
export function ChannelEscalation({
  channel,
  onChanged,
}: {
  channel: Channel;
  onChanged?: (channel: Channel) => void;
}) {
  const { user } = useSessionBase();
  const escalation = useFeature(escalationFeature);
  const directory = useFeature(directoryFeature);
  const { t, language } = useI18n();
  const state = useStore(escalation);
  useStore(directory);
  const [chosen, setChosen] = useState<string | null>(channel.escalationPolicyId);
  const [editorOpen, setEditorOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const selectId = useId();
  const manages = canManageEscalation(user);
  const policy = escalation.policy(chosen);
  // A channel:updated from elsewhere wins over what was chosen here.
  const [seen, setSeen] = useState(channel.escalationPolicyId);
  if (seen !== channel.escalationPolicyId) {
    setSeen(channel.escalationPolicyId);
    setChosen(channel.escalationPolicyId);
  }

  // Shown as chosen once the api has it: an urgent message sent right after follows what is shown.
  const choose = async (policyId: string | null) => {
    setError(null);
    setSaving(true);
    try {
      const updated = await escalation.chooseForChannel(channel.id, policyId);
      setChosen(updated.escalationPolicyId);
      onChanged?.(updated);
    } catch (failure) {
      setError(apiErrorText(failure, t, language));
    } finally {
      setSaving(false);
    }
  };

  if (!manages && !policy) return null;
  return (
    <details class="channel-escalation" data-testid="channel-escalation">
      <summary>
        {t('escalation.title')}: {policy ? policy.name : t('escalation.channel.noPolicy')}
      </summary>
      <p data-testid="channel-policy">
        {policy
          ? `${t('escalation.channel.follows', { name: policy.name })} ${policyInWords(policy, t, directory)}`
          : t('escalation.channel.none')}
      </p>
      {manages && (
        <>
          <div class="field field--inline">
            <label for={selectId}>{t('escalation.channel.choose')}</label>
            <select
              id={selectId}
              value={chosen ?? ''}
              disabled={state.status !== 'ready' || saving}
              aria-busy={saving}
              onChange={(event) => void choose(event.currentTarget.value || null)}
            >
              <option value="">{t('escalation.channel.noPolicy')}</option>
              {state.policies.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </select>
          </div>
          {error && (
            <p class="form-error" role="alert">
              {error}
            </p>
          )}
          <button
            type="button"
            class="button button--secondary button--small"
            aria-expanded={editorOpen}
            onClick={() => setEditorOpen(!editorOpen)}
          >
            {t(editorOpen ? 'escalation.policies.close' : 'escalation.policies.edit')}
          </button>
          {editorOpen && <PolicyEditor />}
        </>
      )}
    </details>
  );
}
