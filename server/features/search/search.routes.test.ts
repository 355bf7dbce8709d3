import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchResult, type SearchResult } from '../../../common/knowledge.ts';
import { problem } from '../../../common/problem.ts';
import { knowledgeItems } from '../../db/schema.ts';
import {
  createActor,
  createOrg,
  createTestContext,
  request,
  type Actor,
  type TestContext,
} from '../../testing/harness.ts';

let t: TestContext;
let orgA: { id: string; slug: string };
let orgB: { id: string; slug: string };
let memberA: Actor;
let memberB: Actor;

type NewItem = typeof knowledgeItems.$inferInsert;

async function insertItem(org: { id: string }, item: Partial<NewItem> & { title: string }) {
  const [row] = await t.database.db
    .insert(knowledgeItems)
    .values({
      orgId: org.id,
      slug: `${item.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomBytes(3).toString('hex')}`,
      kind: 'best_practice',
      status: 'published',
      publishedAt: new Date('2024-03-01T12:00:00Z'),
      ...item,
    })
    .returning();
  if (!row) throw new Error('item not inserted');
  return row;
}

async function search(actor: Actor | null, query: string): Promise<SearchResult> {
  const response = await request(t, actor, {
    method: 'GET',
    url: `/api/v1/knowledge/search${query ? `?${query}` : ''}`,
  });
  expect(response.statusCode, response.body).toBe(200);
  return searchResult.parse(response.json());
}

const titles = (result: SearchResult) => result.hits.map((hit) => hit.title);
const q = (words: string) => `q=${encodeURIComponent(words)}`;

beforeAll(async () => {
  t = await createTestContext();
  orgA = await createOrg(t, 'Gemeente Velsen');
  orgB = await createOrg(t, 'Gemeente Haarlem');
  memberA = await createActor(t, { org: orgA, role: 'member' });
  memberB = await createActor(t, { org: orgB, role: 'member' });

  await insertItem(orgA, {
    title: 'Winkelen op zaterdag in IJmuiden',
    summary: 'Wat ondernemers deden om bezoekers langer te laten blijven.',
    bodyText: 'De markt trekt veel passanten.',
    kind: 'best_practice',
    places: ['IJmuiden'],
    region: 'IJmond',
    trends: ['Anders consumeren'],
    themes: ['economie', 'levendigheid'],
    sizeClass: '50k-100k',
    publishedAt: new Date('2023-05-01T10:00:00Z'),
  });
  await insertItem(orgA, {
    title: 'Lege winkels krijgen een nieuwe functie',
    summary: 'Een aanpak voor leegstand in de aanloopstraten van Beverwijk.',
    bodyText: 'Eigenaren en gemeente maakten afspraken over wonen boven de winkels.',
    kind: 'publication',
    places: ['Beverwijk'],
    region: 'IJmond',
    trends: ['Anders samenleven', 'Anders consumeren'],
    themes: ['veerkracht'],
    sizeClass: '20k-50k',
    publishedAt: new Date('2024-09-10T10:00:00Z'),
  });
  await insertItem(orgB, {
    title: 'Het café als huiskamer van de binnenstad',
    summary: 'Horeca en ontmoeten in Haarlem.',
    bodyText: 'Een café met een leestafel bleek een goede plek om elkaar te spreken.',
    kind: 'blog',
    places: ['Haarlem'],
    region: 'Zuid-Kennemerland',
    trends: ['Anders samenleven'],
    themes: ['inclusiviteit'],
    sizeClass: '100k-250k',
    publishedAt: new Date('2022-01-15T10:00:00Z'),
  });
  await insertItem(orgB, {
    title: 'Terrassen aan het Spaarne',
    summary: 'Een cafe-terras op het water, een proef van een zomer.',
    bodyText: 'De horeca kreeg meer ruimte langs het water; parkeren verdween van de kade.',
    kind: 'event_report',
    places: ['Haarlem'],
    region: 'Zuid-Kennemerland',
    trends: ['Anders vervoeren'],
    themes: ['levendigheid'],
    sizeClass: '100k-250k',
    publishedAt: new Date('2025-06-20T10:00:00Z'),
  });
  await insertItem(orgB, {
    title: 'Parkeren aan de rand',
    summary: 'Minder auto’s in het centrum.',
    bodyText:
      'Leegstand bleef een zorg. Leegstand in de winkelstraat nam af toen het parkeren verschoof. Leegstand werd gemeten.',
    kind: 'best_practice',
    places: ['Haarlem', 'Zandvoort'],
    region: 'Zuid-Kennemerland',
    trends: ['Anders vervoeren'],
    themes: ['economie'],
    sizeClass: '100k-250k',
    publishedAt: new Date('2021-11-02T10:00:00Z'),
  });
  await insertItem(orgA, {
    title: 'Leegstand in de binnenstad van Heemskerk',
    summary: 'Een telling van lege panden.',
    bodyText: 'Per straat geteld, elk kwartaal opnieuw.',
    kind: 'publication',
    places: ['Heemskerk'],
    region: 'IJmond',
    trends: [],
    themes: ['economie'],
    sizeClass: '20k-50k',
    publishedAt: new Date('2020-02-02T10:00:00Z'),
  });
  // Items a visitor must never see, all with the word "geheim" and "winkels".
  await insertItem(orgA, {
    title: 'Geheim concept over winkels (draft)',
    status: 'draft',
    publishedAt: null,
  });
  await insertItem(orgA, {
    title: 'Geheim voorstel over winkels (in review)',
    status: 'in_review',
    publishedAt: null,
  });
  await insertItem(orgA, {
    title: 'Geheim oud stuk over winkels (unpublished)',
    status: 'unpublished',
    publishedAt: new Date('2019-01-01T10:00:00Z'),
  });
  await insertItem(orgA, {
    title: 'Geheim ledenstuk over winkels (members only)',
    membersOnly: true,
  });
});

afterAll(async () => {
  await t.close();
});

describe('Dutch words', () => {
  it('finds winkelen and winkels for "winkel", and café and cafe for each other', async () => {
    const winkel = titles(await search(null, q('winkel')));
    expect(winkel).toEqual(
      expect.arrayContaining([
        'Winkelen op zaterdag in IJmuiden',
        'Lege winkels krijgen een nieuwe functie',
      ]),
    );
    expect(titles(await search(null, q('cafe')))).toEqual(
      expect.arrayContaining([
        'Het café als huiskamer van de binnenstad',
        'Terrassen aan het Spaarne',
      ]),
    );
    expect(titles(await search(null, q('café')))).toEqual(
      expect.arrayContaining([
        'Het café als huiskamer van de binnenstad',
        'Terrassen aan het Spaarne',
      ]),
    );
  });

  it('ranks an item with the word in its title above one with it only in the body', async () => {
    const result = await search(null, q('leegstand'));
    const order = titles(result);
    expect(order.indexOf('Leegstand in de binnenstad van Heemskerk')).toBe(0);
    expect(order).toContain('Parkeren aan de rand');
    expect(order.indexOf('Parkeren aan de rand')).toBeGreaterThan(0);
  });

  it('matches the last word as a prefix ("binn" finds binnenstad)', async () => {
    expect(titles(await search(null, q('binn')))).toEqual(
      expect.arrayContaining([
        'Het café als huiskamer van de binnenstad',
        'Leegstand in de binnenstad van Heemskerk',
      ]),
    );
  });

  it('understands phrases, OR and -word', async () => {
    expect(titles(await search(null, q('"lege panden"')))).toEqual([
      'Leegstand in de binnenstad van Heemskerk',
    ]);
    // The words occur in this item, but not next to each other.
    expect(titles(await search(null, q('"panden lege"')))).not.toContain(
      'Leegstand in de binnenstad van Heemskerk',
    );
    expect(titles(await search(null, q('terrassen OR huiskamer'))).sort()).toEqual([
      'Het café als huiskamer van de binnenstad',
      'Terrassen aan het Spaarne',
    ]);
    const withoutParking = titles(await search(null, q('horeca -parkeren')));
    expect(withoutParking).toEqual(['Het café als huiskamer van de binnenstad']);
  });
});

describe('typos', () => {
  it('suggests a title word and finds items with similar titles when the words find nothing', async () => {
    const winkle = await search(null, q('winkle'));
    expect(winkle.suggestion).toMatch(/^winkel/);
    expect(winkle.total).toBeGreaterThan(0);
    expect(titles(winkle)).toContain('Lege winkels krijgen een nieuwe functie');

    const binnenstd = await search(null, q('binnenstd'));
    expect(binnenstd.suggestion).toBe('binnenstad');
    expect(titles(binnenstd)).toContain('Leegstand in de binnenstad van Heemskerk');
  });

  it('suggests nothing when the words find enough', async () => {
    expect((await search(null, q('winkel'))).suggestion).toBeNull();
  });

  it('never suggests a word from a title the viewer may not read', async () => {
    const result = await search(null, q('geheimm'));
    expect(result.suggestion).toBeNull();
    expect(result.total).toBe(0);
  });
});

describe('facets', () => {
  it('counts every match per value, most frequent first', async () => {
    const result = await search(null, '');
    expect(result.total).toBe(6);
    expect(result.facets.region).toEqual([
      { value: 'IJmond', count: 3 },
      { value: 'Zuid-Kennemerland', count: 3 },
    ]);
    expect(result.facets.place[0]).toEqual({ value: 'Haarlem', count: 3 });
    expect(result.facets.kind).toEqual([
      { value: 'best_practice', count: 2 },
      { value: 'publication', count: 2 },
      { value: 'blog', count: 1 },
      { value: 'event_report', count: 1 },
    ]);
    expect(result.facets.trend).toEqual([
      { value: 'Anders consumeren', count: 2 },
      { value: 'Anders samenleven', count: 2 },
      { value: 'Anders vervoeren', count: 2 },
    ]);
    expect(result.facets.year.map((v) => v.value).sort()).toEqual([
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
    ]);
  });

  it('browsing with one filter counts that facet over everything, the others over the filtered', async () => {
    const all = await search(null, '');
    const filtered = await search(null, 'kind=blog');
    expect(filtered.total).toBe(1);
    // The filtered facet ignores its own filter: the same counts as browsing, single ones too.
    expect(filtered.facets.kind).toEqual(all.facets.kind);
    expect(filtered.facets.region?.reduce((sum, v) => sum + v.count, 0)).toBe(1);
  });

  it('does not narrow a facet by its own filter, but by the others (OR within, AND across)', async () => {
    const result = await search(null, 'region=IJmond&kind=publication');
    expect(titles(result).sort()).toEqual([
      'Leegstand in de binnenstad van Heemskerk',
      'Lege winkels krijgen een nieuwe functie',
    ]);
    // Kinds within IJmond (the kind filter itself ignored).
    expect(result.facets.kind).toEqual([
      { value: 'publication', count: 2 },
      { value: 'best_practice', count: 1 },
    ]);
    // Regions among publications (the region filter itself ignored).
    expect(result.facets.region).toEqual([{ value: 'IJmond', count: 2 }]);
    expect(result.facets.theme).toEqual([
      { value: 'economie', count: 1 },
      { value: 'veerkracht', count: 1 },
    ]);

    const either = await search(null, 'kind=blog&kind=event_report');
    expect(either.total).toBe(2);
    const both = await search(null, 'place=Haarlem&place=Zandvoort&year=2021');
    expect(titles(both)).toEqual(['Parkeren aan de rand']);
    expect(both.facets.year).toEqual(
      expect.arrayContaining([
        { value: '2021', count: 1 },
        { value: '2022', count: 1 },
      ]),
    );
  });
});

describe('sorting, paging and snippets', () => {
  it('sorts by date, newest first, and pages through the results', async () => {
    const byDate = await search(null, 'sort=date');
    expect(byDate.hits.map((hit) => hit.publishedAt)).toEqual(
      [...byDate.hits.map((hit) => hit.publishedAt)].sort().reverse(),
    );
    expect(byDate.hits[0]?.title).toBe('Terrassen aan het Spaarne');

    const first = await search(null, 'sort=date&pageSize=4&page=1');
    const second = await search(null, 'sort=date&pageSize=4&page=2');
    expect(first.hits).toHaveLength(4);
    expect(second.hits).toHaveLength(2);
    expect([...titles(first), ...titles(second)]).toEqual(titles(byDate));
    expect(second.total).toBe(6);
    expect(second.page).toBe(2);
  });

  it('marks the matched words in the snippet as parts, never as markup', async () => {
    const result = await search(null, q('leestafel'));
    const hit = result.hits[0];
    expect(hit?.title).toBe('Het café als huiskamer van de binnenstad');
    expect(hit?.snippet.filter((part) => part.hit).map((part) => part.text)).toEqual(['leestafel']);
    expect(hit?.snippet.map((part) => part.text).join('')).toContain('Een café met een leestafel');
    for (const marker of ['<', '>', '\u0001', '\u0002']) {
      expect(JSON.stringify(hit?.snippet)).not.toContain(marker);
    }
  });

  it('keeps markers typed into an item out of the snippet', async () => {
    await insertItem(orgB, {
      title: 'Stoorzender',
      summary: 'Iemand typte \u0001vreemde\u0002 tekens rond het woord zonnescherm.',
    });
    const hit = (await search(null, q('zonnescherm'))).hits[0];
    expect(hit?.snippet.filter((part) => part.hit).map((part) => part.text)).toEqual([
      'zonnescherm',
    ]);
    expect(hit?.snippet.map((part) => part.text).join('')).toContain('typte vreemde tekens');
  });
});

describe('permissions', () => {
  it('never shows drafts, items in review, unpublished or members-only items to visitors', async () => {
    for (const query of [q('geheim'), q('winkels'), '', 'sort=date&pageSize=50']) {
      const result = await search(null, query);
      expect(titles(result).filter((title) => title.startsWith('Geheim'))).toEqual([]);
    }
    const all = await search(null, 'pageSize=50');
    expect(all.hits.every((hit) => hit.status === 'published' && !hit.membersOnly)).toBe(true);
  });

  it('never shows them to members of another organisation either', async () => {
    const result = await search(memberB, q('geheim'));
    expect(result.total).toBe(0);
    expect(result.facets.kind).toEqual([]);
  });

  it("shows members their own organisation's items in every state, with where to edit drafts", async () => {
    const result = await search(memberA, q('geheim'));
    expect(titles(result).sort()).toEqual([
      'Geheim concept over winkels (draft)',
      'Geheim ledenstuk over winkels (members only)',
      'Geheim oud stuk over winkels (unpublished)',
      'Geheim voorstel over winkels (in review)',
    ]);
    const draft = result.hits.find((hit) => hit.status === 'draft');
    expect(draft?.editPath).toMatch(new RegExp(`^/o/${orgA.slug}/kennisbank/[0-9a-f-]{36}$`));
    expect(result.hits.find((hit) => hit.membersOnly)?.editPath).toBeNull();
    expect(result.facets.kind).toEqual([{ value: 'best_practice', count: 4 }]);
  });
});

describe('browsing', () => {
  it('treats a query of stop words only as browsing, not as a search that finds nothing', async () => {
    const browse = await search(null, '');
    const stopWords = await search(null, q('de het'));
    expect(browse.total).toBeGreaterThan(0);
    expect(stopWords.query).toBe('de het');
    expect(stopWords.total).toBe(browse.total);
    expect(titles(stopWords)).toEqual(titles(browse));
    expect(stopWords.facets).toEqual(browse.facets);
  });

  it('keeps the counts of browsing exact when an item is added, changed and removed', async () => {
    const kindCount = (result: SearchResult, kind: string) =>
      result.facets.kind.find((v) => v.value === kind)?.count ?? 0;
    const before = await search(null, '');
    const beforeB = await search(memberB, '');
    const item = await insertItem(orgB, {
      title: 'Teller voor de facetten',
      kind: 'event_report',
      places: ['Bloemendaal'],
    });
    const added = await search(null, '');
    expect(added.total).toBe(before.total + 1);
    expect(kindCount(added, 'event_report')).toBe(kindCount(before, 'event_report') + 1);
    expect(added.facets.place).toContainEqual({ value: 'Bloemendaal', count: 1 });
    // The same counts as the path that counts the matching rows itself.
    const counted = await search(null, 'kind=event_report');
    expect(counted.total).toBe(kindCount(added, 'event_report'));

    await t.database.db
      .update(knowledgeItems)
      .set({ status: 'draft', kind: 'blog' })
      .where(eq(knowledgeItems.id, item.id));
    const hidden = await search(null, '');
    expect(hidden.total).toBe(before.total);
    expect(hidden.facets).toEqual(before.facets);
    const ownDraft = await search(memberB, '');
    expect(ownDraft.total).toBe(beforeB.total + 1);
    expect(kindCount(ownDraft, 'blog')).toBe(kindCount(beforeB, 'blog') + 1);

    await t.database.db.delete(knowledgeItems).where(eq(knowledgeItems.id, item.id));
    expect((await search(memberB, '')).facets).toEqual(beforeB.facets);
    expect((await search(null, '')).facets).toEqual(before.facets);
  });
});

describe('bad input', () => {
  it.each([
    ['kind=nonsense', 'kind'],
    ['page=0', 'page'],
    ['pageSize=51', 'pageSize'],
    [`q=${'a'.repeat(201)}`, 'q'],
    ['sort=popular', 'sort'],
    ['year=twenty', 'year'],
    ['theme=weer', 'theme'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const response = await request(t, null, {
      method: 'GET',
      url: `/api/v1/knowledge/search?${query}`,
    });
    expect(response.statusCode).toBe(400);
    const fields = (problem.parse(response.json()).errors ?? []).map((error) => error.field);
    expect(fields.some((name) => name === field || name.startsWith(`${field}.`))).toBe(true);
  });

  it('answers anything typed into q, operators and odd characters included', async () => {
    for (const words of ['"', '-', 'OR', '" OR -"', "'&|!:*()", 'de het een', '\u0001']) {
      const result = await search(null, q(words));
      expect(result.query).toBe(words.trim());
    }
  });
});
