import { ROLE_DESCRIPTION, ROLE_LABEL, signingMessage } from '../auth/role-label';
import { useI18n } from '../i18n/use-i18n';
import { useAppBase, useFeature, useSessionBase } from '../session/feature-registry';
import { panelFeature } from '../state/panel-feature';
import { WELCOME_SEEN_KEY } from '../state/panel.store';
import { PanelFrame } from '../ui/panel-frame';

/** What Samverkan is for, and what this user can do in it: shown in the panel until the user closes it once. */
export function WelcomePanel() {
  const { storage } = useAppBase();
  const { user } = useSessionBase();
  const panel = useFeature(panelFeature);
  const { t } = useI18n();
  const close = () => {
    storage.set(WELCOME_SEEN_KEY, '1');
    panel.close();
  };

  return (
    // Escape is one more way to close it, and closing it is remembered (the map screen's Escape would not).
    <div
      class="welcome-frame"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        close();
      }}
    >
      <PanelFrame
        title={t('welcome.title', { name: user.displayName })}
        onClose={close}
        testId="welcome"
        footer={
          <button type="button" class="button button--primary button--block" onClick={close}>
            {t('welcome.start')}
          </button>
        }
      >
        <div class="welcome">
          <p class="welcome__purpose">{t('welcome.purpose')}</p>
          <p>{t('welcome.together')}</p>

          <section aria-labelledby="welcome-role">
            <h3 id="welcome-role">{t('welcome.role.heading', { role: t(ROLE_LABEL[user.role]) })}</h3>
            <p>{t(ROLE_DESCRIPTION[user.role])}</p>
          </section>

          <section aria-labelledby="welcome-sign">
            <h3 id="welcome-sign">{t('welcome.sign.heading')}</h3>
            <p data-testid="can-sign" data-can-sign={String(user.canSign)}>
              {t(signingMessage(user.role, user.canSign))} {t('welcome.sign.rule')}
            </p>
          </section>

          <section aria-labelledby="welcome-map">
            <h3 id="welcome-map">{t('welcome.map.heading')}</h3>
            <p>{t('welcome.map.body')}</p>
          </section>

          <section aria-labelledby="welcome-privacy" class="welcome__privacy">
            <h3 id="welcome-privacy">{t('welcome.privacy.heading')}</h3>
            <p>{t('welcome.privacy.body')}</p>
          </section>
        </div>
      </PanelFrame>
    </div>
  );
}
