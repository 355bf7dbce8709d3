// The demo IJmond lab's finalised report becomes a best practice, as the whole report and as a
// short text: a valid rich body, the report's licence line, a preview, and after publishing a
// public page and a search hit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knowledgeItem, publicKnowledgeItem, searchResult } from '../../../common/knowledge.ts';
import { reportVersion } from '../../../common/reports.ts';
import { richDoc, richPlainText } from '../../../common/richtext.ts';
import { createTestContext, request, type Actor, type TestContext } from '../../testing/harness.ts';
import { DEMO_ORG_SLUG, finaliseDemoReport } from '../reports/reports.testing.ts';

let t: TestContext;
let facilitator: Actor;
let reportUrl: string;
let licenceLine: string;
const orgSlug = DEMO_ORG_SLUG;

beforeAll(async () => {
  t = await createTestContext();
  const demo = await finaliseDemoReport(t);
  facilitator = demo.facilitator;
  reportUrl = demo.reportUrl;
  licenceLine = reportVersion.parse(
    (await request(t, facilitator, { method: 'GET', url: `${reportUrl}/versions/1` })).json(),
  ).document.licence.line;
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe('publishing the demo IJmond report', () => {
  it.each(['full', 'summary'] as const)(
    'drafts a best practice from the %s report that previews, publishes and is found',
    async (mode) => {
      const drafted = await request(t, facilitator, {
        method: 'POST',
        url: `${reportUrl}/versions/1/publish`,
        payload: { mode },
      });
      expect(drafted.statusCode, drafted.body).toBe(201);
      const item = knowledgeItem.parse(drafted.json());
      expect(item).toMatchObject({
        kind: 'best_practice',
        status: 'draft',
        licence: 'CC-BY-SA-4.0',
      });
      expect(item.attributionLine).toBe(licenceLine);
      expect(richDoc.safeParse(item.body).success).toBe(true);
      const text = richPlainText(item.body);
      // The question of the lab and its places travel with it.
      expect([...item.places].sort()).toEqual(['Beverwijk', 'Heemskerk', 'IJmuiden']);
      expect(text.length).toBeGreaterThan(mode === 'full' ? 2000 : 300);

      const itemUrl = `/api/v1/orgs/${orgSlug}/knowledge/${item.id}`;
      const preview = await request(t, facilitator, { method: 'GET', url: `${itemUrl}/preview` });
      expect(preview.statusCode, preview.body).toBe(200);
      expect(publicKnowledgeItem.parse(preview.json()).attributionLine).toBe(licenceLine);

      const published = await request(t, facilitator, {
        method: 'POST',
        url: `${itemUrl}/publish`,
      });
      expect(published.statusCode, published.body).toBe(200);
      const page = await request(t, null, { method: 'GET', url: `/kennisbank/${item.slug}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(licenceLine);
      const found = searchResult.parse(
        (
          await request(t, null, {
            method: 'GET',
            url: `/api/v1/knowledge/search?q=${encodeURIComponent('IJmond regiolab')}`,
          })
        ).json(),
      );
      expect(found.hits.map((hit) => hit.slug)).toContain(item.slug);
    },
    30_000,
  );
});
