import type { ShopApplication, ShopApplicationStatus } from '../../../services/contracts';
import { formatDateTime } from '../../../shared/time-text';

export const APPLICATION_TABS: Array<{ value: ShopApplicationStatus; label: string }> = [
  { value: 'pending', label: '待审核' },
  { value: 'approved', label: '已通过' },
  { value: 'rejected', label: '已驳回' },
];

export const EMPTY_TEXT: Record<ShopApplicationStatus, string> = {
  pending: '没有待审核的开店申请',
  approved: '还没有通过的申请',
  rejected: '还没有驳回的申请',
};

export function isApplicationStatus(value: unknown): value is ShopApplicationStatus {
  return value === 'pending' || value === 'approved' || value === 'rejected';
}

export interface ApplicationRow {
  id: string;
  shopName: string;
  contact: string;
  applicant: string;
  timeText: string;
  licenseUrl: string;
  /** Rejected: why. */
  reason: string;
  canReview: boolean;
}

export function applicationRow(a: ShopApplication): ApplicationRow {
  const reviewed = a.reviewedAt ? `，审核于 ${formatDateTime(a.reviewedAt)}` : '';
  return {
    id: a.id,
    shopName: a.shopName,
    contact: `${a.contactName} ${a.phone}`,
    applicant: a.openid,
    timeText: `申请于 ${formatDateTime(a.createdAt)}${reviewed}`,
    licenseUrl: a.licenseUrl,
    reason: a.status === 'rejected' ? a.reason ?? '' : '',
    canReview: a.status === 'pending',
  };
}
