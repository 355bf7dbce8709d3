// Turns the problem of a refused CSV import into a report a person can fix row by row.
import type { FieldProblem } from '../../../common/problem.ts';
import { placeCsvColumns } from '../../../common/places.ts';

export interface ImportCellError {
  /** Row as a spreadsheet numbers it (the header is row 1); null when the problem is the whole file. */
  row: number | null;
  /** CSV column name, or null when the problem is the whole row or file. */
  column: string | null;
  code: string;
  message: string;
}

const HEADER_ROW = 1;
/** Fields that stand for the whole file: `file` (not UTF-8), `rows` (none, or too many). */
const WHOLE_FILE_FIELDS = new Set(['', 'file', 'rows']);
const QUOTED = /"([^"]+)"/;

function columnOrder(column: string | null): number {
  const index = column === null ? -1 : (placeCsvColumns as readonly string[]).indexOf(column);
  return index === -1 && column !== null ? placeCsvColumns.length : index;
}

/**
 * Reads the `file`, `header`, `rows`, `rows.<n>` and `rows.<n>.<column>` fields of docs/places-import.md
 * into cells, sorted by row and then column order.
 */
export function parseImportErrors(errors: readonly FieldProblem[]): ImportCellError[] {
  const cells = errors.map(({ field, code, message }): ImportCellError => {
    const [first, second, ...rest] = field.split('.');
    if (first === 'rows' && second !== undefined && /^\d+$/.test(second)) {
      return {
        row: Number(second),
        column: rest.length > 0 ? rest.join('.') : null,
        code,
        message,
      };
    }
    if (first === 'header') {
      // Header problems name the column only in the message ('Unknown column "muncipality"').
      const named = second ?? QUOTED.exec(message)?.[1] ?? null;
      return { row: HEADER_ROW, column: named, code, message };
    }
    if (WHOLE_FILE_FIELDS.has(field)) return { row: null, column: null, code, message };
    return { row: null, column: field, code, message };
  });
  return cells.sort(
    (a, b) =>
      (a.row ?? 0) - (b.row ?? 0) ||
      columnOrder(a.column) - columnOrder(b.column) ||
      (a.column ?? '').localeCompare(b.column ?? ''),
  );
}
