import { describe, expect, it } from 'vitest';
import { detectDelimiter, placeKey, readPlacesCsv } from './places.csv.ts';

describe('readPlacesCsv', () => {
  it('reads the delimiter off the header row', () => {
    expect(detectDelimiter('name;municipality\nA,B;C')).toBe(';');
    expect(detectDelimiter('name,municipality\nA;B,C')).toBe(',');
  });

  it('splits tags on | and ; whatever the delimiter', () => {
    const semicolons = readPlacesCsv('name;municipality;dna_tags\nA;B;"x;y|z"\n');
    expect(semicolons.errors).toEqual([]);
    expect(semicolons.places[0]?.place.dnaTags).toEqual(['x', 'y', 'z']);
    const commas = readPlacesCsv('name,municipality,dna_tags\nA,B, x | y ;\n');
    expect(commas.places[0]?.place.dnaTags).toEqual(['x', 'y']);
  });

  it('treats empty optional cells as absent', () => {
    const { places, errors } = readPlacesCsv('name,municipality,cbs_code,description\nA,B, ,\n');
    expect(errors).toEqual([]);
    expect(places).toEqual([{ row: 2, place: { name: 'A', municipality: 'B', cbsCode: null } }]);
  });

  it('numbers rows as a spreadsheet does, counting blank lines and not line breaks in cells', () => {
    const csv = 'name;municipality\n"Twee\nregels";Velsen\n\n;Velsen\n';
    const { errors } = readPlacesCsv(csv);
    expect(errors.map((e) => e.field)).toEqual(['rows.4.name']);
  });

  it('reports a quote that is never closed', () => {
    const { errors, places } = readPlacesCsv('name;municipality\nA;B\n"C;D\n');
    expect(errors).toEqual([expect.objectContaining({ field: 'rows.3', code: 'malformed_csv' })]);
    expect(places).toHaveLength(1);
  });

  it('reports filled cells beyond the header but forgives empty ones', () => {
    const { errors } = readPlacesCsv('name;municipality\nA;B;;\nC;D;extra\n');
    expect(errors).toEqual([expect.objectContaining({ field: 'rows.3', code: 'too_many_cells' })]);
  });

  it('forgives an unnamed column unless it holds data', () => {
    expect(readPlacesCsv('name;municipality;\nA;B;\n').errors).toEqual([]);
    expect(readPlacesCsv('name;municipality;\nA;B;\nC;D;x\n').errors).toEqual([
      expect.objectContaining({ field: 'header', code: 'unnamed_column' }),
    ]);
  });

  it('names a column given twice', () => {
    const { errors } = readPlacesCsv('name;municipality;Name\nA;B;C\n');
    expect(errors).toEqual([
      expect.objectContaining({ field: 'header', code: 'duplicate_column' }),
    ]);
  });

  it('names every tag problem in the dna_tags cell', () => {
    const { errors } = readPlacesCsv(
      `name;municipality;dna_tags\nA;B;${'x'.repeat(41)}|ok|${'y'.repeat(41)}\n`,
    );
    expect(errors.map((e) => [e.field, e.message.slice(0, 6)])).toEqual([
      ['rows.2.dna_tags', 'tag 1:'],
      ['rows.2.dna_tags', 'tag 3:'],
    ]);
  });
});

describe('placeKey', () => {
  it('ignores case and surrounding spaces', () => {
    expect(placeKey({ name: ' IJmuiden', municipality: 'VELSEN ' })).toBe(
      placeKey({ name: 'ijmuiden', municipality: 'velsen' }),
    );
    expect(placeKey({ name: 'a b', municipality: 'c' })).not.toBe(
      placeKey({ name: 'a', municipality: 'b c' }),
    );
  });
});
