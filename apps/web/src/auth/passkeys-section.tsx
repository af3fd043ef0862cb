import type { Passkey } from '@samverkan/contracts';
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import { createPasskey, passkeyErrorText } from './passkey-ceremony';
import { secondFactorApi, type SecondFactorContext } from './second-factor.api';
import { PasswordAndCodeFields, usePasswordAndCodeConfirmation } from './password-and-code-fields';

/**
 * The user's passkeys: the list, adding one (named, then the browser's own dialog) and removing one with the
 * password and a code or another passkey. Adding the first one turns two-step verification on.
 */
export function PasskeysSection({ session, apiFetch }: SecondFactorContext) {
  const { t, language } = useI18n();
  const api = useMemo(() => secondFactorApi(apiFetch), [apiFetch]);
  const [passkeys, setPasskeys] = useState<Passkey[] | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Passkey | null>(null);
  const ids = { title: useId(), name: useId(), hint: useId(), error: useId() };

  const reload = async () => {
    setPasskeys(await api.passkeys());
    session.userChanged(await api.me());
  };

  useEffect(() => {
    api.passkeys().then(setPasskeys, (caught: unknown) => setError(passkeyErrorText(caught, t)));
  }, [api]);

  const add = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (!name.trim()) {
      setError(t('mfa.passkeys.missingName'));
      return;
    }
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const response = await createPasskey(await api.passkeyOptions());
      const added = await api.addPasskey({ name: name.trim(), response });
      setName('');
      setStatus(t('mfa.passkeys.addedStatus', { name: added.name }));
      await reload();
    } catch (caught) {
      setError(passkeyErrorText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="second-factor__passkeys" aria-labelledby={ids.title}>
      <h3 id={ids.title}>{t('mfa.passkeys.title')}</h3>
      <p>{t('mfa.passkeys.intro')}</p>
      <p role="status">{status}</p>
      {passkeys && passkeys.length === 0 && <p>{t('mfa.passkeys.none')}</p>}
      {passkeys && passkeys.length > 0 && (
        <ul class="second-factor__passkey-list" aria-label={t('mfa.passkeys.listLabel')}>
          {passkeys.map((passkey) => (
            <li class="second-factor__passkey" key={passkey.id} data-testid="passkey">
              <span>
                <strong>{passkey.name}</strong>
                <span class="second-factor__passkey-meta">
                  {t('mfa.passkeys.added', { date: formatDate(passkey.createdAt, language) })}
                  {passkey.lastUsedAt &&
                    `, ${t('mfa.passkeys.lastUsed', { date: formatDate(passkey.lastUsedAt, language) })}`}
                </span>
              </span>
              <button
                type="button"
                class="button button--secondary"
                aria-label={t('mfa.passkeys.removeLabel', { name: passkey.name })}
                onClick={() => {
                  setStatus(null);
                  setRemoving(passkey);
                }}
              >
                {t('mfa.passkeys.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {removing && (
        <RemovePasskeyForm
          passkey={removing}
          api={api}
          onDone={async (removed) => {
            setRemoving(null);
            if (!removed) return;
            setStatus(t('mfa.passkeys.removed', { name: removed.name }));
            await reload();
          }}
        />
      )}
      <form onSubmit={add} noValidate aria-describedby={error ? ids.error : undefined}>
        <div role="alert" id={ids.error} class={error ? 'form-error' : 'form-error form-error--empty'}>
          {error}
        </div>
        <div class="field">
          <label for={ids.name}>{t('mfa.passkeys.name')}</label>
          <input
            id={ids.name}
            type="text"
            maxLength={60}
            value={name}
            aria-describedby={ids.hint}
            onInput={(event) => setName(event.currentTarget.value)}
          />
          <p class="field__hint" id={ids.hint}>
            {t('mfa.passkeys.nameHint')}
          </p>
        </div>
        <button type="submit" class="button button--primary" aria-busy={busy} aria-disabled={busy}>
          {busy && <span class="spinner" aria-hidden="true" />}
          {t(busy ? 'mfa.passkeys.adding' : 'mfa.passkeys.add')}
        </button>
      </form>
    </section>
  );
}

/** Removing a passkey: the password, then a code, or a passkey (this one or another) to confirm. */
function RemovePasskeyForm({
  passkey,
  api,
  onDone,
}: {
  passkey: Passkey;
  api: ReturnType<typeof secondFactorApi>;
  onDone: (removed: Passkey | null) => Promise<void>;
}) {
  const { t } = useI18n();
  const { password, setPassword, code, setCode, busy, error, confirm: remove } = usePasswordAndCodeConfirmation(
    api.confirmOptions,
    async (confirmation) => {
      await api.removePasskey(passkey.id, confirmation);
      await onDone(passkey);
    },
  );
  const ids = { title: useId(), error: useId() };

  return (
    <form
      class="second-factor__turn-off"
      onSubmit={(event) => {
        event.preventDefault();
        void remove(false);
      }}
      noValidate
      aria-labelledby={ids.title}
    >
      <h4 id={ids.title}>{t('mfa.passkeys.removeTitle', { name: passkey.name })}</h4>
      <p>{t('mfa.passkeys.removeIntro')}</p>
      <div role="alert" id={ids.error} class={error ? 'form-error' : 'form-error form-error--empty'}>
        {error}
      </div>
      <PasswordAndCodeFields password={password} code={code} onPassword={setPassword} onCode={setCode} />
      <div class="second-factor__actions">
        <button type="submit" class="button button--danger" aria-busy={busy} aria-disabled={busy}>
          {t('mfa.passkeys.removeWithCode')}
        </button>
        <button type="button" class="button button--secondary" onClick={() => void remove(true)}>
          {t('mfa.passkeys.confirmWithPasskey')}
        </button>
        <button type="button" class="link-button" onClick={() => void onDone(null)}>
          {t('mfa.passkeys.cancel')}
        </button>
      </div>
    </form>
  );
}
