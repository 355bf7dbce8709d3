// Turning a finalised report version into a file: who may download it, which renderer makes it,
// and the name and type it is sent with. Exports read only the stored version, so a version gives
// the same content on every download and in every format (docs/reports.md, "Exports").
import {
  reportDocument,
  reportRawData,
  type RawTableName,
  type ReportExportFile,
} from '../../../common/reports.ts';
import type { OrgActor } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { notFound } from '../../http/problem.ts';
import { canSeeLab } from '../labs/labs.policy.ts';
import { isLabFacilitator } from '../labs/labs.repo.ts';
import { renderReportDocx } from './export/docx.ts';
import { renderReportMarkdown } from './export/markdown.ts';
import { renderReportPdf } from './export/pdf.ts';
import { renderRawCsv, renderRawXlsx } from './export/tabular.ts';
import { findExportableVersion } from './reports-export.repo.ts';

/** A rendered export, ready to send. */
export interface ExportedFile {
  body: Buffer | string;
  contentType: string;
  /** ASCII only, safe inside a quoted content-disposition filename. */
  filename: string;
}

const FILENAME_STEM_MAX = 60;

/**
 * A file name stem from a lab title that is safe anywhere: ASCII letters, digits and hyphens
 * only (accents dropped, everything else a hyphen), at most 60 characters, never empty.
 */
export function safeFileStem(title: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[Ĳĳ]/g, (c) => (c === 'Ĳ' ? 'IJ' : 'ij'))
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .slice(0, FILENAME_STEM_MAX)
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return stem === '' ? 'verslag' : stem;
}

const CSV_TABLES: Partial<Record<ReportExportFile, RawTableName>> = {
  'notes.csv': 'notes',
  'votes.csv': 'votes',
  'scores.csv': 'scores',
  'actions.csv': 'actions',
};

/** The file name a download gets: `<lab>-v<version>.<ext>`, with the table's name for a CSV. */
export function exportFilename(labTitle: string, version: number, file: ReportExportFile): string {
  const stem = `${safeFileStem(labTitle)}-v${version}`;
  const table = CSV_TABLES[file];
  if (table) return `${stem}-${table}.csv`;
  return `${stem}.${file.slice(file.lastIndexOf('.') + 1)}`;
}

/**
 * Renders one file of a finalised version for an active member of the lab's organisation who may
 * see the lab; 404 for another organisation's lab and for a version that does not exist.
 */
export async function exportReportFile(
  ctx: AppContext,
  actor: OrgActor,
  labId: string,
  version: number,
  file: ReportExportFile,
): Promise<ExportedFile> {
  const db = ctx.database.db;
  const stored = await findExportableVersion(db, labId, version);
  if (!stored || stored.orgId !== actor.orgId) throw notFound('This report version');
  const standing = {
    role: actor.role,
    isLabFacilitator: await isLabFacilitator(db, labId, actor.auth.user.id),
  };
  if (!canSeeLab(standing, stored.labStatus)) throw notFound('This report version');
  const filename = exportFilename(stored.labTitle, stored.version, file);

  const table = CSV_TABLES[file];
  if (table) {
    return {
      body: renderRawCsv(reportRawData.parse(stored.raw), table),
      contentType: 'text/csv; charset=utf-8',
      filename,
    };
  }
  switch (file) {
    case 'data.xlsx':
      return {
        body: await renderRawXlsx(reportRawData.parse(stored.raw)),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        filename,
      };
    case 'report.pdf':
      return {
        body: await renderReportPdf(reportDocument.parse(stored.document)),
        contentType: 'application/pdf',
        filename,
      };
    case 'report.docx':
      return {
        body: await renderReportDocx(reportDocument.parse(stored.document)),
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        filename,
      };
    default:
      return {
        body: renderReportMarkdown(reportDocument.parse(stored.document)),
        contentType: 'text/markdown; charset=utf-8',
        filename,
      };
  }
}
