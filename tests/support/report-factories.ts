import type { FieldReport, Kit, ReportCategory } from '@samverkan/contracts';
import type { ApiClient } from './http';

/** An instant `ms` milliseconds from now (negative: in the past), as ISO 8601. */
export function ago(ms: number, from: Date = new Date()): string {
  return new Date(from.getTime() - ms).toISOString();
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A field report through the public API; fails the test with the response when it is refused. */
export async function createReport(
  by: ApiClient,
  body: { category?: ReportCategory; siteId?: string; zoneId?: string; occurredAt?: string; body?: string } = {},
): Promise<FieldReport> {
  const response = await by.post('/api/reports', {
    category: body.category ?? 'public_nuisance',
    occurredAt: body.occurredAt ?? ago(HOUR),
    body: body.body ?? 'Sprutor hittade vid cykelstället.',
    ...(body.siteId ? { siteId: body.siteId } : {}),
    ...(body.zoneId ? { zoneId: body.zoneId } : {}),
  });
  if (response.status !== 201) throw new Error(`Creating a report failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A naloxone kit registered by a police user for their organisation. */
export async function createKit(by: ApiClient, body: { label?: string; batch?: string; expiresOn: string }): Promise<Kit> {
  const response = await by.post('/api/kits', { label: body.label ?? 'Piket 3', batch: body.batch ?? 'NX-2026-118', expiresOn: body.expiresOn });
  if (response.status !== 201) throw new Error(`Registering a kit failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
