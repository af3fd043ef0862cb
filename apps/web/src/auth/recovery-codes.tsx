import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/use-i18n';

/** The ten recovery codes, shown once, with Copy and Print; `onDone` when the user says they are kept. */
export function RecoveryCodes({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const text = codes.join('\n');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  // A window of its own holding only the codes, so the printout is the codes and not the app around them.
  const print = () => {
    const printout = window.open('', '_blank', 'width=480,height=640');
    if (!printout) {
      window.print();
      return;
    }
    const { document } = printout;
    document.title = `${t('app.name')} – ${t('mfa.codes.title')}`;
    const heading = document.createElement('h1');
    heading.textContent = document.title;
    const list = document.createElement('pre');
    list.textContent = text;
    list.style.fontSize = '1.25rem';
    document.body.append(heading, list);
    printout.focus();
    printout.print();
    printout.close();
  };

  return (
    <section class="second-factor__codes" aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title">{t('mfa.codes.title')}</h2>
      <p>{t('mfa.codes.intro')}</p>
      <ol class="second-factor__code-list" aria-label={t('mfa.codes.listLabel')} data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div class="second-factor__actions">
        <button type="button" class="button button--secondary" onClick={() => void copy()}>
          {t('mfa.codes.copy')}
        </button>
        <button type="button" class="button button--secondary" onClick={print}>
          {t('mfa.codes.print')}
        </button>
      </div>
      <p role="status" class={copied ? 'notice' : 'visually-hidden'}>
        {copied === 'copied' ? t('mfa.codes.copied') : copied === 'failed' ? t('mfa.codes.copyFailed') : ''}
      </p>
      <button type="button" class="button button--primary button--block" onClick={onDone}>
        {t('mfa.codes.done')}
      </button>
    </section>
  );
}
