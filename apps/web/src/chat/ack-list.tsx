import type { Message } from '@samverkan/contracts';
import { useEffect } from 'preact/hooks';
import { formatTime } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import { directoryFeature } from '../people/directory-feature';
import { useFeature } from '../session/feature-registry';
import { useStore } from '../state/use-store';
import { chatFeature } from './chat-feature';

/** Who has acknowledged an urgent message, with when; kept live by `alert:acked`. */
export function AckList({ message }: { message: Message }) {
  const chat = useFeature(chatFeature);
  const directory = useFeature(directoryFeature);
  const { t, language } = useI18n();
  const state = useStore(chat);
  useStore(directory);
  useEffect(() => chat.loadAcks(message), [message.id]);
  const acks = state.acks.get(message.id) ?? [];
  return (
    <p class="ack-list" data-testid="ack-list" aria-live="polite">
      {acks.length === 0 ? (
        t('alert.noAcks')
      ) : (
        <>
          {t('alert.seenBy')}{' '}
          {acks.map((ack, index) => (
            <span key={ack.userId} class="ack-list__person">
              {index > 0 && ', '}
              {directory.personName(ack.userId) ?? t('chat.unknownPerson')} ({formatTime(ack.at, language)})
            </span>
          ))}
        </>
      )}
    </p>
  );
}
