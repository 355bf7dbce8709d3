// Places, regions and the CSV import of places under /api/v1/orgs/:orgSlug.
import { z } from 'zod';
import { orgParams } from '../../../common/orgs.ts';
import {
  IMPORT_BYTES_MAX,
  importResult,
  IMPORT_ROWS_MAX,
  place,
  placeCsvColumns,
  placeInput,
  placeList,
  placeParams,
  region,
  regionInput,
  regionList,
  regionParams,
  updatePlaceRequest,
  updateRegionRequest,
} from '../../../common/places.ts';
import { guardOrgMember, requireOrgRole } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { guardMediaType } from '../../http/media.ts';
import {
  changePlace,
  changeRegion,
  checkCsvMediaType,
  createPlace,
  createRegion,
  CSV_MEDIA_TYPE,
  getPlace,
  getRegion,
  importPlaces,
  listOrganisationPlaces,
  listOrganisationRegions,
  removePlace,
  removeRegion,
} from './places.service.ts';

const placeTags = ['places'];
const regionTags = ['regions'];
const noContent = z.null().describe('No content');

// The import lives in its own scope so its text/csv parser reaches no other route.
function registerImport(scope: App, ctx: AppContext): void {
  scope.addContentTypeParser(
    CSV_MEDIA_TYPE,
    { parseAs: 'string', bodyLimit: IMPORT_BYTES_MAX },
    (_request, body, parsed) => parsed(null, body),
  );
  scope.post(
    '/orgs/:orgSlug/places/import',
    {
      onRequest: guardMediaType(checkCsvMediaType),
      schema: {
        tags: placeTags,
        summary: 'Import places from a CSV file (facilitator or admin)',
        description: `The request body is the CSV file itself, sent as ${CSV_MEDIA_TYPE} in UTF-8, at most ${IMPORT_BYTES_MAX} bytes and ${IMPORT_ROWS_MAX} rows. The first row names the columns (${placeCsvColumns.join(', ')}; name and municipality are required); the delimiter is ";" or ","; tags in dna_tags are separated by "|" or ";". Either every row is imported, or nothing is and the 400 problem (code import_failed) names every wrong cell as rows.<n>.<column>, rows numbered as a spreadsheet shows them. See docs/places-import.md.`,
        consumes: [CSV_MEDIA_TYPE],
        params: orgParams,
        response: { 201: importResult },
      },
    },
    async (request, reply) => {
      const actor = requireOrgRole(request, request.params.orgSlug);
      const csv = typeof request.body === 'string' ? request.body : '';
      return reply.status(201).send(await importPlaces(ctx, actor, csv));
    },
  );
}

/** Registers the place and region endpoints. */
export function registerPlacesRoutes(app: App, ctx: AppContext): void {
  void app.register((scope: App, _opts, done) => {
    scope.addHook('onRequest', guardOrgMember);

    scope.get(
      '/orgs/:orgSlug/places',
      {
        schema: {
          tags: placeTags,
          summary: 'Every place with its regions (member)',
          params: orgParams,
          response: { 200: placeList },
        },
      },
      (request) => listOrganisationPlaces(ctx, requireOrgRole(request, request.params.orgSlug)),
    );

    scope.post(
      '/orgs/:orgSlug/places',
      {
        schema: {
          tags: placeTags,
          summary: 'Add a place (facilitator or admin)',
          description: '409 when the organisation has a place by that name in that municipality.',
          params: orgParams,
          body: placeInput,
          response: { 201: place },
        },
      },
      async (request, reply) => {
        const actor = requireOrgRole(request, request.params.orgSlug);
        return reply.status(201).send(await createPlace(ctx, actor, request.body));
      },
    );

    void scope.register((importScope: App, _importOpts, importDone) => {
      registerImport(importScope, ctx);
      importDone();
    });

    scope.get(
      '/orgs/:orgSlug/places/:placeId',
      {
        schema: {
          tags: placeTags,
          summary: 'One place with its regions (member)',
          params: placeParams,
          response: { 200: place },
        },
      },
      (request) =>
        getPlace(ctx, requireOrgRole(request, request.params.orgSlug), request.params.placeId),
    );

    scope.patch(
      '/orgs/:orgSlug/places/:placeId',
      {
        schema: {
          tags: placeTags,
          summary: 'Change a place (facilitator or admin)',
          params: placeParams,
          body: updatePlaceRequest,
          response: { 200: place },
        },
      },
      (request) =>
        changePlace(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.placeId,
          request.body,
        ),
    );

    scope.delete(
      '/orgs/:orgSlug/places/:placeId',
      {
        schema: {
          tags: placeTags,
          summary: 'Delete a place; it leaves its regions (facilitator or admin)',
          params: placeParams,
          response: { 204: noContent },
        },
      },
      async (request, reply) => {
        const actor = requireOrgRole(request, request.params.orgSlug);
        await removePlace(ctx, actor, request.params.placeId);
        return reply.status(204).send(null);
      },
    );

    scope.get(
      '/orgs/:orgSlug/regions',
      {
        schema: {
          tags: regionTags,
          summary: 'Every region with its places (member)',
          params: orgParams,
          response: { 200: regionList },
        },
      },
      (request) => listOrganisationRegions(ctx, requireOrgRole(request, request.params.orgSlug)),
    );

    scope.post(
      '/orgs/:orgSlug/regions',
      {
        schema: {
          tags: regionTags,
          summary: 'Add a region of places (facilitator or admin)',
          description: 'placeIds must all be places of this organisation.',
          params: orgParams,
          body: regionInput,
          response: { 201: region },
        },
      },
      async (request, reply) => {
        const actor = requireOrgRole(request, request.params.orgSlug);
        return reply.status(201).send(await createRegion(ctx, actor, request.body));
      },
    );

    scope.get(
      '/orgs/:orgSlug/regions/:regionId',
      {
        schema: {
          tags: regionTags,
          summary: 'One region with its places (member)',
          params: regionParams,
          response: { 200: region },
        },
      },
      (request) =>
        getRegion(ctx, requireOrgRole(request, request.params.orgSlug), request.params.regionId),
    );

    scope.patch(
      '/orgs/:orgSlug/regions/:regionId',
      {
        schema: {
          tags: regionTags,
          summary: 'Change a region; placeIds replaces its places (facilitator or admin)',
          params: regionParams,
          body: updateRegionRequest,
          response: { 200: region },
        },
      },
      (request) =>
        changeRegion(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.regionId,
          request.body,
        ),
    );

    scope.delete(
      '/orgs/:orgSlug/regions/:regionId',
      {
        schema: {
          tags: regionTags,
          summary: 'Delete a region; its places stay (facilitator or admin)',
          params: regionParams,
          response: { 204: noContent },
        },
      },
      async (request, reply) => {
        const actor = requireOrgRole(request, request.params.orgSlug);
        await removeRegion(ctx, actor, request.params.regionId);
        return reply.status(204).send(null);
      },
    );

    done();
  });
}
