import type { ZoneApproval, ZoneFeature, ZoneHistory, ZoneTerms } from '@samverkan/contracts';
import { describeSchedule } from '@samverkan/geo';
import { useEffect, useId, useState } from 'preact/hooks';
import { samverkanApiFeature } from '../api/api-feature';
import { chatFeature } from '../chat/chat-feature';
import { mapCommandsFeature } from '../map/map-feature';
import { directoryFeature } from '../people/directory-feature';
import { useFeature, useSessionBase } from '../session/feature-registry';
import { sitesFeature } from '../sites/sites-feature';
import { panelFeature } from '../state/panel-feature';
import { AuditTrail } from '../ui/audit-trail';
import { Icon } from '../ui/icons';
import { PanelFrame } from '../ui/panel-frame';
import { PlaceReports } from '../reports/place-reports';
import { formatDate, formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import { ZoneSwatch } from '../map/swatches';
import { MAP_COMMANDS } from '../map/map-events';
import { useStore } from '../state/use-store';
import { approvalStatusText } from './approval-status';
import { SuspensionFacts } from './suspension-facts';
import { termsLines, ZoneDiffView } from './zone-diff-view';
import { ZoneActionDialog, type ZoneAction } from './zone-action-dialog';
import { displayStateOf, hasPendingProposal } from './zone-display';
import { zoneAbilities, type ApprovalSide } from './zone-permissions';
import { ZONE_STATE_STYLES } from './zone-style';
import { timingSentence, validityText } from './zone-timing-text';
import { zonesFeature } from './zones-feature';

const SIDES: ApprovalSide[] = ['police', 'service'];

/** A zone: whether it applies now, its hours, who has approved which version, its history and channel. */
export function ZoneDetails({ zoneId }: { zoneId: string }) {
  const { user } = useSessionBase();
  const zones = useFeature(zonesFeature);
  const sites = useFeature(sitesFeature);
  const chat = useFeature(chatFeature);
  const panel = useFeature(panelFeature);
  const mapCommands = useFeature(mapCommandsFeature);
  const directory = useFeature(directoryFeature);
  const { t, language } = useI18n();
  const zonesState = useStore(zones);
  useStore(sites);
  useStore(chat);
  useStore(directory);
  const [action, setAction] = useState<ZoneAction | null>(null);
  const zone = zonesState.zones.get(zoneId);

  if (!zone) {
    return (
      <PanelFrame title={t('zone.title')} onClose={() => panel.close()}>
        {zonesState.status === 'loading' ? (
          <p role="status">{t('common.loading')}</p>
        ) : (
          <p>{t('zone.gone')}</p>
        )}
      </PanelFrame>
    );
  }
  const p = zone.properties;
  const state = displayStateOf(p);
  const site = sites.get(p.siteId);
  const abilities = zoneAbilities(user, p);
  const channel = chat.channelFor('zone', zoneId);
  const pending = hasPendingProposal(p);
  const now = new Date();

  return (
    <PanelFrame
      title={p.name}
      subtitle={
        site ? (
          <button
            type="button"
            class="link-button"
            onClick={() => panel.open({ kind: 'site', siteId: p.siteId })}
          >
            {site.properties.name}
          </button>
        ) : undefined
      }
      onClose={() => panel.close()}
      testId="zone-details"
    >
      <div class={`zone-state zone-state--${state}`} data-testid="zone-state" data-state={state}>
        <ZoneSwatch state={state} />
        <div>
          <p class="zone-state__label">{t(ZONE_STATE_STYLES[state].label)}</p>
          {state === 'suspended' && p.suspension ? (
            <SuspensionFacts suspension={p.suspension} />
          ) : (
            <p class="zone-state__timing" data-testid="zone-timing">
              {timingSentence(state, p, now, language, t)}
            </p>
          )}
          {p.statusReason &&
            !(state === 'suspended' && p.suspension) &&
            (state === 'suspended' || state === 'withdrawn') && (
              <p class="zone-state__reason">
                {t('zone.reason')} <q>{p.statusReason}</q>
              </p>
            )}
        </div>
      </div>

      <p class="notice" data-testid="approval-status">
        {approvalStatusText(p, (id) => directory.organisationName(id), now, language, t)}
      </p>

      <div class="action-row">
        {abilities.approve && (
          <button type="button" class="button button--primary" onClick={() => setAction('approve')}>
            <Icon name="check" />
            {t('zone.approve', { version: p.version })}
          </button>
        )}
        {abilities.edit && (
          <button
            type="button"
            class="button button--secondary"
            onClick={() => panel.open({ kind: 'zone-form', mode: 'edit', zoneId })}
          >
            <Icon name="edit" />
            {t('zone.edit')}
          </button>
        )}
        {channel && (
          <button
            type="button"
            class="button button--secondary"
            onClick={() => panel.open({ kind: 'messages', channelId: channel.id })}
          >
            <Icon name="messages" />
            {t('zone.openChannel')}
          </button>
        )}
        <button
          type="button"
          class="button button--secondary"
          onClick={() => mapCommands.emit(MAP_COMMANDS.focusZone, { zoneId })}
        >
          <Icon name="map" />
          {t('zone.showOnMap')}
        </button>
      </div>

      {pending && p.agreed ? (
        <>
          <VersionFacts
            heading={t('zone.versionInForce', { version: p.agreed.version })}
            schedule={p.agreed.schedule}
            validFrom={p.agreed.validFrom}
            validUntil={p.agreed.validUntil}
            approvals={p.agreed.approvals}
            version={p.agreed.version}
            terms={p.agreed.terms}
            reviewBy={p.agreed.reviewBy}
          />
          <VersionFacts
            heading={t('zone.versionProposed', { version: p.version })}
            schedule={p.schedule}
            validFrom={p.validFrom}
            validUntil={p.validUntil}
            approvals={p.approvals}
            version={p.version}
            terms={p.terms}
            reviewBy={p.reviewBy}
          />
        </>
      ) : (
        <VersionFacts
          heading={t('zone.versionCurrent', { version: p.version })}
          schedule={p.schedule}
          validFrom={p.validFrom}
          validUntil={p.validUntil}
          approvals={p.approvals}
          version={p.version}
          terms={p.terms}
          reviewBy={p.reviewBy}
        />
      )}

      {p.notes && (
        <>
          <h3 class="section-title">{t('zone.notes')}</h3>
          <p class="preserve-lines">{p.notes}</p>
        </>
      )}

      {(abilities.suspend || abilities.withdraw) && (
        <div class="action-row action-row--danger">
          {abilities.suspend && (
            <button type="button" class="button button--danger-outline" onClick={() => setAction('suspend')}>
              {t('zone.suspend')}
            </button>
          )}
          {abilities.withdraw && (
            <button type="button" class="button button--danger-outline" onClick={() => setAction('withdraw')}>
              {t('zone.withdraw')}
            </button>
          )}
        </div>
      )}

      {/* The field reports about this zone and the "Report" button. */}
      <PlaceReports zoneId={zone.properties.id} siteId={zone.properties.siteId} />
      <ZoneHistoryView zone={zone} />

      {action && (
        <ZoneActionDialog zone={zone} action={action} side={abilities.side} onClose={() => setAction(null)} />
      )}
    </PanelFrame>
  );
}

function VersionFacts({
  heading,
  schedule,
  validFrom,
  validUntil,
  approvals,
  version,
  terms,
  reviewBy,
}: {
  heading: string;
  terms?: ZoneTerms;
  reviewBy?: string | null;
  schedule: ZoneFeature['properties']['schedule'];
  validFrom: string | null;
  validUntil: string | null;
  approvals: ZoneApproval[];
  version: number;
}) {
  const { t, language } = useI18n();
  return (
    <section class="version-facts">
      <h3 class="section-title">{heading}</h3>
      <dl class="facts">
        <dt>{t('zone.hours')}</dt>
        <dd data-testid="zone-hours">
          {describeSchedule(schedule, language).map((line) => (
            <span key={line} class="block">
              {line}
            </span>
          ))}
        </dd>
        <dt>{t('zone.validity')}</dt>
        <dd>
          {validityText(validFrom, validUntil, language, t)}
          {reviewBy && <span class="block">{t('zone.reviewBy', { date: formatDate(`${reviewBy}T12:00:00Z`, language) })}</span>}
        </dd>
        {terms && (terms.clauses.length > 0 || terms.text) && (
          <>
            <dt>{t('zone.terms')}</dt>
            <dd data-testid="zone-terms">{termsLines(terms, language).join('; ')}</dd>
          </>
        )}
        <dt>{t('zone.approvals')}</dt>
        <dd>
          <Approvals approvals={approvals.filter((approval) => approval.version === version)} />
        </dd>
      </dl>
    </section>
  );
}

function Approvals({ approvals }: { approvals: ZoneApproval[] }) {
  const directory = useFeature(directoryFeature);
  const { t, language } = useI18n();
  useStore(directory);
  return (
    <ul class="approvals" data-testid="approvals">
      {SIDES.map((side) => {
        const approval = approvals.find((candidate) => candidate.side === side);
        return (
          <li
            key={side}
            class={`approvals__side ${approval ? 'approvals__side--done' : ''}`}
            data-side={side}
            data-approved={String(Boolean(approval))}
          >
            <span aria-hidden="true" class="approvals__mark">
              {approval ? '✓' : '…'}
            </span>
            <span>
              <strong>{t(side === 'police' ? 'approvals.side.police' : 'approvals.side.service')}:</strong>{' '}
              {approval
                ? t('zone.approvedBy', {
                    name: directory.personName(approval.userId) ?? t('chat.unknownPerson'),
                    when: formatDateTime(approval.at, language),
                  })
                : t('zone.awaitingApproval')}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Any two versions compared, as the approval dialog shows them; the last two to begin with. */
function VersionComparison({ zoneId, versions }: { zoneId: string; versions: number[] }) {
  const { t } = useI18n();
  const latest = versions[versions.length - 1];
  const [from, setFrom] = useState(latest - 1);
  const [to, setTo] = useState(latest);
  const [shown, setShown] = useState<{ from: number; to: number } | null>(null);
  const ids = { from: useId(), to: useId() };
  const select = (id: string, value: number, set: (version: number) => void, testId: string) => (
    <select id={id} value={value} data-testid={testId} onChange={(event) => set(Number(event.currentTarget.value))}>
      {versions.map((version) => (
        <option key={version} value={version}>
          {t('zone.versionShort', { version })}
        </option>
      ))}
    </select>
  );
  return (
    <div class="zone-diff-compare">
      <div class="field field--inline">
        <label for={ids.from}>{t('zoneDiff.from')}</label>
        {select(ids.from, from, setFrom, 'compare-from')}
        <label for={ids.to}>{t('zoneDiff.to')}</label>
        {select(ids.to, to, setTo, 'compare-to')}
        <button type="button" class="button button--secondary button--small" onClick={() => setShown(shown ? null : { from, to })}>
          {shown ? t('zoneDiff.hide') : t('zoneDiff.compare')}
        </button>
      </div>
      {shown && <ZoneDiffView zoneId={zoneId} from={shown.from} to={shown.to} />}
    </div>
  );
}

function ZoneHistoryView({ zone }: { zone: ZoneFeature }) {
  const api = useFeature(samverkanApiFeature);
  const directory = useFeature(directoryFeature);
  const { t, language } = useI18n();
  const [open, setOpen] = useState(false);
  const [history, setHistory] = useState<ZoneHistory | null | 'error'>(null);
  const p = zone.properties;
  useStore(directory);

  useEffect(() => {
    if (!open) return;
    let current = true;
    api.zones.history(p.id).then(
      (loaded) => current && setHistory(loaded),
      () => current && setHistory('error'),
    );
    return () => {
      current = false;
    };
  }, [open, p.id, p.updatedAt]);

  return (
    <details class="disclosure" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <Icon name="history" size={18} /> {t('zone.history')}
      </summary>
      {open && history === null && <p role="status">{t('common.loading')}</p>}
      {history === 'error' && <p class="form-error">{t('zone.historyFailed')}</p>}
      {history && history !== 'error' && (
        <>
          <h4 class="subsection-title">{t('zone.versions')}</h4>
          <ol class="versions" reversed>
            {[...history.versions].reverse().map((version) => (
              <li key={version.version} class="versions__item">
                <p class="versions__title">
                  <strong>{t('zone.versionShort', { version: version.version })}</strong> · {version.name} ·{' '}
                  <time dateTime={version.createdAt}>{formatDateTime(version.createdAt, language)}</time>
                  {version.createdBy && (
                    <> · {directory.personName(version.createdBy) ?? t('chat.unknownPerson')}</>
                  )}
                </p>
                <p class="versions__detail">
                  {describeSchedule(version.schedule, language).join('; ')}
                  {version.radiusMeters !== null && (
                    <> · {t('zone.circle', { radius: version.radiusMeters })}</>
                  )}
                </p>
                <p class="versions__detail">
                  {version.agreedAt
                    ? t('zone.agreedAt', { when: formatDateTime(version.agreedAt, language) })
                    : t('zone.neverAgreed')}
                  {version.approvals.length > 0 && (
                    <>
                      {' · '}
                      {version.approvals
                        .map(
                          (approval) =>
                            `${t(approval.side === 'police' ? 'approvals.side.police' : 'approvals.side.service')}: ${directory.personName(approval.userId) ?? t('chat.unknownPerson')}${approval.supersededAt ? ` (${t('zone.superseded')})` : ''}`,
                        )
                        .join(', ')}
                    </>
                  )}
                </p>
              </li>
            ))}
          </ol>
          {history.versions.length > 1 && <VersionComparison zoneId={p.id} versions={history.versions.map((version) => version.version)} />}
          <h4 class="subsection-title">{t('zone.auditTrail')}</h4>
          <AuditTrail events={history.events} personName={(id) => directory.personName(id)} />
        </>
      )}
    </details>
  );
}
