import { useEffect } from 'preact/hooks';
import { RequiredSetupPage } from '../auth/required-setup-page';
import { SecondStepPage } from '../auth/second-step-page';
import { SignInPage } from '../auth/sign-in-page';
import { useI18n } from '../i18n/use-i18n';
import { useAppBase } from '../session/feature-registry';
import { useStore } from '../state/use-store';
import { SignedInShell } from './signed-in-shell';
import { UnreachablePage } from './unreachable-page';
import { UpdateBanner } from './update-banner';

/** The page for the session's state, and the banner offering a new version of the app. */
export function App() {
  return (
    <>
      <UpdateBanner />
      <SessionPage />
    </>
  );
}

/** Chooses between the sign-in page and the signed-in shell from the session. */
function SessionPage() {
  const { session, apiFetch } = useAppBase();
  const state = useStore(session);
  const { language, t } = useI18n();

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    document.title = state.status === 'signed-in' ? t('app.name') : `${t('signIn.title')} – ${t('app.name')}`;
  }, [state.status, language]);

  switch (state.status) {
    case 'restoring':
      return (
        <div class="centered" role="status">
          <span class="spinner spinner--dark" aria-hidden="true" />
          {t('app.restoring')}
        </div>
      );
    case 'unreachable':
      return <UnreachablePage />;
    case 'signed-out':
      return <SignInPage reason={state.reason} />;
    case 'second-step':
      return <SecondStepPage session={session} />;
    case 'signed-in':
      // A role that requires a second factor can do nothing else until it has one.
      if (state.user.mfaRequired && !state.user.mfaEnabled)
        return <RequiredSetupPage session={session} apiFetch={apiFetch} />;
      return <SignedInShell key={state.user.id} user={state.user} />;
  }
}
