import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/use-i18n';
import { Icon } from './icons';

/**
 * The frame of the side panel (a sheet over the map on a phone): a heading that takes focus when the panel
 * opens, a close button, an optional back button, and the scrolling content.
 */
export function PanelFrame({
  title,
  subtitle,
  onClose,
  onBack,
  children,
  footer,
  testId,
}: {
  title: string;
  subtitle?: ComponentChildren;
  onClose: () => void;
  onBack?: () => void;
  children: ComponentChildren;
  footer?: ComponentChildren;
  testId?: string;
}) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus follows the panel so keyboard and screen reader users land in what they opened.
  useEffect(() => heading.current?.focus({ preventScroll: true }), [title]);
  return (
    <section class="panel" aria-labelledby="panel-title" data-testid={testId}>
      <header class="panel__header">
        {onBack && (
          <button
            type="button"
            class="icon-button"
            onClick={onBack}
            aria-label={t('panel.back')}
            title={t('panel.back')}
          >
            <Icon name="back" />
          </button>
        )}
        <div class="panel__titles">
          <h2 id="panel-title" class="panel__title" ref={heading} tabIndex={-1}>
            {title}
          </h2>
          {subtitle && <p class="panel__subtitle">{subtitle}</p>}
        </div>
        <button
          type="button"
          class="icon-button"
          onClick={onClose}
          aria-label={t('panel.close')}
          title={t('panel.close')}
        >
          <Icon name="close" />
        </button>
      </header>
      <div class="panel__body">{children}</div>
      {footer && <footer class="panel__footer">{footer}</footer>}
    </section>
  );
}
