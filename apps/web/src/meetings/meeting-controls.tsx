import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Dialog } from '../ui/dialog';
import { useI18n } from '../i18n/use-i18n';

/** "Remove", after a confirmation that names what goes (the app's own dialog: keyboard and screen reader friendly). */
export function RemoveButton({
  confirmText,
  busy,
  onRemove,
}: {
  confirmText: string;
  busy: boolean;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <button
        type="button"
        class="link-button link-button--danger"
        disabled={busy}
        onClick={() => setConfirming(true)}
      >
        {t('meetings.agenda.remove')}
      </button>
      {confirming && (
        <Dialog title={t('meetings.remove.title')} onClose={() => setConfirming(false)}>
          <p>{confirmText}</p>
          <div class="dialog__actions">
            <button type="button" class="button button--secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              class="button button--danger"
              onClick={() => {
                setConfirming(false);
                onRemove();
              }}
            >
              {t('meetings.agenda.remove')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}

/**
 * A button that opens a small form; the form closes itself when `onSubmit` answers true (saved). The change's
 * error shows above the save and cancel buttons.
 */
export function OpenableForm({
  openLabel,
  submitLabel,
  testId,
  canSubmit,
  busy,
  error,
  onSubmit,
  children,
}: {
  openLabel: string;
  submitLabel: string;
  testId: string;
  canSubmit: boolean;
  busy: boolean;
  error: string | null;
  onSubmit: () => Promise<boolean>;
  children: ComponentChildren;
}) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button type="button" class="button button--small" onClick={() => setOpen(true)}>
        {openLabel}
      </button>
    );
  return (
    <form
      class="card outcome-form"
      data-testid={testId}
      onSubmit={async (event) => {
        event.preventDefault();
        if (await onSubmit()) setOpen(false);
      }}
    >
      {children}
      <FormFooter
        error={error}
        busy={busy}
        canSubmit={canSubmit}
        submitLabel={submitLabel}
        onCancel={() => setOpen(false)}
      />
    </form>
  );
}

/** A form's error (from the api: the field and the reason), its save button and cancel. */
export function FormFooter({
  error,
  busy,
  canSubmit = true,
  submitLabel,
  onCancel,
}: {
  error: string | null;
  busy: boolean;
  canSubmit?: boolean;
  submitLabel: string;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="button button--primary" disabled={busy || !canSubmit} aria-busy={busy}>
          {submitLabel}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}
