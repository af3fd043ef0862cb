import { GUIDE_LANGS, GUIDE_LIMITS, type GuideLang, type User } from '@samverkan/contracts';
import { codePointLength } from '@samverkan/text';
import { useEffect, useId, useState } from 'preact/hooks';
import { apiErrorText } from '../api/api-error';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import { useFeature } from '../session/feature-registry';
import { useStore } from '../state/use-store';
import { GuideEditorStore, type GuideEditorOutcome } from './guide-editor.store';
import { GuideContent } from './guide-content';
import { guideLangOf } from './guide-lang';
import { canPublishGuide, naloxoneFeature } from './naloxone-feature';
import './naloxone.css';

const LANGUAGE_NAME = { sv: 'naloxone.guide.language.sv', en: 'naloxone.guide.language.en' } as const;

function OutcomeMessage({ outcome }: { outcome: GuideEditorOutcome | null }) {
  const { t, language } = useI18n();
  if (!outcome) return <div role="status" class="visually-hidden" />;
  switch (outcome.kind) {
    case 'saved':
      return (
        <p role="status" class="notice">
          {t('naloxone.editor.saved', { version: outcome.version })}
        </p>
      );
    case 'published':
      return (
        <p role="status" class="notice">
          {t('naloxone.editor.publishedNow', { version: outcome.version })}
        </p>
      );
    case 'conflict':
      return (
        <p role="alert" class="form-error">
          {t('naloxone.editor.conflict')}
        </p>
      );
    case 'invalid':
      return (
        <p role="alert" class="form-error">
          {t('naloxone.editor.invalid', { message: apiErrorText(outcome.error, t, language) })}
        </p>
      );
    case 'forbidden':
      return (
        <p role="alert" class="form-error">
          {t('naloxone.editor.forbidden')}
        </p>
      );
    case 'failed':
      return (
        <p role="alert" class="form-error">
          {t(
            outcome.failure === 'network' ? 'naloxone.editor.failedNetwork' : 'naloxone.editor.failedServer',
          )}
        </p>
      );
  }
}

/**
 * Writing and publishing the guide (service staff and coordinators write; a service signatory publishes).
 * Every save is a new version; the preview is the api's own sanitised rendering, as officers will see it.
 */
export function GuideEditor({ user }: { user: User }) {
  const { api } = useFeature(naloxoneFeature);
  const { t, language } = useI18n();
  const id = useId();
  const [store] = useState(() => new GuideEditorStore(api, guideLangOf(language)));
  const state = useStore(store);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [loadedVersion, setLoadedVersion] = useState<number | null>(null);
  const mayPublish = canPublishGuide(user);

  useEffect(() => void store.load(), [store]);
  // The form follows the newest version when it loads, but never overwrites what the writer typed after a conflict.
  useEffect(() => {
    if (state.status !== 'ready') return;
    const version = state.latest?.version ?? 0;
    if (loadedVersion === version || state.outcome?.kind === 'conflict') return;
    setTitle(state.latest?.title ?? '');
    setBody(state.latest?.body ?? '');
    setLoadedVersion(version);
  }, [state.status, state.latest?.version, state.lang]);

  const changeLanguage = (lang: GuideLang) => {
    setLoadedVersion(null);
    void store.load(lang);
  };
  const reloadLatest = () => {
    setLoadedVersion(null);
    void store.load();
  };
  const unchanged = state.latest !== null && title === state.latest.title && body === state.latest.body;
  const published = store.publishedVersion;
  const bodyLength = codePointLength(body);

  return (
    <section class="guide-editor" aria-labelledby={`${id}-title`} data-testid="guide-editor">
      <h2 id={`${id}-title`}>{t('naloxone.editor.title')}</h2>
      <p class="muted">{t('naloxone.editor.intro')}</p>
      <div class="field">
        <label for={`${id}-lang`}>{t('naloxone.editor.language')}</label>
        <select
          id={`${id}-lang`}
          value={state.lang}
          onChange={(event) => changeLanguage(event.currentTarget.value as GuideLang)}
        >
          {GUIDE_LANGS.map((lang) => (
            <option key={lang} value={lang}>
              {t(LANGUAGE_NAME[lang])}
            </option>
          ))}
        </select>
      </div>
      {state.status === 'loading' && <p class="muted">{t('naloxone.guide.loading')}</p>}
      {state.status === 'ready' && (
        <p class="guide-editor__base">
          {state.latest
            ? t('naloxone.editor.basedOn', { version: state.latest.version })
            : t('naloxone.editor.first')}{' '}
          {published !== null
            ? t('naloxone.editor.publishedVersion', { version: published })
            : t('naloxone.editor.notPublished')}
        </p>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void store.save({ title, body });
        }}
        noValidate
      >
        <div class="field">
          <label for={`${id}-guide-title`}>{t('naloxone.editor.guideTitle')}</label>
          <input
            id={`${id}-guide-title`}
            type="text"
            value={title}
            maxLength={GUIDE_LIMITS.maxTitle}
            onInput={(event) => setTitle(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={`${id}-body`}>{t('naloxone.editor.body')}</label>
          <p class="field-hint" id={`${id}-body-hint`}>
            {t('naloxone.editor.bodyHint')}
          </p>
          <textarea
            id={`${id}-body`}
            class="guide-editor__body"
            rows={16}
            value={body}
            aria-describedby={`${id}-body-hint ${id}-body-count`}
            onInput={(event) => setBody(event.currentTarget.value)}
          />
          <p
            class={`char-count${bodyLength > GUIDE_LIMITS.maxBody ? ' char-count--over' : ''}`}
            id={`${id}-body-count`}
          >
            {t('reports.form.count', { length: bodyLength, max: GUIDE_LIMITS.maxBody })}
          </p>
        </div>
        <OutcomeMessage outcome={state.outcome} />
        {state.outcome?.kind === 'conflict' && (
          <button type="button" class="button button--secondary" onClick={reloadLatest}>
            {t('naloxone.editor.loadLatest')}
          </button>
        )}
        <div class="form-actions">
          <button
            type="submit"
            class="button button--primary"
            disabled={state.status !== 'ready' || unchanged || title === '' || body === ''}
            aria-busy={state.busy === 'saving'}
          >
            {t('naloxone.editor.save')}
          </button>
        </div>
      </form>

      {state.versions.length > 0 && (
        <section class="guide-versions" aria-labelledby={`${id}-versions`}>
          <h3 id={`${id}-versions`}>{t('naloxone.editor.versions')}</h3>
          <ul class="guide-version-list">
            {state.versions.map((version) => (
              <li key={version.version} class="guide-version" data-testid="guide-version">
                <div class="guide-version__text">
                  <span class="guide-version__number">
                    {t('naloxone.editor.version', { version: version.version })}
                  </span>
                  {version.published && (
                    <span class="kit-mark kit-mark--ok">{t('naloxone.editor.isPublished')}</span>
                  )}
                  <span class="muted guide-version__meta">
                    {version.title} · {formatDateTime(version.createdAt, language)}
                  </span>
                </div>
                <div class="guide-version__actions">
                  <button
                    type="button"
                    class="button button--secondary button--small"
                    onClick={() => void store.showPreview(version.version)}
                  >
                    {t('naloxone.editor.preview')}
                  </button>
                  {mayPublish && !version.published && (
                    <button
                      type="button"
                      class="button button--primary button--small"
                      disabled={state.busy !== null}
                      aria-busy={state.busy === 'publishing'}
                      onClick={() => void store.publish(version.version)}
                    >
                      {t('naloxone.editor.publish')}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
          {!mayPublish && <p class="muted">{t('naloxone.editor.publishWho')}</p>}
        </section>
      )}

      {state.preview && (
        <section class="guide-preview" aria-labelledby={`${id}-preview`} data-testid="guide-preview">
          <div class="guide-preview__header">
            <h3 id={`${id}-preview`}>
              {t('naloxone.editor.previewTitle', { version: state.preview.version })}
            </h3>
            <button
              type="button"
              class="button button--secondary button--small"
              onClick={() => store.closePreview()}
            >
              {t('naloxone.editor.closePreview')}
            </button>
          </div>
          <article class="guide" lang={state.preview.lang}>
            <h2 class="guide__title">{state.preview.title}</h2>
            <GuideContent html={state.preview.html} />
          </article>
        </section>
      )}
    </section>
  );
}
