import type { ZoneSummary } from '@samverkan/contracts';
import { useEffect, useRef } from 'preact/hooks';
import { mapCommandsFeature } from '../map/map-feature';
import { useFeature } from '../session/feature-registry';
import { panelFeature } from '../state/panel-feature';
import { Icon } from '../ui/icons';
import type { MessageKey } from '../i18n/dictionary';
import { formatDateTime, formatDistance, formatTime } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import { MAP_COMMANDS } from '../map/map-events';
import { useStore } from '../state/use-store';
import { SuspensionFacts } from './suspension-facts';
import { termsLines } from './zone-diff-view';
import { isSuspendedAt, type CheckAnswer } from './zone-check-answer';
import { zoneCheckFeature } from './zone-check-feature';
import type { CheckFailure, CheckState } from './zone-check.store';
import { NEARBY_RADIUS_METERS } from './zone-check.store';
import { summaryTimingText } from './zone-timing-text';
import { NearestNaloxoneDisclosure } from '../naloxone/nearest-naloxone';

const FAILURE_TEXT: Record<CheckFailure, MessageKey> = {
  denied: 'check.error.denied',
  unavailable: 'check.error.unavailable',
  timeout: 'check.error.timeout',
  unsupported: 'check.error.unsupported',
  network: 'error.network',
  server: 'error.server',
};

/** Beyond this the browser's position may put the answer on the wrong side of a zone's edge. */
const POOR_ACCURACY_METERS = 75;

/**
 * "Am I in a zone?": one big button within a thumb's reach, and the answer in one glance above it. The
 * position goes onto the map, and to the check endpoint only when the phone has no zones of its own.
 */
export function CheckControl() {
  const check = useFeature(zoneCheckFeature);
  const mapCommands = useFeature(mapCommandsFeature);
  const { t } = useI18n();
  const state = useStore(check);
  const busy = state.status === 'locating' || state.status === 'checking';

  useEffect(() => {
    if (state.status === 'answered') {
      const zoneIds =
        state.answer.kind === 'inside-in-force' ||
        state.answer.kind === 'inside-suspended' ||
        state.answer.kind === 'inside-not-in-force'
          ? state.answer.zones.map((zone) => zone.zoneId)
          : [];
      mapCommands.emit(MAP_COMMANDS.showPosition, { ...state.position, zoneIds });
    } else if (state.status === 'idle') {
      mapCommands.emit(MAP_COMMANDS.showPosition, null);
    }
  }, [state]);

  return (
    <div class="check">
      {(state.status === 'answered' || state.status === 'failed') && <CheckResult state={state} />}
      <button
        type="button"
        class="check__button"
        onClick={() => void check.check()}
        aria-busy={busy}
        disabled={busy}
        data-testid="check-button"
      >
        {busy ? <span class="spinner" aria-hidden="true" /> : <Icon name="locate" size={24} />}
        <span>
          {t(
            state.status === 'locating'
              ? 'check.locating'
              : state.status === 'checking'
                ? 'check.checking'
                : 'check.button',
          )}
        </span>
      </button>
    </div>
  );
}

function CheckResult({ state }: { state: Extract<CheckState, { status: 'answered' | 'failed' }> }) {
  const check = useFeature(zoneCheckFeature);
  const { t, language } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), [state]);

  if (state.status === 'failed') {
    return (
      <section
        class="check__result check__result--failed"
        role="alert"
        data-testid="check-answer"
        data-answer-kind="failed"
      >
        <h2 class="check__headline" ref={heading} tabIndex={-1}>
          {t('check.failed')}
        </h2>
        <p>{t(FAILURE_TEXT[state.reason])}</p>
        <CloseButton onClose={() => check.clear()} />
      </section>
    );
  }

  const { answer, position, edge } = state;
  const atEdge = edge.kind === 'edge';
  return (
    <section
      class={`check__result check__result--${answer.kind}${atEdge ? ' check__result--edge' : ''}`}
      aria-live="polite"
      data-testid="check-answer"
      data-answer-kind={answer.kind}
      data-edge={atEdge}
    >
      <div class="check__summary">
        <span class="check__mark" aria-hidden="true">
          <Icon
            name={
              atEdge
                ? 'alert'
                : answer.kind === 'inside-in-force'
                  ? 'check'
                  : answer.kind === 'inside-not-in-force' || answer.kind === 'inside-suspended'
                    ? 'alert'
                    : 'locate'
            }
            size={28}
          />
        </span>
        <h2 class="check__headline" ref={heading} tabIndex={-1}>
          {atEdge ? t('check.answer.atEdge') : t(HEADLINE[answer.kind], { meters: NEARBY_RADIUS_METERS })}
        </h2>
      </div>
      {atEdge && (
        <p class="check__edge" data-testid="check-edge">
          {t('check.edge.why', {
            accuracy: formatDistance(edge.accuracy, language),
            zone: edge.zone.name,
            distance: formatDistance(edge.edgeDistanceMeters, language),
          })}
        </p>
      )}
      <AnswerDetails answer={answer} at={new Date(state.at)} />
      {/* The nearest naloxone sites, worked out on the phone from the position the check has. */}
      <NearestNaloxoneDisclosure position={position} />
      {state.zonesStale && state.zonesSyncedAt && (
        <p class="check__stale" role="alert" data-testid="check-zones-stale">
          {t('check.zonesStale', { when: formatDateTime(state.zonesSyncedAt, language) })}
        </p>
      )}
      <p class="check__meta">
        {t('check.checkedAt', { time: formatTime(state.at, language) })}
        {state.zonesSyncedAt && !state.zonesStale && (
          <span data-testid="check-zones-synced">
            {' · '}
            {t('check.zonesSynced', { time: formatTime(state.zonesSyncedAt, language) })}
          </span>
        )}
        {/* At an edge the headline has already said it. */}
        {position.accuracy > POOR_ACCURACY_METERS && !atEdge && (
          <> · {t('check.poorAccuracy', { meters: Math.round(position.accuracy) })}</>
        )}
      </p>
      <CloseButton onClose={() => check.clear()} />
    </section>
  );
}

const HEADLINE: Record<CheckAnswer['kind'], MessageKey> = {
  'inside-in-force': 'check.answer.insideInForce',
  'inside-suspended': 'suspension.check.headline',
  'inside-not-in-force': 'check.answer.insideNotInForce',
  near: 'check.answer.near',
  none: 'check.answer.none',
};

function AnswerDetails({ answer, at }: { answer: CheckAnswer; at: Date }) {
  switch (answer.kind) {
    case 'inside-in-force':
    case 'inside-suspended':
      return (
        <>
          <ZoneLines zones={answer.zones} at={at} />
          {answer.alsoInside.length > 0 && <ZoneLines zones={answer.alsoInside} at={at} />}
        </>
      );
    case 'inside-not-in-force':
      return <ZoneLines zones={answer.zones} at={at} />;
    case 'near':
      return <ZoneLines zones={answer.zones} at={at} withDistance />;
    case 'none':
      return null;
  }
}

function ZoneLines({
  zones,
  at,
  withDistance = false,
}: {
  zones: ZoneSummary[];
  at: Date;
  withDistance?: boolean;
}) {
  const panel = useFeature(panelFeature);
  const { t, language } = useI18n();
  const now = new Date();
  return (
    <ul class="check__zones">
      {zones.map((zone) => {
        const suspended = isSuspendedAt(zone, at);
        return (
          <li
            key={zone.zoneId}
            class={`check__zone ${zone.inForce ? 'check__zone--in-force' : ''} ${suspended ? 'check__zone--suspended' : ''}`}
          >
            <button
              type="button"
              class="link-button"
              onClick={() => panel.open({ kind: 'zone', zoneId: zone.zoneId })}
            >
              {zone.name}
            </button>
            <span class="check__zone-site"> ({zone.siteName})</span>
            <span class="check__zone-timing">
              {withDistance && <strong>{formatDistance(zone.distanceMeters, language)} · </strong>}
              {suspended ? t('suspension.check.state') : summaryTimingText(zone, now, language, t)}
            </span>
            {zone.terms && (zone.terms.clauses.length > 0 || zone.terms.text) && (
              <span class="check__zone-terms block" data-testid="check-terms">
                {termsLines(zone.terms, language).join('; ')}
              </span>
            )}
            {suspended && zone.suspension && <SuspensionFacts suspension={zone.suspension} />}
          </li>
        );
      })}
    </ul>
  );
}

function CloseButton({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      class="icon-button icon-button--small check__close"
      onClick={onClose}
      aria-label={t('check.close')}
      title={t('check.close')}
    >
      <Icon name="close" size={18} />
    </button>
  );
}
