import { MESSAGE_LIMITS, type Channel, type Message } from '@samverkan/contracts';
import { codePointLength } from '@samverkan/text';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { socketFailureText } from '../api/api-error';
import { directoryFeature } from '../people/directory-feature';
import { useFeature, useSessionBase } from '../session/feature-registry';
import { Icon } from '../ui/icons';
import { dayRelation, formatDateTime, formatTime } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import { useStore } from '../state/use-store';
import { IdentityHint, isRefusedAsIdentifying } from '../ui/identity-hint';
import { AlertEscalation } from '../escalation/alert-escalation';
import { ChannelEscalation } from '../escalation/channel-escalation';
import { AckList } from './ack-list';
import { chatFeature } from './chat-feature';
import type { OutboxEntry } from './outbox';

/** One channel: its messages (older ones on request), what is still in the outbox, and the composer. */
export function ChannelView({ channel }: { channel: Channel }) {
  const chat = useFeature(chatFeature);
  const { t } = useI18n();
  const state = useStore(chat);
  useStore(chat.outbox); // re-render when the outbox changes
  const messages = state.messages.get(channel.id) ?? [];
  const history = state.history.get(channel.id);
  const pending = chat.outbox.forChannel(channel.id);
  const list = useRef<HTMLDivElement>(null);
  const stuckToBottom = useRef(true);

  // Stay at the newest message unless the reader has scrolled up to read older ones.
  useLayoutEffect(() => {
    const element = list.current;
    if (element && stuckToBottom.current) element.scrollTop = element.scrollHeight;
  }, [messages.length, pending.length]);

  return (
    <div class="channel-view">
      <ChannelEscalation channel={channel} />
      <div
        class="channel-view__messages"
        ref={list}
        onScroll={(event) => {
          const element = event.currentTarget;
          stuckToBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 40;
        }}
        role="log"
        aria-label={t('chat.messages')}
        aria-live="polite"
        data-testid="message-list"
      >
        {history === 'partial' && (
          <button
            type="button"
            class="button button--secondary button--small channel-view__older"
            onClick={() => void chat.loadOlder(channel.id).catch(() => undefined)}
          >
            {t('chat.older')}
          </button>
        )}
        {history === 'loading' && <p role="status">{t('common.loading')}</p>}
        {history === 'error' && <p class="form-error">{t('chat.historyFailed')}</p>}
        {history === 'complete' && messages.length === 0 && pending.length === 0 && (
          <p class="channel-view__empty">{t('chat.empty')}</p>
        )}
        <ol class="messages">
          {messages.map((message) => (
            <MessageItem key={message.id} message={message} />
          ))}
          {pending.map((entry) => (
            <PendingItem key={entry.clientId} entry={entry} />
          ))}
        </ol>
      </div>
      {channel.archived ? <p class="notice">{t('chat.archived')}</p> : <Composer channel={channel} />}
    </div>
  );
}

function MessageItem({ message }: { message: Message }) {
  const { user } = useSessionBase();
  const directory = useFeature(directoryFeature);
  const { t, language } = useI18n();
  useStore(directory);
  const mine = message.authorId === user.id;
  const organisation = directory.organisationName(message.organisationId);
  const when =
    dayRelation(message.createdAt, new Date()) === 'today'
      ? formatTime(message.createdAt, language)
      : formatDateTime(message.createdAt, language);
  return (
    <li
      class={`message${mine ? ' message--mine' : ''}${message.priority === 'urgent' ? ' message--urgent' : ''}`}
      data-testid="message"
      data-seq={message.seq}
    >
      <p class="message__meta">
        <span class="message__author">{mine ? t('chat.you') : message.authorName}</span>
        {organisation && <span class="message__organisation"> · {organisation}</span>}
        {' · '}
        <time dateTime={message.createdAt}>{when}</time>
        {message.priority === 'urgent' && <span class="message__urgent">{t('chat.urgent')}</span>}
      </p>
      <p class="message__body">{message.body}</p>
      {message.priority === 'urgent' && <AckList message={message} />}
      {message.priority === 'urgent' && <AlertEscalation message={message} />}
    </li>
  );
}

function PendingItem({ entry }: { entry: OutboxEntry }) {
  const { socket } = useSessionBase();
  const chat = useFeature(chatFeature);
  const { t } = useI18n();
  const connection = useStore(socket.connection);
  return (
    <li
      class={`message message--mine message--pending${entry.priority === 'urgent' ? ' message--urgent' : ''}`}
      data-testid="pending-message"
      data-state={entry.state}
    >
      <p class="message__meta">
        <span class="message__author">{t('chat.you')}</span>
        {entry.priority === 'urgent' && <span class="message__urgent">{t('chat.urgent')}</span>}
      </p>
      <p class="message__body">{entry.body}</p>
      {entry.state === 'sending' ? (
        <p class="message__status" role="status">
          <span class="spinner spinner--small" aria-hidden="true" />
          {t(connection.status === 'connected' ? 'chat.sending' : 'chat.waitingForConnection')}
        </p>
      ) : (
        <div class="message__status message__status--failed" role="alert">
          <span>{t('chat.notSent', { reason: socketFailureText(entry.error, t) })}</span>
          <button
            type="button"
            class="button button--secondary button--small"
            onClick={() => chat.retry(entry.clientId)}
          >
            {t('chat.retry')}
          </button>
          <button
            type="button"
            class="button button--secondary button--small"
            onClick={() => chat.discard(entry.clientId)}
          >
            {t('chat.discard')}
          </button>
        </div>
      )}
    </li>
  );
}

function Composer({ channel }: { channel: Channel }) {
  const { socket } = useSessionBase();
  const chat = useFeature(chatFeature);
  const { t } = useI18n();
  const connection = useStore(socket.connection);
  const [body, setBody] = useState('');
  const [urgent, setUrgent] = useState(false);
  const ids = { body: useId(), urgent: useId(), hint: useId() };
  const input = useRef<HTMLTextAreaElement>(null);
  // In chat only a personal identity number is refused; a work phone number or e-mail address is a warning.
  const refused = isRefusedAsIdentifying(body, 'chat');
  const lastTyping = useRef(0);
  const tooLong = codePointLength(body) > MESSAGE_LIMITS.maxBody;

  const send = () => {
    if (body.trim() === '' || tooLong || refused) return;
    chat.send(channel.id, body, urgent ? 'urgent' : 'normal');
    setBody('');
    setUrgent(false);
    input.current?.focus();
  };

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label for={ids.body} class="visually-hidden">
        {t('chat.compose')}
      </label>
      <textarea
        id={ids.body}
        ref={input}
        rows={2}
        value={body}
        placeholder={t('chat.placeholder')}
        aria-describedby={ids.hint}
        aria-invalid={tooLong || refused}
        onInput={(event) => {
          setBody(event.currentTarget.value);
          // Typing notices are hints: at most one every few seconds.
          if (Date.now() - lastTyping.current > 3000) {
            lastTyping.current = Date.now();
            socket.notify('typing', { channelId: channel.id });
          }
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            send();
          }
        }}
      />
      <div id={ids.hint} class="composer__hints">
        <IdentityHint text={body} policy="chat" />
        {tooLong && <p class="composer__warning">{t('chat.tooLong', { max: MESSAGE_LIMITS.maxBody })}</p>}
        {connection.status !== 'connected' && <p class="composer__offline">{t('chat.offlineHint')}</p>}
      </div>
      <div class="composer__actions">
        <div class="checkbox checkbox--compact">
          <input
            id={ids.urgent}
            type="checkbox"
            checked={urgent}
            onChange={(event) => setUrgent(event.currentTarget.checked)}
          />
          <label for={ids.urgent}>{t('chat.markUrgent')}</label>
        </div>
        <button
          type="submit"
          class="button button--primary"
          disabled={body.trim() === '' || tooLong || refused}
        >
          <Icon name="send" />
          {t('chat.send')}
        </button>
      </div>
    </form>
  );
}
