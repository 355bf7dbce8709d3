// Reads a places CSV into checked place inputs, naming every cell that is wrong (docs/places-import.md).
import Papa from 'papaparse';
import type { FieldProblem } from '../../../common/problem.ts';
import {
  IMPORT_ROWS_MAX,
  placeCsvColumns,
  placeInput,
  type PlaceInput,
} from '../../../common/places.ts';

export type PlaceCsvColumn = (typeof placeCsvColumns)[number];

/** A row that passed every check, with its number as a spreadsheet shows it (header = 1). */
export interface CsvPlace {
  row: number;
  place: PlaceInput;
}

export interface CsvReadResult {
  places: CsvPlace[];
  errors: FieldProblem[];
}

const REQUIRED_COLUMNS: readonly PlaceCsvColumn[] = ['name', 'municipality'];
const HEADER_ROW = 1;
const BYTE_ORDER_MARK = '\uFEFF';
// What a UTF-8 decoder puts where the bytes were not UTF-8 (e.g. a Windows-1252 export).
const REPLACEMENT_CHARACTER = '\uFFFD';
/** Tags in one dna_tags cell are separated by `|` or `;`; either works with either delimiter. */
export const DNA_TAG_SEPARATOR = /[|;]/;

const fieldOfColumn: Record<PlaceCsvColumn, keyof PlaceInput> = {
  name: 'name',
  municipality: 'municipality',
  cbs_code: 'cbsCode',
  description: 'description',
  dna_tags: 'dnaTags',
};
const columnOfField = Object.fromEntries(
  Object.entries(fieldOfColumn).map(([column, field]) => [field, column]),
) as Record<keyof PlaceInput, PlaceCsvColumn>;

function isKnownColumn(name: string): name is PlaceCsvColumn {
  return (placeCsvColumns as readonly string[]).includes(name);
}

function problem(field: string, code: string, message: string): FieldProblem {
  return { field, code, message };
}

/**
 * The delimiter is read off the header row: it holds only column names, which contain neither
 * `;` nor `,`, so whichever appears there is the one the file uses. Dutch Excel writes `;`.
 */
export function detectDelimiter(text: string): ';' | ',' {
  const headerLine = text.split(/\r?\n/, 1)[0] ?? '';
  return headerLine.includes(';') ? ';' : ',';
}

/** The identity of a place within an organisation: name and municipality, case-insensitive. */
export function placeKey(place: { name: string; municipality: string }): string {
  return `${place.name.trim().toLowerCase()}\u0000${place.municipality.trim().toLowerCase()}`;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

function readHeader(
  cells: readonly string[],
  records: readonly string[][],
): { columns: (PlaceCsvColumn | null)[]; errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];
  const names = cells.map((cell) => cell.trim().toLowerCase());
  const columns = names.map((name, index): PlaceCsvColumn | null => {
    if (name === '') {
      // Excel adds an unnamed column for a stray delimiter; only data in it is a problem.
      const used = records.findIndex((record, row) => row > 0 && (record[index] ?? '').trim());
      if (used > 0) {
        errors.push(
          problem(
            'header',
            'unnamed_column',
            `Column ${index + 1} has no name in the header but holds data (row ${used + 1}).`,
          ),
        );
      }
      return null;
    }
    if (!isKnownColumn(name)) {
      errors.push(
        problem(
          'header',
          'unknown_column',
          `Unknown column "${cells[index]?.trim()}"; the columns are ${placeCsvColumns.join(', ')}.`,
        ),
      );
      return null;
    }
    if (names.indexOf(name) !== index) {
      errors.push(problem('header', 'duplicate_column', `Column "${name}" appears twice.`));
    }
    return name;
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!names.includes(required)) {
      errors.push(
        problem(
          'header',
          'missing_column',
          `The header has no "${required}" column; it is required.`,
        ),
      );
    }
  }
  return { columns, errors };
}

function tagsOf(cell: string): string[] {
  return cell
    .split(DNA_TAG_SEPARATOR)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/** What a row's cells mean as a place input, before any check. */
function candidateOf(cells: Partial<Record<PlaceCsvColumn, string>>): Record<string, unknown> {
  const cbsCode = cells.cbs_code?.trim() ?? '';
  const description = cells.description ?? '';
  const dnaTags = tagsOf(cells.dna_tags ?? '');
  return {
    name: cells.name ?? '',
    municipality: cells.municipality ?? '',
    cbsCode: cbsCode === '' ? null : cbsCode,
    ...(description.trim() === '' ? {} : { description }),
    ...(dnaTags.length === 0 ? {} : { dnaTags }),
  };
}

function readRow(
  record: readonly string[],
  row: number,
  columns: readonly (PlaceCsvColumn | null)[],
): { place: PlaceInput | null; errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];
  const extra = record.slice(columns.length);
  if (!isBlank(extra)) {
    errors.push(
      problem(
        `rows.${row}`,
        'too_many_cells',
        `Row ${row} has ${record.length} cells, but the header names ${columns.length} columns.`,
      ),
    );
  }
  const cells: Partial<Record<PlaceCsvColumn, string>> = {};
  columns.forEach((column, index) => {
    if (column) cells[column] = record[index] ?? '';
  });
  const parsed = placeInput.safeParse(candidateOf(cells));
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const column = columnOfField[issue.path[0] as keyof PlaceInput] ?? 'name';
      const field = `rows.${row}.${column}`;
      const tag = column === 'dna_tags' && typeof issue.path[1] === 'number' ? issue.path[1] : null;
      const message = tag === null ? issue.message : `tag ${tag + 1}: ${issue.message}`;
      if (seen.has(`${field}\u0000${message}`)) continue;
      seen.add(`${field}\u0000${message}`);
      errors.push(problem(field, issue.code, message));
    }
  }
  return { place: parsed.success && errors.length === 0 ? parsed.data : null, errors };
}

/**
 * Reads a places CSV: header row first, `;` or `,` as delimiter, optional UTF-8 byte order mark.
 * Every problem is reported, each named `header`, `rows`, `rows.<n>` or `rows.<n>.<column>`;
 * `places` holds the rows that passed, so callers import only when `errors` is empty. Rows that
 * clash with places already stored are the caller's to find.
 */
export function readPlacesCsv(input: string): CsvReadResult {
  const text = input.startsWith(BYTE_ORDER_MARK) ? input.slice(1) : input;
  if (text.includes(REPLACEMENT_CHARACTER)) {
    return {
      places: [],
      errors: [
        problem(
          'file',
          'not_utf8',
          'The file is not UTF-8 text. In Excel, save it as "CSV UTF-8 (comma delimited)".',
        ),
      ],
    };
  }
  const parsed = Papa.parse<string[]>(text, {
    delimiter: detectDelimiter(text),
    header: false,
    skipEmptyLines: false,
  });
  const records = parsed.data;
  const header = records[0];
  if (!header || isBlank(header)) {
    return {
      places: [],
      errors: [
        problem(
          'header',
          'missing_header',
          `The first row must name the columns: ${placeCsvColumns.join(', ')}.`,
        ),
      ],
    };
  }

  const errors: FieldProblem[] = [];
  const brokenRows = new Set<number>();
  for (const error of parsed.errors) {
    const row = (error.row ?? 0) + 1;
    brokenRows.add(row);
    errors.push(
      problem(row === HEADER_ROW ? 'header' : `rows.${row}`, 'malformed_csv', error.message),
    );
  }
  const { columns, errors: headerErrors } = readHeader(header, records);
  errors.push(...headerErrors);
  if (headerErrors.length > 0 || brokenRows.has(HEADER_ROW)) return { places: [], errors };

  const dataRows = records
    .map((record, index) => ({ record, row: index + 1 }))
    .filter(({ record, row }) => row > HEADER_ROW && !isBlank(record));
  if (dataRows.length === 0) {
    errors.push(problem('rows', 'no_rows', 'The file names the columns but holds no places.'));
    return { places: [], errors };
  }
  if (dataRows.length > IMPORT_ROWS_MAX) {
    errors.push(
      problem(
        'rows',
        'too_many_rows',
        `The file holds ${dataRows.length} places; one import takes at most ${IMPORT_ROWS_MAX}.`,
      ),
    );
    return { places: [], errors };
  }

  const places: CsvPlace[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { record, row } of dataRows) {
    if (brokenRows.has(row)) continue;
    const read = readRow(record, row, columns);
    errors.push(...read.errors);
    if (!read.place) continue;
    const key = placeKey(read.place);
    const earlier = firstRowOf.get(key);
    if (earlier !== undefined) {
      errors.push(
        problem(
          `rows.${row}.name`,
          'duplicate',
          `Row ${earlier} already has "${read.place.name}" in ${read.place.municipality}.`,
        ),
      );
      continue;
    }
    firstRowOf.set(key, row);
    places.push({ row, place: read.place });
  }
  return { places, errors };
}
