import type { ZoneApproval, ZoneProperties } from '@samverkan/contracts';
import type { Language, MessageKey } from '../i18n/dictionary';
import type { Translate } from '../i18n/i18n';
import type { ZoneDisplayState } from './zone-display';
import { timingSentence, whenText } from './zone-timing-text';

/**
 * One sentence about where a zone's agreement stands, before names and times are put in: `approvedBy` is the
 * approval whose organisation and time the sentence names.
 */
export interface ApprovalSentence {
  key: MessageKey;
  version: number;
  agreedVersion?: number;
  approvedBy?: Pick<ZoneApproval, 'organisationId' | 'at'>;
}

type ApprovalFacts = Pick<ZoneProperties, 'status' | 'version' | 'agreedVersion' | 'approvals'>;

/**
 * Where the agreement stands, computed from the approvals (never a fixed "waits for both sides"): which side
 * has approved the current version and which one it still waits for, and which version stays in force meanwhile.
 */
export function approvalStatus(zone: ApprovalFacts): ApprovalSentence[] {
  const { status, version, agreedVersion } = zone;
  if (status === 'withdrawn') return [{ key: 'approvalStatus.withdrawn', version }];
  const current = zone.approvals.filter((approval) => approval.version === version);
  const police = current.find((approval) => approval.side === 'police');
  const service = current.find((approval) => approval.side === 'service');
  if (status === 'agreed' || (police && service)) return [{ key: 'approvalStatus.agreed', version }];

  const sentences: ApprovalSentence[] = [];
  // While a newer version is proposed the agreed one still applies; a suspension ends that.
  if (status === 'proposed' && agreedVersion !== null && agreedVersion !== version) {
    sentences.push({ key: 'approvalStatus.stillInForce', version, agreedVersion });
  }
  if (police) sentences.push({ key: 'approvalStatus.waitsService', version, approvedBy: police });
  else if (service) sentences.push({ key: 'approvalStatus.waitsPolice', version, approvedBy: service });
  else if (status === 'suspended') sentences.push({ key: 'approvalStatus.suspendedWaitsBoth', version });
  else sentences.push({ key: 'approvalStatus.waitsBoth', version });
  return sentences;
}

/** The sentences in the user's language, naming the approving organisation and when it approved. */
export function approvalStatusText(
  zone: ApprovalFacts,
  organisationName: (organisationId: string) => string | null,
  now: Date,
  language: Language,
  t: Translate,
): string {
  return approvalStatus(zone)
    .map(({ key, version, agreedVersion, approvedBy }) =>
      t(key, {
        version,
        ...(agreedVersion !== undefined ? { agreed: agreedVersion } : {}),
        ...(approvedBy
          ? {
              organisation:
                organisationName(approvedBy.organisationId) ?? t('approvalStatus.unknownOrganisation'),
              when: whenText(approvedBy.at, now, language, t),
            }
          : {}),
      }),
    )
    .join(' ');
}

/** Lists name the agreement's state only while a version waits for approval; an agreed zone's timing says enough. */
export function awaitsApproval(zone: Pick<ZoneProperties, 'status'>): boolean {
  return zone.status === 'proposed' || zone.status === 'suspended';
}

/**
 * A zone's line in a list: when and whether it applies, and while a version waits for approval, who it waits
 * for. With nothing in force (a first proposal, a suspension) the approvals say it all.
 */
export function listStatusText(
  state: ZoneDisplayState,
  zone: ZoneProperties,
  organisationName: (organisationId: string) => string | null,
  now: Date,
  language: Language,
  t: Translate,
): string {
  const approvals = () => approvalStatusText(zone, organisationName, now, language, t);
  if (state === 'proposed' || state === 'suspended') return approvals();
  const timing = timingSentence(state, zone, now, language, t);
  return awaitsApproval(zone) ? `${timing} · ${approvals()}` : timing;
}
