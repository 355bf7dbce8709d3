// The report page's requests against a fake fetch: paths, methods and the exact payloads.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultReportEditorial } from '../../../common/reports.ts';
import { richDocFromText } from '../../../common/richtext.ts';
import { ApiError } from '../../api/client.ts';
import {
  exportUrl,
  finaliseReport,
  generateReport,
  publishVersion,
  saveEditorial,
} from './reportApi.ts';
import { topLevelErrors } from './ReportEditor.tsx';
import { LAB_ID, stateWith, stubFetch } from './reports.testing.ts';

const base = `/api/v1/orgs/duinrand/labs/${LAB_ID}/report`;

afterEach(() => vi.unstubAllGlobals());

describe('report requests', () => {
  it('starts a generation (also a retry) and then reads the report as it stands', async () => {
    const queued = stateWith({
      job: {
        status: 'queued',
        progress: 0,
        step: null,
        error: null,
        requestedAt: '2026-03-02T10:00:00.000Z',
        finishedAt: null,
      },
    });
    const requests = stubFetch((request) =>
      request.method === 'POST'
        ? { status: 202, body: { ok: true } }
        : { status: 200, body: queued },
    );
    const answer = await generateReport('duinrand', LAB_ID);
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `POST ${base}/generate`,
      `GET ${base}`,
    ]);
    expect(answer.job.status).toBe('queued');
  });

  it('saves the editorial with PUT, exactly as drafted', async () => {
    const editorial = {
      ...defaultReportEditorial(),
      introduction: richDocFromText('Waarom dit lab.'),
      order: ['quotes', 'question'],
      hidden: ['synthesis'],
      quotedNoteIds: ['note-2', 'note-1'],
      licence: 'CC-BY-4.0' as const,
      attribution: 'Team binnenstad',
    };
    const requests = stubFetch((request) =>
      request.method === 'PUT'
        ? { status: 200, body: {} }
        : { status: 200, body: stateWith({ editorial }) },
    );
    const answer = await saveEditorial('duinrand', LAB_ID, editorial);
    expect(requests[0]).toEqual({ method: 'PUT', url: `${base}/editorial`, body: editorial });
    expect(answer.editorial).toEqual(editorial);
  });

  it('passes the field errors of a refused save on, under the editorial’s field names', async () => {
    stubFetch(() => ({
      status: 400,
      body: {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'invalid',
        code: 'validation_failed',
        errors: [
          { field: 'order.2', code: 'invalid_format', message: 'a section key' },
          { field: 'attribution', code: 'too_big', message: 'too long' },
        ],
      },
    }));
    const caught = await saveEditorial('duinrand', LAB_ID, defaultReportEditorial()).catch(
      (error: unknown) => error,
    );
    expect(caught).toBeInstanceOf(ApiError);
    const fields = Object.fromEntries(
      ((caught as ApiError).problem.errors ?? []).map((e) => [e.field, e.message]),
    );
    expect(topLevelErrors({ general: null, fields }).fields).toEqual({
      order: 'a section key',
      attribution: 'too long',
    });
  });

  it('finalises with POST /versions and gives the new version number', async () => {
    const requests = stubFetch(() => ({ status: 201, body: { version: 3, title: 'x' } }));
    expect(await finaliseReport('duinrand', LAB_ID)).toBe(3);
    expect(requests).toEqual([{ method: 'POST', url: `${base}/versions`, body: {} }]);
  });

  it('publishes a version in the chosen form and gives the new item’s id', async () => {
    const requests = stubFetch(() => ({ status: 201, body: { id: 'item-9', title: 'x' } }));
    expect(await publishVersion('duinrand', LAB_ID, 2, 'summary')).toBe('item-9');
    expect(requests).toEqual([
      { method: 'POST', url: `${base}/versions/2/publish`, body: { mode: 'summary' } },
    ]);
  });

  it('builds the download address of each file', () => {
    expect(exportUrl('duinrand', LAB_ID, 2, 'report.pdf')).toBe(
      `${base}/versions/2/export/report.pdf`,
    );
  });
});
