import { REPORT_CATEGORIES, type ReportCategory, type ReportStatus } from '@samverkan/contracts';
import type { MessageKey } from '../i18n/dictionary';

export interface ReportCategoryLook {
  label: MessageKey;
  /** A one-line hint under the button, so the writer picks the right one quickly. */
  hint: MessageKey;
  /** Chart colour (Okabe–Ito, told apart with the common colour vision deficiencies). */
  color: string;
}

export const REPORT_CATEGORY_LOOKS: Record<ReportCategory, ReportCategoryLook> = {
  enforcement_near_site: {
    label: 'reports.category.enforcement_near_site',
    hint: 'reports.categoryHint.enforcement_near_site',
    color: '#0072b2',
  },
  diversion: {
    label: 'reports.category.diversion',
    hint: 'reports.categoryHint.diversion',
    color: '#e69f00',
  },
  staff_safety: {
    label: 'reports.category.staff_safety',
    hint: 'reports.categoryHint.staff_safety',
    color: '#d55e00',
  },
  public_nuisance: {
    label: 'reports.category.public_nuisance',
    hint: 'reports.categoryHint.public_nuisance',
    color: '#009e73',
  },
  overdose_response: {
    label: 'reports.category.overdose_response',
    hint: 'reports.categoryHint.overdose_response',
    color: '#cc79a7',
  },
  other: { label: 'reports.category.other', hint: 'reports.categoryHint.other', color: '#6b7780' },
};

export const REPORT_STATUS_LABEL: Record<ReportStatus, MessageKey> = {
  open: 'reports.status.open',
  discussed: 'reports.status.discussed',
  closed: 'reports.status.closed',
};

export { REPORT_CATEGORIES };
