import type { Message } from '@samverkan/contracts';
import { useEffect, useState } from 'preact/hooks';
import { soundAlarm } from '../escalation/alert-alarm';
import { AlertEscalation } from '../escalation/alert-escalation';
import { escalationFeature } from '../escalation/escalation-feature';
import { useFeature, useSessionBase } from '../session/feature-registry';
import { panelFeature } from '../state/panel-feature';
import { Icon } from '../ui/icons';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import { useStore } from '../state/use-store';
import { AckList } from './ack-list';
import { useChannelName } from './channel-name';
import { chatFeature } from './chat-feature';

/**
 * Urgent messages from others, one at a time, oldest first. The banner stays until this user acknowledges the
 * message (here or in another tab); it shows who has seen it so far and how it escalates. An alert escalated to
 * this user sounds and vibrates where the phone allows, and is acknowledged with one tap.
 */
export function AlertBanner() {
  const chat = useFeature(chatFeature);
  const state = useStore(chat);
  const alert = state.alerts[0];
  if (!alert) return null;
  return <AlertCard key={alert.id} alert={alert} more={state.alerts.length - 1} />;
}

function AlertCard({ alert, more }: { alert: Message; more: number }) {
  const chat = useFeature(chatFeature);
  const panel = useFeature(panelFeature);
  const { t, language } = useI18n();
  const channelName = useChannelName();
  const channel = chat.channel(alert.channelId);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const { browser } = useSessionBase();
  const escalation = useFeature(escalationFeature);
  const mark = useStore(escalation).marks.get(alert.id);
  useEffect(() => {
    if (mark) soundAlarm(browser);
  }, [mark?.step]);

  const acknowledge = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await chat.acknowledge(alert.id);
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };

  return (
    <section
      class={`alert-banner${mark ? ' alert-banner--escalated' : ''}`}
      role="alert"
      aria-labelledby={`alert-${alert.id}`}
      data-testid="alert-banner"
    >
      <div class="alert-banner__icon" aria-hidden="true">
        <Icon name="alert" size={28} />
      </div>
      <div class="alert-banner__content">
        <h2 id={`alert-${alert.id}`} class="alert-banner__title">
          {t('alert.title', { author: alert.authorName })}
          {channel && <span class="alert-banner__channel"> · {channelName(channel)}</span>}
        </h2>
        <p class="alert-banner__body">{alert.body}</p>
        <p class="alert-banner__meta">
          <time dateTime={alert.createdAt}>{formatDateTime(alert.createdAt, language)}</time>
          {more > 0 && <span> · {t('alert.more', { count: more })}</span>}
        </p>
        {mark && (
          <p class="alert-banner__escalated" data-testid="alert-escalated">
            {t('escalation.alert.reached', { step: mark.step, of: mark.of })}
          </p>
        )}
        <AckList message={alert} />
        <AlertEscalation message={alert} />
        {failed && <p class="alert-banner__error">{t('alert.ackFailed')}</p>}
      </div>
      <div class="alert-banner__actions">
        <button
          type="button"
          class="button button--alert"
          onClick={acknowledge}
          aria-busy={busy}
          disabled={busy}
        >
          <Icon name="check" />
          {t('alert.acknowledge')}
        </button>
        {channel && (
          <button
            type="button"
            class="button button--plain-on-alert"
            onClick={() => panel.open({ kind: 'messages', channelId: channel.id })}
          >
            {t('alert.open')}
          </button>
        )}
      </div>
    </section>
  );
}
