import type { Meeting } from '@samverkan/contracts';
import { useState } from 'preact/hooks';
import { useFeature } from '../session/feature-registry';
import { panelFeature } from '../state/panel-feature';
import { PanelFrame } from '../ui/panel-frame';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import { useStore } from '../state/use-store';
import { AgendaSection } from './agenda-section';
import { MeetingDetails } from './meeting-details';
import { useMeetingSession } from './meeting-session-context';
import type { MeetingSessionStore } from './meeting-session.store';
import { MeetingSummaryView } from './meeting-summary-view';
import { OutcomesSection } from './outcomes-section';

type Tab = 'agenda' | 'outcomes' | 'summary' | 'details';

const TAB_LABEL = {
  agenda: 'meetings.tab.agenda',
  outcomes: 'meetings.tab.outcomes',
  summary: 'meetings.tab.summary',
  details: 'meetings.tab.details',
} as const;

/** The open meeting in the side panel: agenda with minutes, decisions and actions, the summary, details. */
export function MeetingPanel() {
  const session = useMeetingSession();
  const panel = useFeature(panelFeature);
  // Only a meeting's page has a session; a stale 'meeting' panel elsewhere shows nothing.
  if (!session) return null;
  return <MeetingPanelFor session={session} onClose={() => panel.close()} />;
}

function MeetingPanelFor({ session, onClose }: { session: MeetingSessionStore; onClose: () => void }) {
  const { t, language } = useI18n();
  const state = useStore(session);
  const [tab, setTab] = useState<Tab>('agenda');
  const { meeting } = state;

  if (!meeting) {
    return (
      <PanelFrame title={t('meetings.title')} onClose={onClose} testId="meeting-panel">
        {state.status === 'failed' ? (
          <div class="form-error" role="alert">
            {t(state.failure === 'network' ? 'error.network' : 'error.server')}{' '}
            <button type="button" class="link-button" onClick={() => void session.load()}>
              {t('app.retry')}
            </button>
          </div>
        ) : (
          <p role="status">{t('common.loading')}</p>
        )}
      </PanelFrame>
    );
  }

  return (
    <PanelFrame
      title={meeting.title}
      subtitle={<MeetingWhenWhere meeting={meeting} language={language} />}
      onClose={onClose}
      testId="meeting-panel"
    >
      {state.removed && (
        <p class="notice" role="alert">
          {t('meetings.live.removed')}
        </p>
      )}
      <div class="tab-strip tab-strip--wrap" role="tablist" aria-label={t('meetings.tabs')}>
        {(Object.keys(TAB_LABEL) as Tab[]).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`meeting-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`meeting-tabpanel-${name}`}
            class="tab-strip__option"
            onClick={() => setTab(name)}
          >
            {t(TAB_LABEL[name])}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`meeting-tabpanel-${tab}`} aria-labelledby={`meeting-tab-${tab}`}>
        {tab === 'agenda' && <AgendaSection session={session} meeting={meeting} />}
        {tab === 'outcomes' && <OutcomesSection session={session} meeting={meeting} />}
        {tab === 'summary' && <MeetingSummaryView meeting={meeting} />}
        {tab === 'details' && <MeetingDetails session={session} meeting={meeting} />}
      </div>
    </PanelFrame>
  );
}

function MeetingWhenWhere({ meeting, language }: { meeting: Meeting; language: 'sv' | 'en' }) {
  return (
    <>
      <time dateTime={meeting.startsAt}>{formatDateTime(meeting.startsAt, language)}</time>
      {meeting.place && <> · {meeting.place}</>}
    </>
  );
}
