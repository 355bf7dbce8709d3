// knowledge_search and knowledge_facet_values (migration 0008), and knowledge_search_words and
// knowledge_search_blocks (migration 0009), follow knowledge_items through their triggers,
// whichever code writes the items.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchQuery } from '../../../common/knowledge.ts';
import { knowledgeItems } from '../../db/schema.ts';
import { createOrg, createTestContext, type TestContext } from '../../testing/harness.ts';
import { decodeBlock } from './search.blocks.ts';
import { searchCacheFor, searchKnowledge } from './search.service.ts';

let t: TestContext;
let orgId: string;

beforeAll(async () => {
  t = await createTestContext();
  orgId = (await createOrg(t, 'Zaanstad')).id;
});
afterAll(async () => {
  await t.close();
});

interface SearchRow {
  doc_no: number;
  open: boolean;
  sort_date: Date;
  values: string[];
  packed: Buffer;
  codes: number[];
  xmin: string;
  head: string;
}

async function rowOf(itemId: string): Promise<SearchRow | undefined> {
  const result = await t.database.pool.query<SearchRow>(
    `select s.doc_no, s.open, s.sort_date, s.packed, s.codes, s.xmin::text, s.head::text,
       array(select v.facet || '=' || v.value from knowledge_facet_values v
             where v.code = any(s.codes) order by v.facet, v.value) as values
     from knowledge_search s where s.item_id = $1`,
    [itemId],
  );
  return result.rows[0];
}

async function insertItem(values: Partial<typeof knowledgeItems.$inferInsert> = {}) {
  const [item] = await t.database.db
    .insert(knowledgeItems)
    .values({
      orgId,
      slug: `item-${Math.random().toString(36).slice(2)}`,
      kind: 'best_practice',
      title: 'Pop-upwinkels in de Zaanstraat',
      summary: 'Lege panden tijdelijk gevuld',
      places: ['Zaandam'],
      trends: ['Anders winkelen'],
      region: 'Zaanstreek',
      sizeClass: '100k+',
      ...values,
    })
    .returning();
  if (!item) throw new Error('no item');
  return item;
}

describe('knowledge_search', () => {
  it('holds a new item with its facet values numbered, its date and who may read it', async () => {
    const item = await insertItem();
    const row = await rowOf(item.id);
    expect(row?.open).toBe(false);
    expect(row?.values).toEqual([
      'kind=best_practice',
      'place=Zaandam',
      'region=Zaanstreek',
      'size=100k+',
      'trend=Anders winkelen',
    ]);
    expect(row?.sort_date.getTime()).toBe(item.updatedAt.getTime());
    expect(row?.head).toContain("'zaanstrat':6A");
    // packed: doc_no, the date in microseconds, the number of codes, their differences.
    const packed = row!.packed;
    expect(packed.readInt32BE(0)).toBe(row!.doc_no);
    expect(packed.readBigInt64BE(4) / 1000n).toBe(BigInt(item.updatedAt.getTime()));
    const rest = [...packed.subarray(12)];
    const decoded: number[] = [];
    for (let at = 0, value = 0, shift = 0; at < rest.length; at++) {
      const byte = rest[at]!;
      value += (byte & 127) * 2 ** shift;
      shift += 7;
      if (byte < 128) {
        decoded.push(value);
        value = 0;
        shift = 0;
      }
    }
    const [count, ...deltas] = decoded;
    expect(count).toBe(row!.codes.length);
    expect(deltas.map((_, i) => deltas.slice(0, i + 1).reduce((a, b) => a + b, 0))).toEqual(
      row!.codes,
    );
  });

  it('writes numbers as LEB128 varints', async () => {
    const result = await t.database.pool.query<{ n: string; bytes: string }>(
      `select n::text, encode(stadshart_varint(n), 'hex') as bytes
       from unnest(array[0, 1, 127, 128, 300, 16384, 2147483647]::bigint[]) n`,
    );
    expect(result.rows.map((row) => [row.n, row.bytes])).toEqual([
      ['0', '00'],
      ['1', '01'],
      ['127', '7f'],
      ['128', '8001'],
      ['300', 'ac02'],
      ['16384', '808001'],
      ['2147483647', 'ffffffff07'],
    ]);
  });

  it('follows publishing, members-only and new facet values, and keeps its doc_no', async () => {
    const item = await insertItem();
    const before = await rowOf(item.id);
    const publishedAt = new Date('2025-12-31T23:30:00Z');
    await t.database.db
      .update(knowledgeItems)
      .set({ status: 'published', publishedAt, places: ['Zaandam', 'Wormerveer'] })
      .where(eq(knowledgeItems.id, item.id));
    const published = await rowOf(item.id);
    expect(published?.doc_no).toBe(before?.doc_no);
    expect(published?.packed.readBigInt64BE(4)).toBe(BigInt(publishedAt.getTime()) * 1000n);
    expect(published?.open).toBe(true);
    expect(published?.sort_date.getTime()).toBe(publishedAt.getTime());
    // 23:30 UTC on 31 December is already 2026 in the Netherlands.
    expect(published?.values).toContain('year=2026');
    expect(published?.values).toContain('place=Wormerveer');

    await t.database.db
      .update(knowledgeItems)
      .set({ membersOnly: true })
      .where(eq(knowledgeItems.id, item.id));
    expect((await rowOf(item.id))?.open).toBe(false);
  });

  it('is not rewritten by an update that changes nothing it holds', async () => {
    const item = await insertItem({ updatedAt: new Date('2026-01-01T00:00:00Z') });
    const before = await rowOf(item.id);
    await t.database.db
      .update(knowledgeItems)
      .set({ reviewNote: 'Graag een foto erbij' })
      .where(eq(knowledgeItems.id, item.id));
    expect((await rowOf(item.id))?.xmin).toBe(before?.xmin);
  });

  it('loses the row with the item, while a value keeps its number for the next item', async () => {
    const first = await insertItem({ places: ['Krommenie'] });
    const code = await t.database.pool.query<{ code: number }>(
      `select code from knowledge_facet_values where facet = 'place' and value = 'Krommenie'`,
    );
    await t.database.db.delete(knowledgeItems).where(eq(knowledgeItems.id, first.id));
    expect(await rowOf(first.id)).toBeUndefined();
    const second = await insertItem({ places: ['Krommenie'] });
    expect((await rowOf(second.id))?.codes).toContain(code.rows[0]?.code);
  });

  it('numbers values of one bulk insert once, and the search counts them at once', async () => {
    await t.database.db.insert(knowledgeItems).values(
      ['a', 'b', 'c'].map((suffix) => ({
        orgId,
        slug: `bulk-${suffix}`,
        kind: 'blog' as const,
        status: 'published' as const,
        publishedAt: new Date('2024-03-01T12:00:00Z'),
        title: `Markt op zaterdag ${suffix}`,
        places: ['Assendelft'],
      })),
    );
    const numbered = await t.database.pool.query<{ n: number }>(
      `select count(*)::int as n from knowledge_facet_values where facet = 'place' and value = 'Assendelft'`,
    );
    expect(numbered.rows[0]?.n).toBe(1);
    const viewer = { userId: null, memberOrgIds: [], reviewerOrgIds: [] };
    const result = await searchKnowledge(t.ctx, viewer, searchQuery.parse({ q: 'markt' }));
    expect(result.total).toBe(3);
    expect(result.facets.place).toEqual([{ value: 'Assendelft', count: 3 }]);
    const filtered = await searchKnowledge(
      t.ctx,
      viewer,
      searchQuery.parse({ place: 'Assendelft', kind: 'blog' }),
    );
    expect(filtered.hits.map((hit) => hit.slug).sort()).toEqual(['bulk-a', 'bulk-b', 'bulk-c']);
  });

  it('counts matches sent in several chunks (doc_nos on both sides of a chunk boundary)', async () => {
    await t.database.pool.query(`select setval('knowledge_search_doc_no_seq', 4090)`);
    await t.database.db.insert(knowledgeItems).values(
      Array.from({ length: 12 }, (_, i) => ({
        orgId,
        slug: `chunk-${i}`,
        kind: i % 2 === 0 ? ('blog' as const) : ('publication' as const),
        status: 'published' as const,
        publishedAt: new Date(Date.UTC(2023, 0, 1 + i)),
        title: `Kermis op het plein ${i}`,
      })),
    );
    const spread = await t.database.pool.query<{ chunks: number }>(
      `select count(distinct s.doc_no >> 11)::int as chunks from knowledge_search s
       join knowledge_items k on k.id = s.item_id where k.slug like 'chunk-%'`,
    );
    expect(spread.rows[0]?.chunks).toBe(2);
    const viewer = { userId: null, memberOrgIds: [], reviewerOrgIds: [] };
    const result = await searchKnowledge(
      t.ctx,
      viewer,
      searchQuery.parse({ q: 'kermis', sort: 'date', pageSize: 5 }),
    );
    expect(result.total).toBe(12);
    expect(result.hits.map((hit) => hit.slug)).toEqual([
      'chunk-11',
      'chunk-10',
      'chunk-9',
      'chunk-8',
      'chunk-7',
    ]);
    expect(result.facets.kind).toEqual([
      { value: 'blog', count: 6 },
      { value: 'publication', count: 6 },
    ]);
  });

  it('keeps the words of titles and summaries per audience, and drops a word no item has', async () => {
    const words = async () =>
      (
        await t.database.pool.query<{ scope: string; items: number }>(
          `select scope, items from knowledge_words where word = 'zaanse' order by scope`,
        )
      ).rows;
    const item = await insertItem({
      title: 'Zaanse Schans',
      summary: 'Zaanse molens en zaanse kaas',
    });
    expect(await words()).toEqual([{ scope: orgId, items: 1 }]);
    await t.database.db
      .update(knowledgeItems)
      .set({ status: 'published', publishedAt: new Date() })
      .where(eq(knowledgeItems.id, item.id));
    expect(await words()).toEqual([{ scope: 'public', items: 1 }]);
    await insertItem({ title: 'Zaanse handel', status: 'published', publishedAt: new Date() });
    expect(await words()).toEqual([{ scope: 'public', items: 2 }]);
    await t.database.db.delete(knowledgeItems).where(eq(knowledgeItems.title, 'Zaanse handel'));
    await t.database.db
      .update(knowledgeItems)
      .set({ title: 'Molens', summary: '' })
      .where(eq(knowledgeItems.id, item.id));
    expect(await words()).toEqual([]);
  });

  it('reads the value numbers again when a search meets one it does not know', async () => {
    const viewer = { userId: null, memberOrgIds: [], reviewerOrgIds: [] };
    const published = { status: 'published' as const, publishedAt: new Date('2025-05-05') };
    await insertItem({ title: 'Botenparade in de haven', places: ['Zaandijk'], ...published });
    // The first search reads the numbers; the next items bring values they do not have.
    expect(
      (await searchKnowledge(t.ctx, viewer, searchQuery.parse({ q: 'botenparade' }))).total,
    ).toBe(1);
    await insertItem({ title: 'Botenparade op de Zaan', places: ['Westzaan'], ...published });
    const found = await searchKnowledge(t.ctx, viewer, searchQuery.parse({ q: 'botenparade' }));
    expect(found.facets.place).toEqual([
      { value: 'Westzaan', count: 1 },
      { value: 'Zaandijk', count: 1 },
    ]);
    await insertItem({ title: 'Botenparade in Oostzaan', places: ['Oostzaan'], ...published });
    const filtered = await searchKnowledge(
      t.ctx,
      viewer,
      searchQuery.parse({ q: 'botenparade', place: 'Oostzaan' }),
    );
    expect(filtered.hits.map((hit) => hit.title)).toEqual(['Botenparade in Oostzaan']);
    expect(filtered.facets.place).toHaveLength(3);
  });
});

describe('knowledge_search_words and knowledge_search_blocks', () => {
  const visitor = { userId: null, memberOrgIds: [], reviewerOrgIds: [] };

  // The entries of the word's stem, as "doc_no:place" (2 title, 1 summary, 0 elsewhere).
  async function entriesOf(word: string): Promise<string[]> {
    const result = await t.database.pool.query<{ block: number; docs: Buffer }>(
      `select w.block, w.docs from knowledge_search_words w
       where w.word = (tsvector_to_array(to_tsvector('stadshart_dutch', $1::text)))[1]`,
      [word],
    );
    const entries: string[] = [];
    for (const { block, docs } of result.rows) {
      expect(docs.length).toBeGreaterThan(0);
      for (let at = 0; at < docs.length; at += 2) {
        const entry = docs.readInt16BE(at);
        entries.push(`${block * 2048 + (entry >> 2)}:${entry & 3}`);
      }
    }
    return entries.sort();
  }

  async function blockOf(docNo: number) {
    const result = await t.database.pool.query<{ version: string; rows: Buffer }>(
      `select version::text, rows from knowledge_search_blocks where block = $1`,
      [docNo >> 11],
    );
    const row = result.rows[0];
    if (!row) throw new Error(`no block for doc_no ${docNo}`);
    const orgs = new Map<string, number>();
    return {
      version: row.version,
      view: decodeBlock(docNo >> 11, row.version, row.rows, orgs),
      orgs,
    };
  }

  it('records each word of an item with where it is, and follows edits and deletion', async () => {
    const item = await insertItem({
      title: 'Zeilboten in de haven',
      summary: 'Een regatta voor iedereen',
      bodyText: 'Op het water liggen schepen en zeilboten.',
    });
    const docNo = (await rowOf(item.id))!.doc_no;
    expect(await entriesOf('zeilboten')).toEqual([`${docNo}:2`]);
    expect(await entriesOf('regatta')).toEqual([`${docNo}:1`]);
    expect(await entriesOf('schepen')).toEqual([`${docNo}:0`]);

    await t.database.db
      .update(knowledgeItems)
      .set({ title: 'Schepen in de haven', summary: 'Zeilboten en een regatta' })
      .where(eq(knowledgeItems.id, item.id));
    expect(await entriesOf('zeilboten')).toEqual([`${docNo}:1`]);
    expect(await entriesOf('schepen')).toEqual([`${docNo}:2`]);
    expect(await entriesOf('regatta')).toEqual([`${docNo}:1`]);

    const other = await insertItem({ title: 'Regatta op de Zaan' });
    const otherNo = (await rowOf(other.id))!.doc_no;
    expect(await entriesOf('regatta')).toEqual([`${docNo}:1`, `${otherNo}:2`].sort());

    await t.database.db.delete(knowledgeItems).where(eq(knowledgeItems.id, item.id));
    expect(await entriesOf('zeilboten')).toEqual([]);
    expect(await entriesOf('regatta')).toEqual([`${otherNo}:2`]);
    // A word no item has any more leaves no row behind.
    const left = await t.database.pool.query(
      `select 1 from knowledge_search_words where length(docs) = 0`,
    );
    expect(left.rowCount).toBe(0);
  });

  it('rewrites the block of an item whose packed value or readers change, and only then', async () => {
    const item = await insertItem({ title: 'Havenfestival' });
    const docNo = (await rowOf(item.id))!.doc_no;
    const offset = docNo & 2047;
    const first = await blockOf(docNo);
    expect(first.view.present[offset]).toBe(1);
    expect(first.view.open[offset]).toBe(0);
    const row = (await rowOf(item.id))!;
    expect(first.view.date[offset]).toBe(Number(row.packed.readBigInt64BE(4)));
    const { codeStart, codes } = first.view;
    expect([...codes.subarray(codeStart[offset], codeStart[offset + 1])]).toEqual(row.codes);
    expect(first.view.org[offset]).toBe(first.orgs.get(orgId.replaceAll('-', '')));

    await t.database.db
      .update(knowledgeItems)
      .set({ reviewNote: 'Mooi zo' })
      .where(eq(knowledgeItems.id, item.id));
    expect((await blockOf(docNo)).version).toBe(first.version);

    await t.database.db
      .update(knowledgeItems)
      .set({ status: 'published', publishedAt: new Date('2025-06-01') })
      .where(eq(knowledgeItems.id, item.id));
    const published = await blockOf(docNo);
    expect(published.version).not.toBe(first.version);
    expect(published.view.open[offset]).toBe(1);

    await t.database.db.delete(knowledgeItems).where(eq(knowledgeItems.id, item.id));
    expect((await blockOf(docNo)).view.present[offset]).toBe(0);
  });

  it('lets a search read a block again after it changed, and finds what changed', async () => {
    const item = await insertItem({ title: 'Lampionnenoptocht' });
    const query = searchQuery.parse({ q: 'lampionnenoptocht' });
    expect((await searchKnowledge(t.ctx, visitor, query)).total).toBe(0);
    const docNo = (await rowOf(item.id))!.doc_no;
    const cache = searchCacheFor(t.database.pool);
    const before = cache.blocks.blocks.get(docNo >> 11)?.version;
    expect(before).toBe((await blockOf(docNo)).version);

    await t.database.db
      .update(knowledgeItems)
      .set({ status: 'published', publishedAt: new Date('2025-09-01') })
      .where(eq(knowledgeItems.id, item.id));
    const found = await searchKnowledge(t.ctx, visitor, query);
    expect(found.hits.map((hit) => hit.slug)).toEqual([item.slug]);
    const after = cache.blocks.blocks.get(docNo >> 11)?.version;
    expect(after).not.toBe(before);
    expect(after).toBe((await blockOf(docNo)).version);
  });
});
