import type { User } from '@samverkan/contracts';
import { useI18n } from '../i18n/use-i18n';
import { TopBar } from './top-bar';
import { Welcome } from './welcome';

/** The frame every signed-in view lives in: the top bar and the main area (where the map will go). */
export function SignedInShell({ user }: { user: User }) {
  const { t } = useI18n();
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <TopBar user={user} />
      <main id="main" class="shell__main">
        <Welcome user={user} />
      </main>
    </div>
  );
}
