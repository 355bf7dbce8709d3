import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richDoc, richPlainText } from '../../common/richtext.ts';
import { knowledgeMetadata } from '../../common/knowledge.ts';
import { createTestContext, request, signInAs, type TestContext } from '../testing/harness.ts';
import { demoKnowledgeItems } from './demo-knowledge.ts';
import { knowledgeItemEvents, knowledgeItems, users } from './schema.ts';
import { seedDemoIfEmpty } from './seed.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ PUBLIC_URL: 'https://stadshart.example' });
  await seedDemoIfEmpty(t.ctx);
});
afterAll(async () => {
  await t.close();
});

describe('demo knowledge', () => {
  it('is valid content in our own words', () => {
    const seedsDir = '/work/shared/seeds';
    const sources = fs.existsSync(seedsDir)
      ? fs
          .readdirSync(seedsDir)
          .map((file) => fs.readFileSync(path.join(seedsDir, file), 'utf8'))
          .join(' ')
      : '';
    const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const sourceWords = words(sources);
    const sourceRuns = new Set<string>();
    for (let i = 0; i + 7 < sourceWords.length; i++) {
      sourceRuns.add(sourceWords.slice(i, i + 8).join(' '));
    }
    for (const item of demoKnowledgeItems) {
      expect(knowledgeMetadata.safeParse(item.metadata).success, item.metadata.title).toBe(true);
      expect(richDoc.safeParse(item.body).success).toBe(true);
      // No run of eight words taken over from the source texts.
      const own = words(
        `${item.metadata.title} ${item.metadata.summary} ${richPlainText(item.body)}`,
      );
      for (let i = 0; i + 7 < own.length; i++) {
        const run = own.slice(i, i + 8).join(' ');
        expect(sourceRuns.has(run), run).toBe(false);
      }
    }
  });

  it('seeds every kind, one members-only item and one draft, each with its history', async () => {
    const rows = await t.database.db.select().from(knowledgeItems);
    expect(rows).toHaveLength(demoKnowledgeItems.length);
    expect(new Set(rows.map((r) => r.kind))).toEqual(
      new Set(['best_practice', 'publication', 'blog', 'event_report']),
    );
    expect(rows.filter((r) => r.membersOnly && r.status === 'published')).toHaveLength(1);
    expect(rows.filter((r) => r.status === 'draft')).toHaveLength(1);
    const events = await t.database.db.select().from(knowledgeItemEvents);
    const published = rows.filter((r) => r.status === 'published');
    expect(events.filter((e) => e.action === 'created')).toHaveLength(rows.length);
    expect(events.filter((e) => e.action === 'published')).toHaveLength(published.length);
  });

  it('fills the public pages: search with facets, the best practice, and the feed', async () => {
    const search = await request(t, null, { method: 'GET', url: '/kennisbank' });
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain('4 resultaten');
    for (const facet of ['kind', 'trend', 'theme', 'region', 'place', 'size', 'year']) {
      expect(search.body, facet).toContain(`name="${facet}"`);
    }
    expect(search.body).not.toContain('Intake leertraject');
    expect(search.body).not.toContain('Beverwijkse Bazaar als motor');

    const [bestPractice] = await t.database.db
      .select({ slug: knowledgeItems.slug })
      .from(knowledgeItems)
      .where(eq(knowledgeItems.kind, 'best_practice'));
    const page = await request(t, null, {
      method: 'GET',
      url: `/kennisbank/${bestPractice?.slug ?? ''}`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Regiolab IJmond: drie binnensteden die elkaar versterken');
    expect(page.body).toContain('© 2019 Kennisnetwerk Binnensteden · CC BY-SA 4.0');
    expect(page.body).toContain('Gerelateerde items');

    const feed = await request(t, null, { method: 'GET', url: '/kennisbank/feed.atom' });
    expect(feed.body.match(/<entry>/g)).toHaveLength(4);

    const [facilitator] = await t.database.db
      .select()
      .from(users)
      .where(eq(users.email, 'begeleider@stadshart.example'));
    if (!facilitator) throw new Error('demo facilitator missing');
    const actor = await signInAs(t, facilitator.id, facilitator.email);
    const asMember = await request(t, actor, { method: 'GET', url: '/kennisbank' });
    expect(asMember.body).toContain('6 resultaten');
    expect(asMember.body).toContain('Alleen voor leden');
    expect(asMember.body).toContain('Concept');
  });
});
