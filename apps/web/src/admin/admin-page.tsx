import {
  MAX_NAME_LENGTH,
  MIN_PASSWORD_LENGTH,
  ORGANISATION_KINDS,
  ROLES,
  roleFitsOrganisationKind,
  type Organisation,
  type OrganisationKind,
  type Role,
  type User,
} from '@samverkan/contracts';
import { codePointLength } from '@samverkan/text';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { apiErrorText } from '../api/api-error';
import { weakPasswordMessage } from '../auth/password-refusal';
import { ROLE_LABEL } from '../auth/role-label';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/use-i18n';
import { useStore } from '../state/use-store';
import { AdminStore } from './admin.store';
import { samverkanApiFeature } from '../api/api-feature';
import { useFeature, useSessionBase } from '../session/feature-registry';
import { directoryFeature } from '../people/directory-feature';

const KIND_LABEL: Record<OrganisationKind, MessageKey> = {
  police: 'admin.kind.police',
  service: 'admin.kind.service',
  coordination: 'admin.kind.coordination',
};

/** Organisations and user accounts (administrators only). */
export function AdminPage() {
  const api = useFeature(samverkanApiFeature);
  const directory = useFeature(directoryFeature);
  const { t } = useI18n();
  const [store] = useState(() => new AdminStore(api));
  const state = useStore(store);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    void store.load().catch(() => undefined);
  }, []);

  return (
    <div class="admin">
      <h1 ref={heading} tabIndex={-1}>
        {t('admin.title')}
      </h1>
      {state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {state.status === 'error' && (
        <div class="form-error" role="alert">
          {t('admin.loadFailed')}{' '}
          <button
            type="button"
            class="button button--secondary button--small"
            onClick={() => void store.load().catch(() => undefined)}
          >
            {t('app.retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && (
        <>
          <OrganisationsSection
            organisations={state.organisations}
            onCreate={async (request) => directory.organisationAdded(await store.createOrganisation(request))}
          />
          <UsersSection store={store} users={state.users} organisations={state.organisations} />
        </>
      )}
    </div>
  );
}

function OrganisationsSection({
  organisations,
  onCreate,
}: {
  organisations: readonly Organisation[];
  onCreate: (request: { name: string; kind: OrganisationKind }) => Promise<void>;
}) {
  const { t, language } = useI18n();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganisationKind>('service');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const ids = { name: useId(), kind: useId(), heading: useId() };

  const submit = async (event: Event) => {
    event.preventDefault();
    const length = codePointLength(name);
    if (length < 1 || length > MAX_NAME_LENGTH) {
      setMessage({ error: true, text: t('admin.error.name') });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      await onCreate({ name, kind });
      setMessage({ error: false, text: t('admin.organisationCreated', { name }) });
      setName('');
    } catch (error) {
      setMessage({ error: true, text: apiErrorText(error, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card admin__section" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('admin.organisations')}</h2>
      <ul class="admin-list" data-testid="organisation-list">
        {[...organisations]
          .sort((a, b) => a.name.localeCompare(b.name, language))
          .map((organisation) => (
            <li key={organisation.id} class="admin-list__item">
              <span class="admin-list__name">{organisation.name}</span>
              <span class="admin-list__detail">{t(KIND_LABEL[organisation.kind])}</span>
            </li>
          ))}
      </ul>
      <form class="admin-form" onSubmit={submit} noValidate>
        <h3>{t('admin.newOrganisation')}</h3>
        <div class="field">
          <label for={ids.name}>{t('admin.organisationName')}</label>
          <input
            id={ids.name}
            type="text"
            value={name}
            onInput={(event) => setName(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={ids.kind}>{t('admin.organisationKind')}</label>
          <select
            id={ids.kind}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as OrganisationKind)}
          >
            {ORGANISATION_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(KIND_LABEL[option])}
              </option>
            ))}
          </select>
        </div>
        <FormMessage message={message} />
        <button type="submit" class="button button--primary" aria-busy={busy}>
          {t('admin.createOrganisation')}
        </button>
      </form>
    </section>
  );
}

function UsersSection({
  store,
  users,
  organisations,
}: {
  store: AdminStore;
  users: readonly User[];
  organisations: readonly Organisation[];
}) {
  const { t, language } = useI18n();
  const headingId = useId();
  const organisationName = (id: string) =>
    organisations.find((organisation) => organisation.id === id)?.name ?? '–';
  return (
    <section class="card admin__section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.users')}</h2>
      <ul class="admin-list" data-testid="user-list">
        {[...users]
          .sort((a, b) => a.displayName.localeCompare(b.displayName, language))
          .map((user) => (
            <UserRow
              key={user.id}
              user={user}
              organisationName={organisationName(user.organisationId)}
              store={store}
            />
          ))}
      </ul>
      <NewUserForm store={store} organisations={organisations} />
    </section>
  );
}

function UserRow({
  user,
  organisationName,
  store,
}: {
  user: User;
  organisationName: string;
  store: AdminStore;
}) {
  const { user: me } = useSessionBase();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The box shows the click at once; it goes back if the api refuses the change.
  const [signing, setSigning] = useState<boolean | null>(null);
  const signId = useId();

  const change = async (update: { canSign?: boolean; disabled?: boolean }) => {
    setBusy(true);
    setError(null);
    if (update.canSign !== undefined) setSigning(update.canSign);
    try {
      await store.updateUser(user.id, update);
    } catch (caught) {
      setError(apiErrorText(caught, t));
    } finally {
      setBusy(false);
      setSigning(null);
    }
  };

  const resetSecondFactor = async () => {
    if (!window.confirm(t('admin.mfaResetConfirm', { name: user.displayName }))) return;
    setBusy(true);
    setError(null);
    try {
      await store.resetSecondFactor(user.id);
    } catch (caught) {
      setError(apiErrorText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li
      class={`admin-list__item admin-user${user.disabled ? ' admin-user--disabled' : ''}`}
      data-testid="user-row"
      data-email={user.email}
    >
      <div class="admin-user__who">
        <span class="admin-list__name">{user.displayName}</span>
        <span class="admin-list__detail">{user.email}</span>
        <span class="admin-list__detail">
          {t(ROLE_LABEL[user.role])} · {organisationName}
          {user.disabled && <strong> · {t('admin.disabled')}</strong>}
          {user.mfaEnabled && <> · {t('admin.mfaOn')}</>}
        </span>
      </div>
      <div class="admin-user__actions">
        <div class="checkbox checkbox--compact">
          <input
            id={signId}
            type="checkbox"
            checked={signing ?? user.canSign}
            disabled={busy}
            onChange={(event) => void change({ canSign: event.currentTarget.checked })}
          />
          <label for={signId}>{t('admin.canSign')}</label>
        </div>
        {user.id !== me.id && (
          <button
            type="button"
            class="button button--secondary button--small"
            disabled={busy}
            onClick={() => void change({ disabled: !user.disabled })}
          >
            {t(user.disabled ? 'admin.enable' : 'admin.disable')}
          </button>
        )}
        {user.mfaEnabled && user.id !== me.id && (
          <button
            type="button"
            class="button button--secondary button--small"
            disabled={busy}
            onClick={() => void resetSecondFactor()}
          >
            {t('admin.mfaReset')}
          </button>
        )}
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

function NewUserForm({
  store,
  organisations,
}: {
  store: AdminStore;
  organisations: readonly Organisation[];
}) {
  const { t, language } = useI18n();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('service');
  const [organisationId, setOrganisationId] = useState('');
  const [canSign, setCanSign] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const ids = {
    email: useId(),
    name: useId(),
    password: useId(),
    role: useId(),
    organisation: useId(),
    sign: useId(),
  };
  const allowed = organisations
    .filter((organisation) => roleFitsOrganisationKind(role, organisation.kind))
    .sort((a, b) => a.name.localeCompare(b.name, language));

  const submit = async (event: Event) => {
    event.preventDefault();
    const problem: MessageKey | null = !email.includes('@')
      ? 'admin.error.email'
      : codePointLength(displayName) < 1 || codePointLength(displayName) > MAX_NAME_LENGTH
        ? 'admin.error.name'
        : codePointLength(password) < MIN_PASSWORD_LENGTH
          ? 'admin.error.password'
          : !allowed.some((organisation) => organisation.id === organisationId)
            ? 'admin.error.organisation'
            : null;
    if (problem) {
      setMessage({ error: true, text: t(problem, { min: MIN_PASSWORD_LENGTH }) });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      await store.createUser({ email, displayName, password, role, organisationId, canSign });
      setMessage({ error: false, text: t('admin.userCreated', { name: displayName }) });
      setEmail('');
      setDisplayName('');
      setPassword('');
      setCanSign(false);
    } catch (error) {
      const weakPassword = weakPasswordMessage(error);
      setMessage({ error: true, text: weakPassword ? t(weakPassword) : apiErrorText(error, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="admin-form" onSubmit={submit} noValidate>
      <h3>{t('admin.newUser')}</h3>
      <div class="field">
        <label for={ids.email}>{t('signIn.email')}</label>
        <input
          id={ids.email}
          type="email"
          autoComplete="off"
          value={email}
          onInput={(event) => setEmail(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for={ids.name}>{t('admin.displayName')}</label>
        <input
          id={ids.name}
          type="text"
          value={displayName}
          onInput={(event) => setDisplayName(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for={ids.password}>{t('admin.password')}</label>
        <input
          id={ids.password}
          type="password"
          autoComplete="new-password"
          value={password}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
        <p class="field__hint">{t('admin.passwordHint', { min: MIN_PASSWORD_LENGTH })}</p>
      </div>
      <div class="field">
        <label for={ids.role}>{t('admin.role')}</label>
        <select
          id={ids.role}
          value={role}
          onChange={(event) => {
            setRole(event.currentTarget.value as Role);
            setOrganisationId('');
          }}
        >
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {t(ROLE_LABEL[option])}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={ids.organisation}>{t('admin.organisation')}</label>
        <select
          id={ids.organisation}
          value={organisationId}
          onChange={(event) => setOrganisationId(event.currentTarget.value)}
        >
          <option value="">{t('admin.chooseOrganisation')}</option>
          {allowed.map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {organisation.name}
            </option>
          ))}
        </select>
      </div>
      <div class="checkbox">
        <input
          id={ids.sign}
          type="checkbox"
          checked={canSign}
          onChange={(event) => setCanSign(event.currentTarget.checked)}
        />
        <label for={ids.sign}>{t('admin.canSign')}</label>
      </div>
      <FormMessage message={message} />
      <button type="submit" class="button button--primary" aria-busy={busy}>
        {t('admin.createUser')}
      </button>
    </form>
  );
}

function FormMessage({ message }: { message: { error: boolean; text: string } | null }) {
  return (
    <div
      role={message?.error ? 'alert' : 'status'}
      class={message ? (message.error ? 'form-error' : 'notice') : 'form-error form-error--empty'}
    >
      {message?.text}
    </div>
  );
}
