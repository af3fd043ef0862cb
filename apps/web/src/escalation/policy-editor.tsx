import { ROLES, type EscalationPolicy, type EscalationTarget, type Role } from '@samverkan/contracts';
import { useId, useState } from 'preact/hooks';
import { apiErrorText } from '../api/api-error';
import { useI18n } from '../i18n/use-i18n';
import { directoryFeature } from '../people/directory-feature';
import { useFeature } from '../session/feature-registry';
import { useStore } from '../state/use-store';
import { escalationFeature } from './escalation-feature';
import { policyInWords, secondsFromMinutes, targetInWords } from './policy-readback';

interface DraftStep {
  minutes: string;
  targets: EscalationTarget[];
}

const minutesOf = (seconds: number) => String(Math.round((seconds / 60) * 1000) / 1000);

/** The escalation policies: a list, and a form for a new one or the one being edited (coordinators and admins). */
export function PolicyEditor() {
  const escalation = useFeature(escalationFeature);
  const directory = useFeature(directoryFeature);
  const { t, language } = useI18n();
  const state = useStore(escalation);
  useStore(directory);
  const [editing, setEditing] = useState<EscalationPolicy | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const remove = async (policy: EscalationPolicy) => {
    setError(null);
    try {
      await escalation.remove(policy.id);
    } catch (failure) {
      setError(apiErrorText(failure, t, language));
    }
  };

  return (
    <section class="policy-editor" data-testid="policy-editor" aria-labelledby="policy-editor-heading">
      <h3 id="policy-editor-heading">{t('escalation.policies.heading')}</h3>
      {state.policies.length === 0 && <p>{t('escalation.policies.empty')}</p>}
      <ul class="policy-editor__list">
        {state.policies.map((policy) => (
          <li key={policy.id} data-testid="policy">
            <strong>{policy.name}</strong> <span>{policyInWords(policy, t, directory)}</span>{' '}
            <button
              type="button"
              class="button button--secondary button--small"
              onClick={() => setEditing(policy)}
            >
              {t('escalation.policies.editOne')}
            </button>{' '}
            <button
              type="button"
              class="button button--secondary button--small"
              onClick={() => void remove(policy)}
            >
              {t('escalation.policies.delete')}
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {editing ? (
        <PolicyForm
          key={editing === 'new' ? 'new' : `${editing.id}:${editing.version}`}
          policy={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : (
        <button type="button" class="button button--primary button--small" onClick={() => setEditing('new')}>
          {t('escalation.policies.new')}
        </button>
      )}
    </section>
  );
}

function PolicyForm({ policy, onDone }: { policy: EscalationPolicy | null; onDone: () => void }) {
  const escalation = useFeature(escalationFeature);
  const directory = useFeature(directoryFeature);
  const { t, language } = useI18n();
  const ids = { name: useId(), repeat: useId() };
  const [name, setName] = useState(policy?.name ?? '');
  const [repeat, setRepeat] = useState(String(policy?.repeat ?? 0));
  const [steps, setSteps] = useState<DraftStep[]>(
    policy?.steps.map((step) => ({ minutes: minutesOf(step.delaySeconds), targets: step.targets })) ?? [
      { minutes: '5', targets: [] },
    ],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const delays = steps.map((step) => secondsFromMinutes(step.minutes));
  const repeatCount = Number(repeat);
  const valid =
    name.trim() !== '' &&
    delays.every((delay) => delay !== null) &&
    steps.every((step) => step.targets.length > 0) &&
    Number.isInteger(repeatCount) &&
    repeatCount >= 0 &&
    repeatCount <= 5;
  const input = {
    name,
    repeat: repeatCount,
    steps: steps.map((step, index) => ({ delaySeconds: delays[index] ?? 0, targets: step.targets })),
  };
  const change = (index: number, next: Partial<DraftStep>) =>
    setSteps(steps.map((step, i) => (i === index ? { ...step, ...next } : step)));

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      if (policy) await escalation.update(policy, input);
      else await escalation.create(input);
      onDone();
    } catch (failure) {
      setError(t('escalation.editor.failed', { message: apiErrorText(failure, t, language) }));
      setBusy(false);
    }
  };

  return (
    <form
      class="policy-form"
      data-testid="policy-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) void save();
      }}
    >
      <div class="field">
        <label for={ids.name}>{t('escalation.editor.name')}</label>
        <input id={ids.name} value={name} onInput={(event) => setName(event.currentTarget.value)} />
      </div>
      {steps.map((step, index) => (
        <fieldset key={index} class="policy-form__step" data-testid="policy-step">
          <legend>{t('escalation.editor.step', { number: index + 1 })}</legend>
          <StepDelay
            minutes={step.minutes}
            invalid={delays[index] === null}
            onChange={(minutes) => change(index, { minutes })}
          />
          <p>{t('escalation.editor.targets')}</p>
          {step.targets.length === 0 && <p class="field__hint">{t('escalation.editor.noTargets')}</p>}
          <ul class="policy-form__targets">
            {step.targets.map((target, targetIndex) => {
              const words = targetInWords(target, t, directory);
              return (
                <li key={targetIndex}>
                  {words}{' '}
                  <button
                    type="button"
                    class="button button--plain button--small"
                    aria-label={t('escalation.editor.removeTarget', { target: words })}
                    onClick={() =>
                      change(index, { targets: step.targets.filter((_, i) => i !== targetIndex) })
                    }
                  >
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
          <TargetPicker onAdd={(target) => change(index, { targets: [...step.targets, target] })} />
          {steps.length > 1 && (
            <button
              type="button"
              class="button button--secondary button--small"
              onClick={() => setSteps(steps.filter((_, i) => i !== index))}
            >
              {t('escalation.editor.removeStep')}
            </button>
          )}
        </fieldset>
      ))}
      <button
        type="button"
        class="button button--secondary button--small"
        onClick={() => setSteps([...steps, { minutes: '15', targets: [] }])}
      >
        {t('escalation.editor.addStep')}
      </button>
      <div class="field field--inline">
        <label for={ids.repeat}>{t('escalation.editor.repeat')}</label>
        <input
          id={ids.repeat}
          type="number"
          min={0}
          max={5}
          value={repeat}
          onInput={(event) => setRepeat(event.currentTarget.value)}
        />
      </div>
      {valid && (
        <p class="policy-form__readback" data-testid="policy-readback" aria-live="polite">
          {t('escalation.editor.readback')} {policyInWords(input, t, directory)}
        </p>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="policy-form__actions">
        <button type="submit" class="button button--primary" disabled={!valid || busy} aria-busy={busy}>
          {t('escalation.editor.save')}
        </button>
        <button type="button" class="button button--secondary" onClick={onDone}>
          {t('escalation.editor.cancel')}
        </button>
      </div>
    </form>
  );
}

function StepDelay({
  minutes,
  invalid,
  onChange,
}: {
  minutes: string;
  invalid: boolean;
  onChange: (minutes: string) => void;
}) {
  const { t } = useI18n();
  const ids = { delay: useId(), hint: useId() };
  return (
    <div class="field">
      <label for={ids.delay}>{t('escalation.editor.delay')}</label>
      <input
        id={ids.delay}
        inputMode="decimal"
        value={minutes}
        aria-invalid={invalid}
        aria-describedby={ids.hint}
        onInput={(event) => onChange(event.currentTarget.value)}
      />
      <p id={ids.hint} class="field__hint">
        {invalid ? t('escalation.editor.invalidDelay') : t('escalation.editor.delayHint')}
      </p>
    </div>
  );
}

/** Chooses one target: a person, a role (in one organisation or all), or an organisation's signatories. */
function TargetPicker({ onAdd }: { onAdd: (target: EscalationTarget) => void }) {
  const directory = useFeature(directoryFeature);
  const { t } = useI18n();
  const { people, organisations } = useStore(directory);
  const ids = { kind: useId(), person: useId(), role: useId(), organisation: useId() };
  const [kind, setKind] = useState<EscalationTarget['kind']>('signatories');
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<Role>('police');
  const [organisationId, setOrganisationId] = useState('');
  const sortedPeople = [...people.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
  const sortedOrganisations = [...organisations.values()].sort((a, b) => a.name.localeCompare(b.name));

  const target: EscalationTarget | null =
    kind === 'user'
      ? userId
        ? { kind, userId }
        : null
      : kind === 'role'
        ? organisationId
          ? { kind, role, organisationId }
          : { kind, role }
        : organisationId
          ? { kind, organisationId }
          : null;

  return (
    <div class="target-picker" data-testid="target-picker">
      <div class="field field--inline">
        <label for={ids.kind}>{t('escalation.editor.kind')}</label>
        <select
          id={ids.kind}
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value as EscalationTarget['kind'])}
        >
          <option value="signatories">{t('escalation.editor.kind.signatories')}</option>
          <option value="role">{t('escalation.editor.kind.role')}</option>
          <option value="user">{t('escalation.editor.kind.user')}</option>
        </select>
      </div>
      {kind === 'user' && (
        <div class="field field--inline">
          <label for={ids.person}>{t('escalation.editor.person')}</label>
          <select id={ids.person} value={userId} onChange={(event) => setUserId(event.currentTarget.value)}>
            <option value="">–</option>
            {sortedPeople.map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName} ({directory.organisationName(person.organisationId) ?? ''})
              </option>
            ))}
          </select>
        </div>
      )}
      {kind === 'role' && (
        <div class="field field--inline">
          <label for={ids.role}>{t('escalation.editor.role')}</label>
          <select id={ids.role} value={role} onChange={(event) => setRole(event.currentTarget.value as Role)}>
            {ROLES.map((name) => (
              <option key={name} value={name}>
                {t(`role.${name}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {kind !== 'user' && (
        <div class="field field--inline">
          <label for={ids.organisation}>{t('escalation.editor.organisation')}</label>
          <select
            id={ids.organisation}
            value={organisationId}
            onChange={(event) => setOrganisationId(event.currentTarget.value)}
          >
            <option value="">{kind === 'role' ? t('escalation.editor.anyOrganisation') : '–'}</option>
            {sortedOrganisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <button
        type="button"
        class="button button--secondary button--small"
        disabled={!target}
        onClick={() => target && onAdd(target)}
      >
        {t('escalation.editor.addTarget')}
      </button>
    </div>
  );
}
