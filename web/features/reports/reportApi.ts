// The calls the report page makes to /api/v1/orgs/:orgSlug/labs/:labId/report, in one place so
// the page, the job poller and the tests agree on paths, methods and payloads.
import { z } from 'zod';
import {
  reportState,
  reportVersion,
  type ReportEditorial,
  type ReportExportFile,
  type ReportState,
  type ReportVersion,
} from '../../../common/reports.ts';
import { api } from '../../api/client.ts';

/** The API path of a lab's report (relative to /api/v1, as api() wants it). */
export function reportPath(orgSlug: string, labId: string): string {
  return `/orgs/${encodeURIComponent(orgSlug)}/labs/${encodeURIComponent(labId)}/report`;
}

/** The download address of one file of a finalised version, for a plain link. */
export function exportUrl(
  orgSlug: string,
  labId: string,
  version: number,
  file: ReportExportFile,
): string {
  return `/api/v1${reportPath(orgSlug, labId)}/versions/${version}/export/${file}`;
}

/** Loads the working report, its job and its versions. */
export function loadReport(orgSlug: string, labId: string): Promise<ReportState> {
  return api('GET', reportPath(orgSlug, labId), { schema: reportState });
}

/**
 * Asks for a (new) generation and answers with the report as it stands afterwards; the job's
 * own answer is not relied on, so the page always shows what GET says.
 */
export async function generateReport(orgSlug: string, labId: string): Promise<ReportState> {
  await api('POST', `${reportPath(orgSlug, labId)}/generate`, { body: {} });
  return loadReport(orgSlug, labId);
}

/** Stores the facilitator's edits and answers with the report as it stands afterwards. */
export async function saveEditorial(
  orgSlug: string,
  labId: string,
  editorial: ReportEditorial,
): Promise<ReportState> {
  await api('PUT', `${reportPath(orgSlug, labId)}/editorial`, { body: editorial });
  return loadReport(orgSlug, labId);
}

/** The number the server gave a new version; other fields of its answer are not needed here. */
const createdVersion = z.object({ version: z.number().int().min(1) });

/** Freezes the current draft as a new version and answers with that version's number. */
export async function finaliseReport(orgSlug: string, labId: string): Promise<number> {
  const created = await api('POST', `${reportPath(orgSlug, labId)}/versions`, {
    body: {},
    schema: createdVersion,
  });
  return created.version;
}

/** Loads one finalised version with its frozen document. */
export function loadVersion(
  orgSlug: string,
  labId: string,
  version: number,
): Promise<ReportVersion> {
  return api('GET', `${reportPath(orgSlug, labId)}/versions/${version}`, {
    schema: reportVersion,
  });
}

/** Only the new item's id is needed: the page moves on to the item's own editor. */
const publishedItem = z.object({ id: z.string().min(1) });

/** Makes a knowledge-base draft of a version (the whole report or a short text); gives its id. */
export async function publishVersion(
  orgSlug: string,
  labId: string,
  version: number,
  mode: 'full' | 'summary',
): Promise<string> {
  const item = await api('POST', `${reportPath(orgSlug, labId)}/versions/${version}/publish`, {
    body: { mode },
    schema: publishedItem,
  });
  return item.id;
}
