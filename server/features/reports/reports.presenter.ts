// What leaves the server of a lab's report: its state for the editor and its frozen versions.
import {
  reportDocument,
  type ReportEditorial,
  type ReportJobStatus,
  type ReportState,
  type ReportVersion,
  type ReportVersionSummary,
  type LicenceCode,
  licenceCode,
  DEFAULT_LICENCE,
} from '../../../common/reports.ts';
import type { LabRow } from '../labs/labs.repo.ts';
import type { GeneratedReport } from './reports.build.ts';
import { composeReport, middleSections } from './reports.compose.ts';
import type { ReportRow, VersionWithAuthor } from './reports.repo.ts';

function licenceOf(value: string): LicenceCode {
  const parsed = licenceCode.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_LICENCE;
}

/** A version as the list shows it: number, title, when and by whom, licence. */
export function presentVersionSummary(row: VersionWithAuthor): ReportVersionSummary {
  const document = row.version.document as { cover?: { title?: unknown } } | null;
  const title = typeof document?.cover?.title === 'string' ? document.cover.title : '';
  return {
    version: row.version.version,
    title,
    finalisedAt: row.version.finalisedAt.toISOString(),
    finalisedBy: row.finalisedByName,
    licence: licenceOf(row.version.licence),
  };
}

/** A version with its frozen document, exactly as it was finalised. */
export function presentVersion(row: VersionWithAuthor): ReportVersion {
  return {
    ...presentVersionSummary(row),
    document: reportDocument.parse(row.version.document),
  };
}

/** The working report as GET …/report answers it (common/reports.ts reportState). */
export function presentReportState(input: {
  lab: LabRow;
  row: ReportRow | null;
  generated: GeneratedReport | null;
  editorial: ReportEditorial;
  versions: VersionWithAuthor[];
  canGenerate: boolean;
  mayEdit: boolean;
  stale: boolean;
  now: Date;
}): ReportState {
  const { row, generated, editorial } = input;
  const status: ReportJobStatus = row?.jobStatus ?? 'idle';
  const hidden = new Set(editorial.hidden);
  return {
    labId: input.lab.id,
    labTitle: input.lab.title,
    labStatus: input.lab.status,
    canGenerate: input.canGenerate,
    can: { edit: input.mayEdit, publish: input.mayEdit },
    job: {
      status,
      progress: Math.max(0, Math.min(100, row?.progress ?? 0)),
      step: row?.step ?? null,
      error: status === 'failed' ? (row?.error ?? null) : null,
      requestedAt: row?.requestedAt?.toISOString() ?? null,
      finishedAt: row?.finishedAt?.toISOString() ?? null,
    },
    editorial,
    preview: generated
      ? composeReport(generated, editorial, { version: 0, year: input.now.getFullYear() })
      : null,
    sections: generated
      ? middleSections(generated, editorial).map((section) => ({
          key: section.key,
          title: section.title,
          hidden: hidden.has(section.key),
        }))
      : [],
    quotableNotes: generated?.quotableNotes ?? [],
    versions: input.versions.map(presentVersionSummary),
    stale: input.stale,
  };
}
