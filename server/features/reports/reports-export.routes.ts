// Downloading a finalised report version as PDF, Markdown, DOCX, XLSX or CSV under
// /api/v1/orgs/:orgSlug/labs/:labId/report/versions/:version/export/:file (docs/reports.md).
import { reportExportFiles, reportExportParams } from '../../../common/reports.ts';
import { guardOrgMember, requireOrgRole } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { exportReportFile } from './reports-export.service.ts';

const tags = ['reports'];

/** Registers GET …/report/versions/:version/export/:file. */
export function registerReportExportRoutes(app: App, ctx: AppContext): void {
  void app.register((scope: App, _opts, done) => {
    scope.addHook('onRequest', guardOrgMember);

    scope.get(
      '/orgs/:orgSlug/labs/:labId/report/versions/:version/export/:file',
      {
        schema: {
          tags,
          summary: 'One file of a finalised report version (members of the organisation)',
          description: `file is one of ${reportExportFiles.join(', ')}. The report files (PDF, Markdown, DOCX) render the version's frozen document, the data files (XLSX with a sheet per table, one CSV per table) its raw data; the same version always gives the same content. Sent as an attachment named <lab>-v<version>.<ext>. 404 for an unknown version or another organisation's lab.`,
          produces: [
            'application/pdf',
            'text/markdown',
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'text/csv',
          ],
          params: reportExportParams,
        },
      },
      async (request, reply) => {
        const { orgSlug, labId, version, file } = request.params;
        const exported = await exportReportFile(
          ctx,
          requireOrgRole(request, orgSlug),
          labId,
          version,
          file,
        );
        return reply
          .type(exported.contentType)
          .header('content-disposition', `attachment; filename="${exported.filename}"`)
          .header('cache-control', 'private, no-cache')
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .send(exported.body);
      },
    );

    done();
  });
}
