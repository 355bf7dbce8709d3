import { describe, expect, it } from 'vitest';
import { parseImportErrors } from './importErrors.ts';

const problem = (field: string, code = 'invalid_format', message = 'wrong') => ({
  field,
  code,
  message,
});

describe('parseImportErrors', () => {
  it('reads the row and column out of rows.<n>.<column>', () => {
    expect(parseImportErrors([problem('rows.3.cbs_code', 'invalid_format', 'GM0453')])).toEqual([
      { row: 3, column: 'cbs_code', code: 'invalid_format', message: 'GM0453' },
    ]);
  });

  it('puts header problems on row 1 and whole-row problems without a column', () => {
    expect(parseImportErrors([problem('header'), problem('rows.7')])).toEqual([
      { row: 1, column: null, code: 'invalid_format', message: 'wrong' },
      { row: 7, column: null, code: 'invalid_format', message: 'wrong' },
    ]);
  });

  it('takes the column of a header problem from the quotes in its message', () => {
    const message = 'Unknown column "muncipality"; the columns are name, municipality.';
    expect(parseImportErrors([problem('header', 'unknown_column', message)])).toEqual([
      { row: 1, column: 'muncipality', code: 'unknown_column', message },
    ]);
  });

  it('treats file and rows as problems of the whole file', () => {
    expect(parseImportErrors([problem('file', 'not_utf8'), problem('rows', 'no_rows')])).toEqual([
      { row: null, column: null, code: 'not_utf8', message: 'wrong' },
      { row: null, column: null, code: 'no_rows', message: 'wrong' },
    ]);
  });

  it('sorts by row number (not as text) and then by the order of the CSV columns', () => {
    const cells = parseImportErrors([
      problem('rows.10.name'),
      problem('rows.2.dna_tags'),
      problem('rows.2.name'),
      problem('rows.2.municipality'),
    ]);
    expect(cells.map((cell) => `${cell.row}:${cell.column}`)).toEqual([
      '2:name',
      '2:municipality',
      '2:dna_tags',
      '10:name',
    ]);
  });

  it('keeps a problem it cannot place, on no row, first', () => {
    expect(parseImportErrors([problem('rows.2.name'), problem('body', 'too_big')])).toEqual([
      { row: null, column: 'body', code: 'too_big', message: 'wrong' },
      { row: 2, column: 'name', code: 'invalid_format', message: 'wrong' },
    ]);
  });
});
