import type { Channel, ChannelKind } from '@samverkan/contracts';
import { useEffect, useId, useState } from 'preact/hooks';
import { directoryFeature } from '../people/directory-feature';
import { useFeature, useSessionBase } from '../session/feature-registry';
import { panelFeature } from '../state/panel-feature';
import { PanelFrame } from '../ui/panel-frame';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/use-i18n';
import { useStore } from '../state/use-store';
import { useChannelName } from './channel-name';
import { ChannelView } from './channel-view';
import { chatFeature } from './chat-feature';

const GROUPS: { kind: ChannelKind; heading: MessageKey }[] = [
  { kind: 'joint', heading: 'chat.group.joint' },
  { kind: 'direct', heading: 'chat.group.direct' },
  { kind: 'meeting', heading: 'chat.group.meeting' },
  { kind: 'site', heading: 'chat.group.site' },
  { kind: 'zone', heading: 'chat.group.zone' },
];

/** Messages: the channel list with unread counts, or one channel. */
export function MessagesPanel({ channelId }: { channelId: string | null }) {
  const chat = useFeature(chatFeature);
  const panel = useFeature(panelFeature);
  const { t } = useI18n();
  const state = useStore(chat);
  const channelName = useChannelName();
  const channel = channelId ? state.channels.find((candidate) => candidate.id === channelId) : undefined;

  useEffect(() => {
    chat.open(channel ? channel.id : null);
  }, [channel?.id]);
  useEffect(() => () => chat.open(null), []);

  if (channelId && channel) {
    return (
      <PanelFrame
        title={channelName(channel)}
        subtitle={t(`chat.kind.${channel.kind}`)}
        onClose={() => panel.close()}
        onBack={() => panel.open({ kind: 'messages', channelId: null })}
        testId="channel"
      >
        <ChannelView channel={channel} />
      </PanelFrame>
    );
  }

  return (
    <PanelFrame title={t('chat.title')} onClose={() => panel.close()} testId="channel-list">
      {channelId && state.status === 'ready' && <p class="notice">{t('chat.channelGone')}</p>}
      {state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {state.status === 'error' && (
        <div class="form-error" role="alert">
          {t('chat.loadFailed')}{' '}
          <button
            type="button"
            class="button button--secondary button--small"
            onClick={() => void chat.loadChannels().catch(() => undefined)}
          >
            {t('app.retry')}
          </button>
        </div>
      )}
      {GROUPS.map(({ kind, heading }) => {
        const channels = state.channels.filter((candidate) => candidate.kind === kind && !candidate.archived);
        if (channels.length === 0 && kind !== 'direct') return null;
        return (
          <section key={kind} class="channel-group" aria-labelledby={`channels-${kind}`}>
            <h3 id={`channels-${kind}`} class="section-title">
              {t(heading)}
            </h3>
            <ul class="channel-list">
              {channels.map((candidate) => (
                <ChannelItem key={candidate.id} channel={candidate} name={channelName(candidate)} />
              ))}
            </ul>
            {kind === 'direct' && <NewDirectMessage />}
          </section>
        );
      })}
    </PanelFrame>
  );
}

function ChannelItem({ channel, name }: { channel: Channel; name: string }) {
  const panel = useFeature(panelFeature);
  const { t } = useI18n();
  return (
    <li>
      <button
        type="button"
        class={`channel-list__item${channel.unread > 0 ? ' channel-list__item--unread' : ''}`}
        onClick={() => panel.open({ kind: 'messages', channelId: channel.id })}
        data-testid="channel-item"
        data-channel-kind={channel.kind}
      >
        <span class="channel-list__name">{name}</span>
        {channel.unread > 0 && (
          <span class="count-badge" data-testid="unread-badge">
            {channel.unread}
            <span class="visually-hidden"> {t('chat.unread')}</span>
          </span>
        )}
      </button>
    </li>
  );
}

/** Starts (or reopens) a direct conversation with a colleague. */
function NewDirectMessage() {
  const { user } = useSessionBase();
  const chat = useFeature(chatFeature);
  const directory = useFeature(directoryFeature);
  const panel = useFeature(panelFeature);
  const { t, language } = useI18n();
  const people = useStore(directory);
  const [personId, setPersonId] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const id = useId();
  const candidates = [...people.people.values()]
    .filter((person) => person.id !== user.id)
    .sort((a, b) => a.displayName.localeCompare(b.displayName, language));

  const start = async (event: Event) => {
    event.preventDefault();
    if (!personId || busy) return;
    setBusy(true);
    setFailed(false);
    try {
      const channel = await chat.directChannel(personId);
      panel.open({ kind: 'messages', channelId: channel.id });
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };

  return (
    <form class="new-direct" onSubmit={start}>
      <label for={id}>{t('chat.newDirect')}</label>
      <div class="new-direct__row">
        <select id={id} value={personId} onChange={(event) => setPersonId(event.currentTarget.value)}>
          <option value="">{t('chat.choosePerson')}</option>
          {candidates.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName} – {directory.organisationName(person.organisationId) ?? ''}
            </option>
          ))}
        </select>
        <button type="submit" class="button button--secondary" disabled={!personId} aria-busy={busy}>
          {t('chat.startDirect')}
        </button>
      </div>
      {failed && <p class="form-error">{t('error.server')}</p>}
    </form>
  );
}
