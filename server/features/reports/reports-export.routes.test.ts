import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { problem } from '../../../common/problem.ts';
import { reportExportFiles } from '../../../common/reports.ts';
import { labReportVersions, labs } from '../../db/schema.ts';
import {
  createActor,
  createOrg,
  createTestContext,
  request,
  type Actor,
  type TestContext,
} from '../../testing/harness.ts';
import { fixtureRaw, fixtureReport } from './export/report.fixture.ts';
import { exportFilename, safeFileStem } from './reports-export.service.ts';

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
let orgB: Org;
let memberA: Actor;
let adminB: Actor;

beforeEach(async () => {
  orgA = await createOrg(t, 'IJmond');
  orgB = await createOrg(t, 'Zuid-Kennemerland');
  memberA = await createActor(t, { org: orgA, role: 'member' });
  adminB = await createActor(t, { org: orgB, role: 'admin' });
});

/** A closed lab of org A with version 1 stored as the report job would store it. */
async function createLabWithVersion(title = 'Regiolab IJmond'): Promise<string> {
  const db = t.database.db;
  const [lab] = await db
    .insert(labs)
    .values({ orgId: orgA.id, title, kind: 'regional', status: 'closed' })
    .returning();
  if (!lab) throw new Error('lab not created');
  await db.insert(labReportVersions).values({
    labId: lab.id,
    version: 1,
    document: { ...fixtureReport(), labId: lab.id, version: 1 },
    raw: fixtureRaw(),
    licence: 'CC-BY-SA-4.0',
  });
  return lab.id;
}

const exportUrl = (org: Org, labId: string, version: number | string, file: string) =>
  `/api/v1/orgs/${org.slug}/labs/${labId}/report/versions/${version}/export/${file}`;

describe('GET /orgs/:orgSlug/labs/:labId/report/versions/:version/export/:file', () => {
  it('401 when signed out', async () => {
    const labId = await createLabWithVersion();
    const response = await request(t, null, {
      method: 'GET',
      url: exportUrl(orgA, labId, 1, 'report.pdf'),
    });
    expect(response.statusCode).toBe(401);
  });

  it("404 for another organisation's lab and for a version that does not exist", async () => {
    const labId = await createLabWithVersion();
    for (const [actor, org, version] of [
      [adminB, orgB, 1],
      [adminB, orgA, 1],
      [memberA, orgA, 2],
    ] as const) {
      const response = await request(t, actor, {
        method: 'GET',
        url: exportUrl(org, labId, version, 'report.md'),
      });
      expect(response.statusCode).toBe(404);
      expect(problem.parse(response.json()).code).toBe('not_found');
    }
  });

  it('400 naming the field for an unknown file or a malformed version', async () => {
    const labId = await createLabWithVersion();
    for (const [version, file, field] of [
      [1, 'report.exe', 'file'],
      ['een', 'report.pdf', 'version'],
      [0, 'report.pdf', 'version'],
    ] as const) {
      const response = await request(t, memberA, {
        method: 'GET',
        url: exportUrl(orgA, labId, version, file),
      });
      expect(response.statusCode).toBe(400);
      expect(problem.parse(response.json()).errors?.map((e) => e.field)).toContain(field);
    }
  });

  it('sends every file as an attachment with its type and a safe name', async () => {
    const labId = await createLabWithVersion();
    const expected: Record<string, [string, string]> = {
      'report.pdf': ['application/pdf', 'regiolab-ijmond-v1.pdf'],
      'report.md': ['text/markdown; charset=utf-8', 'regiolab-ijmond-v1.md'],
      'report.docx': [
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'regiolab-ijmond-v1.docx',
      ],
      'data.xlsx': [
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'regiolab-ijmond-v1.xlsx',
      ],
      'notes.csv': ['text/csv; charset=utf-8', 'regiolab-ijmond-v1-notes.csv'],
      'votes.csv': ['text/csv; charset=utf-8', 'regiolab-ijmond-v1-votes.csv'],
      'scores.csv': ['text/csv; charset=utf-8', 'regiolab-ijmond-v1-scores.csv'],
      'actions.csv': ['text/csv; charset=utf-8', 'regiolab-ijmond-v1-actions.csv'],
    };
    for (const file of reportExportFiles) {
      const response = await request(t, memberA, {
        method: 'GET',
        url: exportUrl(orgA, labId, 1, file),
      });
      expect(response.statusCode, file).toBe(200);
      const [type, name] = expected[file] ?? ['', ''];
      expect(response.headers['content-type'], file).toBe(type);
      expect(response.headers['content-disposition'], file).toBe(`attachment; filename="${name}"`);
      expect(response.headers['cache-control'], file).toContain('private');
    }
    const pdf = await request(t, memberA, {
      method: 'GET',
      url: exportUrl(orgA, labId, 1, 'report.pdf'),
    });
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const markdown = await request(t, memberA, {
      method: 'GET',
      url: exportUrl(orgA, labId, 1, 'report.md'),
    });
    expect(markdown.body).toContain('## Trendscan: één blik vooruit');
    const docx = await request(t, memberA, {
      method: 'GET',
      url: exportUrl(orgA, labId, 1, 'report.docx'),
    });
    const zip = await JSZip.loadAsync(docx.rawPayload);
    expect(await zip.file('word/document.xml')?.async('string')).toContain('Citaten uit de zaal');
    const xlsx = await request(t, memberA, {
      method: 'GET',
      url: exportUrl(orgA, labId, 1, 'data.xlsx'),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      xlsx.rawPayload as unknown as Parameters<typeof workbook.xlsx.load>[0],
    );
    expect(workbook.getWorksheet('Notities')?.getRow(2).getCell(3).value).toBe(
      'Meer groen op het Plein 1945',
    );
    const csv = await request(t, memberA, {
      method: 'GET',
      url: exportUrl(orgA, labId, 1, 'notes.csv'),
    });
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain("'=HYPERLINK");
  });

  it('turns a hostile lab title into a safe ASCII file name', async () => {
    const hostile = 'Café "één"\r\n/../..\\; filename=evil.exe\u202e\t Ĳmuiden 🚲';
    const labId = await createLabWithVersion(hostile);
    const response = await request(t, memberA, {
      method: 'GET',
      url: exportUrl(orgA, labId, 1, 'report.pdf'),
    });
    expect(response.statusCode).toBe(200);
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toBe('attachment; filename="cafe-een-filename-evil-exe-ijmuiden-v1.pdf"');
    expect(disposition).toMatch(/^attachment; filename="[a-z0-9-]+\.[a-z]+"$/);
  });
});

describe('safeFileStem', () => {
  it('keeps ASCII letters, digits and single hyphens, and never returns an empty name', () => {
    expect(safeFileStem('Binnenstadslab IJmuiden 2026')).toBe('binnenstadslab-ijmuiden-2026');
    expect(safeFileStem('"/\\\n\u0000')).toBe('verslag');
    expect(safeFileStem('x'.repeat(200))).toHaveLength(60);
    expect(exportFilename('Lab', 3, 'scores.csv')).toBe('lab-v3-scores.csv');
  });
});
