import { presentProblem, seesEveryMeeting } from '@samverkan/contracts';
import { useId, useState } from 'preact/hooks';
import { SocketRequestError } from '../api/socket-client';
import { useI18n } from '../i18n/use-i18n';
import { directoryFeature } from '../people/directory-feature';
import { useFeature, useSessionBase } from '../session/feature-registry';
import { panelFeature } from '../state/panel-feature';
import { useStore } from '../state/use-store';
import type { MeetingSessionStore } from './meeting-session.store';
import { handOverCandidates } from './meeting-people';

/**
 * Over the map during a meeting: who presents, whether this map follows them, and the buttons to look around,
 * snap back, take or hand over the presenter role, and reopen the meeting's panel.
 */
export function MeetingMapBar({ session }: { session: MeetingSessionStore }) {
  const { user } = useSessionBase();
  const directory = useFeature(directoryFeature);
  const panel = useFeature(panelFeature);
  const { t, language } = useI18n();
  const state = useStore(session);
  const directoryState = useStore(directory);
  const panelState = useStore(panel);
  const handOverId = useId();
  const [handingOver, setHandingOver] = useState(false);
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Shown from the start, before the meeting has loaded, so the map under it keeps its size.
  const { meeting } = state;
  const presenting = session.isPresenter;
  const presenterName = directory.personName(state.presenterId) ?? t('meetings.live.someone');
  // The api's rule; whether an absent presenter still has a connection only the server knows, so a signatory
  // is offered the role when nobody presents.
  const mayTake =
    meeting !== null &&
    !presenting &&
    presentProblem(
      user,
      { organisationIds: meeting.organisationIds, presenterId: state.presenterId },
      user.id,
      true,
    ) === null;
  const participants = meeting
    ? handOverCandidates(meeting, directoryState.people, state.presenterId, language, (id) =>
        directory.organisationName(id),
      )
    : [];

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setHandingOver(false);
    } catch (failure) {
      setError(
        failure instanceof SocketRequestError && failure.code === 'forbidden'
          ? t('meetings.live.forbidden')
          : failure instanceof SocketRequestError && failure.isTransient
            ? t('meetings.live.offline')
            : t('meetings.live.failed'),
      );
    } finally {
      setBusy(false);
    }
  };

  // A presenter who was away too long comes back to a meeting nobody presents.
  const nobodyPresents = (leftId: string | null) => {
    if (!leftId || leftId === user.id) return t('meetings.live.nobody');
    const name = directory.personName(leftId);
    return name ? t('meetings.live.presenterLeft', { name }) : t('meetings.live.presenterLeftUnknown');
  };
  let status: string;
  if (state.removed) status = t('meetings.live.removed');
  else if (!state.live || !meeting) status = t('meetings.live.connecting');
  else if (presenting) status = t('meetings.live.youPresent');
  else if (!state.presenterId) status = nobodyPresents(state.presenterLeftId);
  else if (state.following) status = t('meetings.live.following', { name: presenterName });
  else status = t('meetings.live.detached', { name: presenterName });

  return (
    <div
      class={`meeting-bar${presenting ? ' meeting-bar--presenting' : ''}`}
      role="region"
      aria-label={t('meetings.live.label')}
      data-testid="meeting-bar"
      data-following={String(state.following && !presenting && !!state.presenterId)}
      data-presenting={String(presenting)}
    >
      <p class="meeting-bar__status" role="status" data-testid="meeting-bar-status">
        {status}
      </p>
      <div class="meeting-bar__actions">
        {state.live && !presenting && state.presenterId && !state.following && (
          <button type="button" class="button button--primary" onClick={() => session.follow()}>
            {t('meetings.live.snapBack')}
          </button>
        )}
        {state.live && !presenting && state.presenterId && state.following && (
          <button type="button" class="button" onClick={() => session.detach()}>
            {t('meetings.live.lookAround')}
          </button>
        )}
        {state.live && mayTake && (
          <button
            type="button"
            class="button"
            disabled={busy}
            onClick={() => void run(() => session.present())}
          >
            {t(state.presenterId ? 'meetings.live.takeOver' : 'meetings.live.present')}
          </button>
        )}
        {state.live && (presenting || (seesEveryMeeting(user) && state.presenterId)) && !handingOver && (
          <>
            <button type="button" class="button" onClick={() => (setHandingOver(true), setTarget(''))}>
              {t('meetings.live.handOver')}
            </button>
            <button
              type="button"
              class="button"
              disabled={busy}
              onClick={() => void run(() => session.present(null))}
            >
              {t('meetings.live.stop')}
            </button>
          </>
        )}
        {panelState.kind !== 'meeting' && (
          <button type="button" class="button" onClick={() => panel.open({ kind: 'meeting' })}>
            {t('meetings.live.openPanel')}
          </button>
        )}
      </div>
      {handingOver && (
        <form
          class="meeting-bar__hand-over"
          onSubmit={(event) => {
            event.preventDefault();
            if (target) void run(() => session.present(target));
          }}
        >
          <label for={handOverId}>{t('meetings.live.handOverTo')}</label>
          <select
            id={handOverId}
            value={target}
            onChange={(event) => setTarget(event.currentTarget.value)}
            required
          >
            <option value="">{t('meetings.live.choosePerson')}</option>
            {participants.map((person) => (
              <option key={person.id} value={person.id}>
                {person.label}
              </option>
            ))}
          </select>
          <button type="submit" class="button button--primary" disabled={!target || busy}>
            {t('meetings.live.handOverConfirm')}
          </button>
          <button type="button" class="button" onClick={() => setHandingOver(false)}>
            {t('common.cancel')}
          </button>
        </form>
      )}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
