import fs from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  IMPORT_BYTES_MAX,
  IMPORT_ROWS_MAX,
  importResult,
  placeCsvColumns,
} from '../../../common/places.ts';
import type { FieldProblem } from '../../../common/problem.ts';
import { places } from '../../db/schema.ts';
import {
  createActor,
  createOrg,
  createTestContext,
  request,
  type Actor,
  type TestContext,
} from '../../testing/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

interface Org {
  id: string;
  slug: string;
}

let orgA: Org;
let facilitatorA: Actor;
let memberA: Actor;
let adminB: Actor;

beforeEach(async () => {
  orgA = await createOrg(t, 'IJmond');
  facilitatorA = await createActor(t, { org: orgA, role: 'facilitator' });
  memberA = await createActor(t, { org: orgA, role: 'member' });
  adminB = await createActor(t, { org: await createOrg(t, 'Elders'), role: 'admin' });
});

function importCsv(actor: Actor | null, org: Org, csv: string | Buffer, type = 'text/csv') {
  return request(t, actor, {
    method: 'POST',
    url: `/api/v1/orgs/${org.slug}/places/import`,
    headers: { 'content-type': type },
    payload: csv,
  });
}

async function placeRows(org: Org) {
  return t.database.db.select().from(places).where(eq(places.orgId, org.id));
}

function errorsOf(response: { json: <T>() => T }): FieldProblem[] {
  return response.json<{ errors: FieldProblem[] }>().errors;
}

const exampleCsv = () => fs.readFile('docs/examples/places-ijmond.csv', 'utf8');

describe('POST /orgs/:orgSlug/places/import', () => {
  it('answers 401 when signed out, 404 for another organisation, 403 for a member', async () => {
    const csv = await exampleCsv();
    expect((await importCsv(null, orgA, csv)).statusCode).toBe(401);
    expect((await importCsv(adminB, orgA, csv)).statusCode).toBe(404);
    expect((await importCsv(memberA, orgA, csv)).statusCode).toBe(403);
    expect(await placeRows(orgA)).toEqual([]);
  });

  it('imports the documented example file', async () => {
    const response = await importCsv(facilitatorA, orgA, await exampleCsv());
    expect(response.statusCode).toBe(201);
    const result = importResult.parse(response.json());
    expect(result.imported).toBe(3);
    expect(result.places[0]).toEqual({
      id: expect.any(String) as string,
      name: 'IJmuiden',
      municipality: 'Velsen',
      cbsCode: 'GM0453',
      description:
        'Havenstad aan het Noordzeekanaal; het centrum ligt tussen de sluizen, de visafslag en het strand.',
      dnaTags: ['industrie', 'staal', 'vis', 'haven'],
      regions: [],
      createdAt: expect.any(String) as string,
      updatedAt: expect.any(String) as string,
    });
    expect(await placeRows(orgA)).toHaveLength(3);
  });

  it('reads a comma-delimited file with a byte order mark, CRLF and columns in any order', async () => {
    const csv = [
      '\uFEFFMunicipality,Name,DNA_tags',
      'Velsen,IJmuiden,"staal;vis"',
      'Velsen,Velsen-Noord,',
      '',
    ].join('\r\n');
    const response = await importCsv(facilitatorA, orgA, csv, 'text/csv; charset=utf-8');
    expect(response.statusCode).toBe(201);
    const result = importResult.parse(response.json());
    expect(result.places.map((p) => [p.name, p.dnaTags])).toEqual([
      ['IJmuiden', ['staal', 'vis']],
      ['Velsen-Noord', []],
    ]);
  });

  it('answers 415 for anything but text/csv, naming the accepted type', async () => {
    for (const type of ['application/json', 'text/plain', 'application/vnd.ms-excel']) {
      const response = await importCsv(facilitatorA, orgA, await exampleCsv(), type);
      expect(response.statusCode).toBe(415);
      expect(response.json<{ detail: string }>().detail).toContain('text/csv');
    }
    expect(await placeRows(orgA)).toEqual([]);
  });

  it('answers 413 for a file over IMPORT_BYTES_MAX', async () => {
    const header = 'name;municipality;description\n';
    const row = `Plaats;Velsen;${'x'.repeat(1000)}\n`;
    const csv = header + row.repeat(Math.ceil(IMPORT_BYTES_MAX / row.length) + 1);
    const response = await importCsv(facilitatorA, orgA, csv);
    expect(response.statusCode).toBe(413);
    expect(await placeRows(orgA)).toEqual([]);
  });

  it('names every bad cell, not just the first, and imports nothing', async () => {
    const csv = [
      'name;municipality;cbs_code;description;dna_tags',
      'IJmuiden;Velsen;GM0453;;staal|vis', // row 2: fine
      ';Velsen;XX;;', // row 3: no name, bad code
      `Beverwijk;;GM0375;;${'t'.repeat(41)}`, // row 4: no municipality, tag too long
      'ijmuiden;VELSEN;;;', // row 5: same as row 2
      'Heemskerk;Heemskerk;GM0396;;', // row 6: fine
    ].join('\n');
    const response = await importCsv(facilitatorA, orgA, csv);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'import_failed' });
    expect(errorsOf(response).map((e) => e.field)).toEqual([
      'rows.3.name',
      'rows.3.cbs_code',
      'rows.4.municipality',
      'rows.4.dna_tags',
      'rows.5.name',
    ]);
    expect(await placeRows(orgA)).toEqual([]);
  });

  it('names rows that clash with places the organisation already has', async () => {
    await t.database.db
      .insert(places)
      .values({ orgId: orgA.id, name: 'IJmuiden', municipality: 'Velsen' });
    const csv = 'name,municipality\nHeemskerk,Heemskerk\nIJMUIDEN,velsen\n';
    const response = await importCsv(facilitatorA, orgA, csv);
    expect(response.statusCode).toBe(400);
    expect(errorsOf(response)).toEqual([
      expect.objectContaining({ field: 'rows.3.name', code: 'exists' }),
    ]);
    expect(await placeRows(orgA)).toHaveLength(1);
  });

  it('refuses a header without required columns or with unknown ones', async () => {
    const response = await importCsv(
      facilitatorA,
      orgA,
      'name;muncipality;tags\nIJmuiden;Velsen;x\n',
    );
    expect(response.statusCode).toBe(400);
    const errors = errorsOf(response);
    expect(errors.every((e) => e.field === 'header')).toBe(true);
    expect(errors.map((e) => e.code).sort()).toEqual([
      'missing_column',
      'unknown_column',
      'unknown_column',
    ]);
    expect(errors.find((e) => e.code === 'missing_column')?.message).toContain('municipality');
  });

  it(`refuses more than ${IMPORT_ROWS_MAX} rows`, async () => {
    const rows = Array.from({ length: IMPORT_ROWS_MAX + 1 }, (_, i) => `Plaats ${i};Velsen`);
    const response = await importCsv(facilitatorA, orgA, ['name;municipality', ...rows].join('\n'));
    expect(response.statusCode).toBe(400);
    expect(errorsOf(response)).toEqual([
      expect.objectContaining({ field: 'rows', code: 'too_many_rows' }),
    ]);
    expect(await placeRows(orgA)).toEqual([]);
  });

  it(`imports exactly ${IMPORT_ROWS_MAX} rows in one go`, async () => {
    const rows = Array.from({ length: IMPORT_ROWS_MAX }, (_, i) => `Plaats ${i};Velsen;;;a|b`);
    const response = await importCsv(
      facilitatorA,
      orgA,
      ['name;municipality;cbs_code;description;dna_tags', ...rows].join('\n'),
    );
    expect(response.statusCode).toBe(201);
    expect(importResult.parse(response.json()).imported).toBe(IMPORT_ROWS_MAX);
    expect(await placeRows(orgA)).toHaveLength(IMPORT_ROWS_MAX);
  });

  it('refuses an empty file and a file with only a header', async () => {
    for (const [csv, field] of [
      ['', 'header'],
      ['name;municipality\n\n', 'rows'],
    ] as const) {
      const response = await importCsv(facilitatorA, orgA, csv);
      expect(response.statusCode).toBe(400);
      expect(errorsOf(response)[0]?.field).toBe(field);
    }
  });

  it('refuses a file that is not UTF-8', async () => {
    const latin1 = Buffer.from(
      'name;municipality\nSint-Oedenrode;Meierijstad\nCaf\xe9;Velsen\n',
      'latin1',
    );
    const response = await importCsv(facilitatorA, orgA, latin1);
    expect(response.statusCode).toBe(400);
    expect(errorsOf(response)).toEqual([
      expect.objectContaining({ field: 'file', code: 'not_utf8' }),
    ]);
  });
});

// The property: for any file, either every row is imported or none is, and when none is, every
// invalid row is named and no valid row is.
describe('the CSV import as a whole', () => {
  type Kind =
    | 'valid'
    | 'emptyName'
    | 'emptyMunicipality'
    | 'badCbs'
    | 'longTag'
    | 'tooManyTags'
    | 'longDescription'
    | 'duplicate'
    | 'existing';
  const kinds: Kind[] = [
    'valid',
    'valid',
    'valid',
    'emptyName',
    'emptyMunicipality',
    'badCbs',
    'longTag',
    'tooManyTags',
    'longDescription',
    'duplicate',
    'existing',
  ];
  const tag = fc.stringMatching(/^[a-z][a-z -]{0,11}$/);
  const text = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('Haven; staal, vis', 'met "aanhalingstekens"', 'twee\nregels', ''),
  );
  const rowArb = fc.record({
    kind: fc.constantFrom(...kinds),
    hasCbs: fc.boolean(),
    description: text,
    tags: fc.array(tag, { maxLength: 4 }),
  });
  const fileArb = fc.record({
    rows: fc.array(rowArb, { minLength: 1, maxLength: 12 }),
    delimiter: fc.constantFrom(';', ','),
    tagSeparator: fc.constantFrom('|', ';'),
    newline: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    columns: fc.shuffledSubarray([...placeCsvColumns], { minLength: placeCsvColumns.length }),
  });

  it('imports all rows or none, and names every invalid row', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, async (file) => {
        const org = await createOrg(t, 'Eigenschap');
        const actor = await createActor(t, { org, role: 'facilitator' });
        await t.database.db
          .insert(places)
          .values({ orgId: org.id, name: 'Bestaand', municipality: 'Velsen' });

        const validSoFar: { name: string; municipality: string }[] = [];
        const expected: { row: number; isValid: boolean }[] = [];
        const records = file.rows.map((spec, index) => {
          const kind = spec.kind === 'duplicate' && validSoFar.length === 0 ? 'valid' : spec.kind;
          const copied = validSoFar[index % Math.max(validSoFar.length, 1)];
          const cells: Record<string, string> = {
            name: `Plaats ${index}`,
            municipality: 'Velsen',
            cbs_code: spec.hasCbs ? `GM${String(index).padStart(4, '0')}` : '',
            description: spec.description,
            dna_tags: spec.tags.join(file.tagSeparator),
          };
          if (kind === 'emptyName') cells.name = ' ';
          if (kind === 'emptyMunicipality') cells.municipality = '';
          if (kind === 'badCbs') cells.cbs_code = 'GM12';
          if (kind === 'longTag') cells.dna_tags = ['ok', 'x'.repeat(41)].join(file.tagSeparator);
          if (kind === 'tooManyTags') {
            cells.dna_tags = Array.from({ length: 21 }, (_, i) => `tag${i}`).join(
              file.tagSeparator,
            );
          }
          if (kind === 'longDescription') cells.description = 'x'.repeat(2001);
          if (kind === 'duplicate' && copied) {
            cells.name = copied.name.toUpperCase();
            cells.municipality = copied.municipality.toLowerCase();
          }
          if (kind === 'existing') {
            cells.name = 'bestaand';
            cells.municipality = 'VELSEN';
          }
          const isValid = kind === 'valid';
          if (isValid) validSoFar.push({ name: cells.name ?? '', municipality: 'Velsen' });
          expected.push({ row: index + 2, isValid });
          return file.columns.map((column) => cells[column] ?? '');
        });
        const csv =
          (file.bom ? '\uFEFF' : '') +
          Papa.unparse(
            { fields: file.columns, data: records },
            { delimiter: file.delimiter, newline: file.newline },
          );

        const response = await request(t, actor, {
          method: 'POST',
          url: `/api/v1/orgs/${org.slug}/places/import`,
          headers: { 'content-type': 'text/csv' },
          payload: csv,
        });
        const stored = await t.database.db
          .select()
          .from(places)
          .where(and(eq(places.orgId, org.id)));

        if (expected.every((e) => e.isValid)) {
          expect(response.statusCode).toBe(201);
          expect(importResult.parse(response.json()).imported).toBe(file.rows.length);
          expect(stored).toHaveLength(file.rows.length + 1);
          return;
        }
        expect(response.statusCode).toBe(400);
        expect(stored).toHaveLength(1);
        const reportedRows = new Set(
          errorsOf(response).map((error) => Number(/^rows\.(\d+)/.exec(error.field)?.[1])),
        );
        for (const { row, isValid } of expected) {
          expect(reportedRows.has(row), `row ${row} ${isValid ? 'valid' : 'invalid'}`).toBe(
            !isValid,
          );
        }
      }),
      { numRuns: 40 },
    );
  });
});
