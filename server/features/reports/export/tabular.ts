// A version's raw data as spreadsheets: one CSV per table (RFC 4180, UTF-8 with a byte order mark
// so Excel reads accents right) and one XLSX workbook with a sheet per table.
import ExcelJS from 'exceljs';
import { rawTables, type RawTableName, type ReportRawData } from '../../../../common/reports.ts';

type Cell = string | number | null;

/** The sheet names, in Dutch, in the order of rawTables. */
const SHEET_NAMES: Record<RawTableName, string> = {
  notes: 'Notities',
  votes: 'Stemmen',
  scores: 'Scores',
  actions: 'Acties',
};

function rowsOf(raw: ReportRawData, table: RawTableName): Cell[][] {
  const columns: readonly string[] = rawTables[table];
  const records = raw[table] as readonly Record<string, unknown>[];
  return records.map((record) =>
    columns.map((column) => {
      const value = record[column];
      return typeof value === 'number' || typeof value === 'string' ? value : null;
    }),
  );
}

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, or a leading tab or carriage
 * return) gets an apostrophe in front, so opening a CSV never executes what a participant typed.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : guardFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Renders one raw table as CSV: header row, CRLF line ends, BOM first, formulas defused. */
export function renderRawCsv(raw: ReportRawData, table: RawTableName): string {
  const lines = [rawTables[table].map(csvField), ...rowsOf(raw, table).map((r) => r.map(csvField))];
  return `\uFEFF${lines.map((fields) => fields.join(',')).join('\r\n')}\r\n`;
}

/**
 * Renders all raw tables as one XLSX workbook: a sheet per table, bold frozen header row. Cells
 * are typed text and numbers, never formulas, so nothing a participant typed is evaluated.
 */
export async function renderRawXlsx(raw: ReportRawData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Stadshart';
  for (const table of Object.keys(rawTables) as RawTableName[]) {
    const columns = rawTables[table];
    const sheet = workbook.addWorksheet(SHEET_NAMES[table], {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = columns.map((column) => ({
      header: column,
      key: column,
      width: column === 'text' || column === 'title' || column === 'target' ? 60 : 18,
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rowsOf(raw, table)) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
