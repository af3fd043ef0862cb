import type { User } from '@samverkan/contracts';
import { useEffect, useRef } from 'preact/hooks';
import { ROLE_DESCRIPTION, ROLE_LABEL, signingMessage } from '../auth/role-label';
import { useI18n } from '../i18n/use-i18n';

/** What Samverkan is for, and what this user can do in it. */
export function Welcome({ user }: { user: User }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  // After signing in, move focus from the vanished form to the page's heading, so screen readers start here.
  useEffect(() => heading.current?.focus(), []);

  return (
    <article class="card welcome">
      <h1 ref={heading} tabIndex={-1}>
        {t('welcome.title', { name: user.displayName })}
      </h1>
      <p class="welcome__purpose">{t('welcome.purpose')}</p>
      <p>{t('welcome.together')}</p>

      <section aria-labelledby="welcome-role">
        <h2 id="welcome-role">{t('welcome.role.heading', { role: t(ROLE_LABEL[user.role]) })}</h2>
        <p>{t(ROLE_DESCRIPTION[user.role])}</p>
      </section>

      <section aria-labelledby="welcome-sign">
        <h2 id="welcome-sign">{t('welcome.sign.heading')}</h2>
        <p data-testid="can-sign" data-can-sign={String(user.canSign)}>
          {t(signingMessage(user.role, user.canSign))} {t('welcome.sign.rule')}
        </p>
      </section>

      <section aria-labelledby="welcome-privacy" class="welcome__privacy">
        <h2 id="welcome-privacy">{t('welcome.privacy.heading')}</h2>
        <p>{t('welcome.privacy.body')}</p>
      </section>
    </article>
  );
}
