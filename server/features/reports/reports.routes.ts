// A lab's report under /api/v1/orgs/:orgSlug/labs/:labId/report: its state, generation as a
// job, the facilitator's edits and finalised versions (docs/reports.md).
import {
  reportEditorial,
  reportParams,
  reportState,
  reportVersion,
  reportVersionList,
  reportVersionParams,
  reportVersionSummary,
} from '../../../common/reports.ts';
import { guardOrgMember, requireOrgRole } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import {
  finaliseVersion,
  getReportState,
  getReportVersion,
  listReportVersions,
  requestGeneration,
  updateEditorial,
} from './reports.service.ts';

const tags = ['reports'];
const base = '/orgs/:orgSlug/labs/:labId/report';

/** Registers the report endpoints of a lab. */
export function registerReportRoutes(app: App, ctx: AppContext): void {
  void app.register((scope: App, _opts, done) => {
    scope.addHook('onRequest', guardOrgMember);

    scope.get(
      base,
      {
        schema: {
          tags,
          summary: "The lab's report: job progress, edits, preview, quotable notes and versions",
          description:
            'For every member who may see the lab; can.edit is true for the lab’s facilitators and the organisation’s admins. preview is the report as it would be finalised now (version 0), null before the first generation; stale says the lab changed after the generation.',
          params: reportParams,
          response: { 200: reportState },
        },
      },
      (request) =>
        getReportState(ctx, requireOrgRole(request, request.params.orgSlug), request.params.labId),
    );

    scope.post(
      `${base}/generate`,
      {
        schema: {
          tags,
          summary: 'Generate the report again as a background job (facilitators and admins)',
          description:
            'Answers 202 with the state (job.status queued); poll GET …/report for progress. 409 while the lab is a draft or open but not started, or while a generation is queued or running; 503 when the server runs no job queue. A failed generation keeps the previous one; retry with this endpoint.',
          params: reportParams,
          response: { 202: reportState },
        },
      },
      async (request, reply) => {
        const actor = requireOrgRole(request, request.params.orgSlug);
        return reply.status(202).send(await requestGeneration(ctx, actor, request.params.labId));
      },
    );

    scope.put(
      `${base}/editorial`,
      {
        schema: {
          tags,
          summary:
            "Replace the facilitator's edits: introduction, conclusions, order, hidden, quotes, licence",
          description:
            'Section keys must be sections of the current generation (or introduction, quotes, conclusions) and quoted note ids must be among quotableNotes; otherwise 400 naming the field (e.g. order.2). 409 before the first generation. Edits survive a new generation.',
          params: reportParams,
          body: reportEditorial,
          response: { 200: reportState },
        },
      },
      (request) =>
        updateEditorial(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.labId,
          request.body,
        ),
    );

    scope.post(
      `${base}/versions`,
      {
        schema: {
          tags,
          summary:
            'Finalise the report as it reads now into a new version (facilitators and admins)',
          description:
            'Stores the composed document, the raw data and the licence as the next version number; a version never changes, so every export of it has the same content. 409 before the first generation.',
          params: reportParams,
          response: { 201: reportVersionSummary },
        },
      },
      async (request, reply) => {
        const actor = requireOrgRole(request, request.params.orgSlug);
        return reply.status(201).send(await finaliseVersion(ctx, actor, request.params.labId));
      },
    );

    scope.get(
      `${base}/versions`,
      {
        schema: {
          tags,
          summary: "The report's finalised versions, newest first",
          params: reportParams,
          response: { 200: reportVersionList },
        },
      },
      (request) =>
        listReportVersions(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.labId,
        ),
    );

    scope.get(
      `${base}/versions/:version`,
      {
        schema: {
          tags,
          summary: 'One finalised version with its document',
          params: reportVersionParams,
          response: { 200: reportVersion },
        },
      },
      (request) =>
        getReportVersion(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.labId,
          request.params.version,
        ),
    );

    done();
  });
}
