// GET /api/v1/knowledge/search: the knowledge base search, open to visitors (docs/search.md).
import { searchQuery, searchResult } from '../../../common/knowledge.ts';
import type { App, AppContext } from '../../http/context.ts';
import { knowledgeViewerOf } from '../knowledge/knowledge.viewer.ts';
import { searchKnowledge } from './search.service.ts';

/** Registers the knowledge search endpoint. */
export function registerSearchRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/knowledge/search',
    {
      schema: {
        tags: ['knowledge base'],
        summary: 'Search the knowledge base (anyone)',
        description:
          'Full text in Dutch (stemming, accents ignored, websearch syntax: "a phrase", OR, -word; the last word also matches as a prefix), title trigrams when the words find nothing, facets with counts over all matches (a facet ignores its own filter), sorting by relevance or date. Visitors see published items open to all; members also see every item of their own organisations, drafts and members-only ones included. Repeat a filter parameter to select several values (OR within a facet, AND across facets).',
        querystring: searchQuery,
        response: { 200: searchResult },
      },
    },
    (request) => searchKnowledge(ctx, knowledgeViewerOf(request.auth), request.query),
  );
}
