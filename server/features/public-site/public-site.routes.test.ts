import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RichDoc } from '../../../common/richtext.ts';
import { richPlainText } from '../../../common/richtext.ts';
import { knowledgeItems } from '../../db/schema.ts';
import type { App } from '../../http/context.ts';
import {
  createActor,
  createOrg,
  createTestContext,
  request,
  type Actor,
  type TestContext,
} from '../../testing/harness.ts';
import { registerPublicSiteRoutes } from './public-site.routes.ts';

let t: TestContext;
let org: { id: string; slug: string };
let otherOrg: { id: string; slug: string };
let member: Actor;
let stranger: Actor;

type ItemInput = Partial<typeof knowledgeItems.$inferInsert> & { title: string };

async function insertItem(input: ItemInput & { orgId?: string }) {
  const slug = input.slug ?? `item-${randomBytes(4).toString('hex')}`;
  const body: RichDoc = (input.body as RichDoc | undefined) ?? {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Een gewone alinea.' }] }],
  };
  const status = input.status ?? 'published';
  const publishedAt =
    input.publishedAt !== undefined
      ? input.publishedAt
      : status === 'published'
        ? new Date('2024-03-01T10:00:00Z')
        : null;
  const [row] = await t.database.db
    .insert(knowledgeItems)
    .values({
      orgId: org.id,
      kind: 'best_practice',
      summary: '',
      ...input,
      slug,
      status,
      body,
      bodyText: richPlainText(body),
      publishedAt,
      firstPublishedAt: input.firstPublishedAt ?? publishedAt,
    })
    .returning();
  if (!row) throw new Error('item not inserted');
  return row;
}

const h1Count = (html: string) => (html.match(/<h1[\s>]/g) ?? []).length;

beforeAll(async () => {
  t = await createTestContext({ PUBLIC_URL: 'https://stadshart.example' });
  org = await createOrg(t, 'Gemeente Velsen');
  otherOrg = await createOrg(t, 'Gemeente Elders');
  member = await createActor(t, { org, role: 'member' });
  stranger = await createActor(t, { org: otherOrg, role: 'admin' });
});
afterAll(async () => {
  await t.close();
});

describe('GET /kennisbank/:slug', () => {
  it('renders a public item as a complete, indexable page without scripts', async () => {
    const related = await insertItem({
      title: 'Winkelstraten in IJmuiden',
      summary: 'Hoe de haven en de winkels elkaar vinden.',
      places: ['IJmuiden'],
      trends: ['Anders consumeren'],
    });
    const item = await insertItem({
      title: 'Regiolab IJmond',
      summary: 'Drie centra zoeken samen naar hun rol in de regio.',
      places: ['IJmuiden', 'Beverwijk'],
      region: 'IJmond',
      trends: ['Anders consumeren'],
      themes: ['identiteit', 'governance'],
      sizeClass: '50k-100k',
      licence: 'CC-BY-SA-4.0',
      attribution: 'Kennisnetwerk Binnensteden',
      body: {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Aanpak' }] },
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Lees ' },
              {
                type: 'text',
                text: 'het canvas',
                marks: [{ type: 'link', attrs: { href: 'https://example.org/canvas' } }],
              },
              { type: 'text', text: ' en ', marks: [{ type: 'bold' }] },
            ],
          },
          {
            type: 'bulletList',
            content: [
              {
                type: 'listItem',
                content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Eerste punt' }] }],
              },
              {
                type: 'listItem',
                content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tweede punt' }] }],
              },
            ],
          },
        ],
      },
    });
    const res = await request(t, null, { method: 'GET', url: `/kennisbank/${item.slug}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.body;
    expect(html).toContain('<html lang="nl">');
    expect(h1Count(html)).toBe(1);
    expect(html).toMatch(/<h1 class="utrecht-heading-1">Regiolab IJmond<\/h1>/);
    expect(html).toContain('href="#inhoud"');
    expect(html).toContain('<main id="inhoud"');
    expect(html).toContain(
      `<link rel="canonical" href="https://stadshart.example/kennisbank/${item.slug}">`,
    );
    expect(html).toContain(
      '<meta name="description" content="Drie centra zoeken samen naar hun rol in de regio.">',
    );
    expect(html).toContain('<meta property="og:title" content="Regiolab IJmond">');
    expect(html).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Stadshart kennisbank: nieuwe items" href="https://stadshart.example/kennisbank/feed.atom">',
    );
    expect(html).not.toContain('noindex');
    // Metadata, translated.
    expect(html).toContain('Praktijkvoorbeeld');
    expect(html).toContain('Identiteit, Governance');
    expect(html).toContain('50.000 tot 100.000 inwoners');
    expect(html).toContain('IJmuiden, Beverwijk');
    expect(html).toContain('IJmond');
    expect(html).toContain('Gemeente Velsen');
    // Body through richBlocks.
    expect(html).toContain('<h2 class="utrecht-heading-2">Aanpak</h2>');
    expect(html).toContain(
      '<a class="utrecht-link utrecht-link--html-a" href="https://example.org/canvas" rel="nofollow noopener">het canvas</a>',
    );
    expect(html).toContain('<strong> en </strong>');
    expect(html).toContain(
      '<ul class="utrecht-unordered-list"><li>Eerste punt</li><li>Tweede punt</li></ul>',
    );
    // Licence and attribution.
    expect(html).toContain('https://creativecommons.org/licenses/by-sa/4.0/deed.nl');
    expect(html).toContain('CC BY-SA 4.0</a>');
    expect(html).toContain('© 2024 Kennisnetwerk Binnensteden · CC BY-SA 4.0');
    // Related items.
    expect(html).toContain('Gerelateerde items');
    expect(html).toContain(`href="/kennisbank/${related.slug}"`);
    // No scripts, nothing from another host except links people follow.
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="\/\/|src="https?:/);
    expect(html).toMatch(/<link rel="stylesheet" href="\/kennisbank\/site\.css\?v=[\w-]+">/);
    // Public: shared caches may keep it.
    expect(res.headers['cache-control']).toBe('public, no-cache');
    expect(res.headers.etag).toBeTruthy();
    expect(res.headers['last-modified']).toBeTruthy();
    expect(res.headers.vary).toContain('Cookie');
  });

  it('escapes hostile titles, summaries and bodies and drops unsafe links', async () => {
    const item = await insertItem({
      title: '<script>alert("t")</script> "Quote" & \'single\'',
      summary: '"><img src=x onerror=alert(1)>',
      places: ['<b>Plaats</b>'],
      attribution: '<i>Wie</i>',
      body: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: '<script>alert(2)</script>' },
              { type: 'text', text: 'klik' },
              {
                type: 'text',
                text: 'ook',
                marks: [{ type: 'link', attrs: { href: 'https://x.example/"onmouseover="a' } }],
              },
            ],
          },
        ],
      },
    });
    const res = await request(t, null, { method: 'GET', url: `/kennisbank/${item.slug}` });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>Plaats');
    expect(html).not.toContain('<i>Wie');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('"onmouseover=');
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; &quot;Quote&quot; &amp; &#39;single&#39;',
    );
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;klik');
    expect(html).toContain(
      '<meta name="description" content="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">',
    );
    expect(html).toContain('href="https://x.example/&quot;onmouseover=&quot;a"');
  });

  it('answers 404 for drafts, unpublished and unknown items, whoever asks', async () => {
    const draft = await insertItem({ title: 'Concepttekst', status: 'draft' });
    const review = await insertItem({ title: 'Ter beoordeling', status: 'in_review' });
    const gone = await insertItem({
      title: 'Teruggetrokken',
      status: 'unpublished',
      publishedAt: new Date('2024-01-01T00:00:00Z'),
    });
    for (const actor of [null, member, stranger]) {
      for (const slug of [draft.slug, review.slug, gone.slug, 'bestaat-niet', '%3Cscript%3E']) {
        const res = await request(t, actor, { method: 'GET', url: `/kennisbank/${slug}` });
        expect(res.statusCode, `${slug} as ${actor?.email ?? 'visitor'}`).toBe(404);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.body).toContain('Niet gevonden');
        expect(res.body).not.toContain('Concepttekst');
        expect(res.body).toContain('<meta name="robots" content="noindex">');
        expect(res.headers['cache-control']).toBe('private, no-cache');
      }
    }
  });

  it('shows members-only items to members of the organisation alone, never cached publicly', async () => {
    const item = await insertItem({ title: 'Alleen voor ons', membersOnly: true });
    for (const actor of [null, stranger]) {
      const res = await request(t, actor, { method: 'GET', url: `/kennisbank/${item.slug}` });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Alleen voor ons');
    }
    // A conditional request must not reveal the item either (no 304 without reading rights).
    const probe = await request(t, null, {
      method: 'GET',
      url: `/kennisbank/${item.slug}`,
      headers: { 'if-modified-since': new Date(Date.now() + 86_400_000).toUTCString() },
    });
    expect(probe.statusCode).toBe(404);
    const res = await request(t, member, { method: 'GET', url: `/kennisbank/${item.slug}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Alleen voor ons');
    expect(res.body).toContain('Alleen voor leden');
    expect(res.body).toContain(`href="/o/${org.slug}/kennisbank/${item.id}"`);
    expect(res.body).toContain('<meta name="robots" content="noindex">');
    expect(res.headers['cache-control']).toBe('private, no-cache');
  });

  it('gives a member of the organisation a private page with an edit link', async () => {
    const item = await insertItem({ title: 'Openbaar van ons' });
    const asMember = await request(t, member, { method: 'GET', url: `/kennisbank/${item.slug}` });
    expect(asMember.headers['cache-control']).toBe('private, no-cache');
    expect(asMember.body).toContain('Dit item bewerken');
    const asStranger = await request(t, stranger, {
      method: 'GET',
      url: `/kennisbank/${item.slug}`,
    });
    expect(asStranger.headers['cache-control']).toBe('public, no-cache');
    expect(asStranger.body).not.toContain('Dit item bewerken');
  });

  it('answers repeat visits with 304 through ETag and Last-Modified', async () => {
    const item = await insertItem({ title: 'Herhaald bezoek' });
    const url = `/kennisbank/${item.slug}`;
    const first = await request(t, null, { method: 'GET', url });
    const etag = String(first.headers.etag);
    const byTag = await request(t, null, {
      method: 'GET',
      url,
      headers: { 'if-none-match': etag },
    });
    expect(byTag.statusCode).toBe(304);
    expect(byTag.body).toBe('');
    const byDate = await request(t, null, {
      method: 'GET',
      url,
      headers: { 'if-modified-since': String(first.headers['last-modified']) },
    });
    expect(byDate.statusCode).toBe(304);
    const stale = await request(t, null, {
      method: 'GET',
      url,
      headers: { 'if-none-match': '"iets-anders"' },
    });
    expect(stale.statusCode).toBe(200);
    const older = await request(t, null, {
      method: 'GET',
      url,
      headers: { 'if-modified-since': new Date('2000-01-01').toUTCString() },
    });
    expect(older.statusCode).toBe(200);
  });

  it('speaks English with ?lang=en', async () => {
    const item = await insertItem({ title: 'Taalwissel', themes: ['veerkracht'] });
    const res = await request(t, null, { method: 'GET', url: `/kennisbank/${item.slug}?lang=en` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('Resilience');
    expect(res.body).toContain('Best practice');
  });
});

describe('GET /kennisbank', () => {
  let publicItem: Awaited<ReturnType<typeof insertItem>>;
  let draft: Awaited<ReturnType<typeof insertItem>>;

  beforeAll(async () => {
    publicItem = await insertItem({
      kind: 'blog',
      title: 'Winkelen in de haven',
      summary: 'Over winkels, vis en staal.',
      places: ['IJmuiden'],
      themes: ['economie'],
    });
    draft = await insertItem({
      kind: 'blog',
      title: 'Winkelen concept',
      summary: 'Nog niet af: winkels.',
      status: 'draft',
    });
    await insertItem({
      kind: 'blog',
      title: 'Winkelen elders',
      summary: 'Winkels van een ander.',
      orgId: otherOrg.id,
      membersOnly: true,
    });
  });

  it('shows the search form, highlighted hits and facets to a visitor, and caches publicly', async () => {
    const res = await request(t, null, { method: 'GET', url: '/kennisbank?q=winkel' });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(h1Count(html)).toBe(1);
    expect(html).toContain('<form id="kennisbank-zoeken"');
    expect(html).toContain('method="get" action="/kennisbank"');
    expect(html).toContain('<label class="utrecht-form-label" for="q">Zoekwoorden</label>');
    expect(html).toContain('value="winkel"');
    expect(html).toContain(`href="/kennisbank/${publicItem.slug}"`);
    expect(html).toMatch(/<mark class="utrecht-mark">[Ww]inkel/);
    expect(html).not.toContain('Winkelen concept');
    expect(html).not.toContain('Winkelen elders');
    expect(html).toMatch(
      /name="kind" value="blog"[^>]*>\s*<label[^>]*>Blog <span class="ps-count">\(1\)<\/span>/,
    );
    expect(html).toContain('Economie');
    expect(html).not.toMatch(/<script/i);
    expect(res.headers['cache-control']).toBe('public, no-cache');
    expect(res.headers.vary).toContain('Cookie');
  });

  it('filters by facets from repeated query parameters', async () => {
    const res = await request(t, null, {
      method: 'GET',
      url: '/kennisbank?kind=blog&kind=publication&theme=economie',
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Winkelen in de haven');
    expect(res.body).toMatch(/name="theme" value="economie" checked/);
    const none = await request(t, null, { method: 'GET', url: '/kennisbank?theme=veerkracht' });
    expect(none.statusCode).toBe(200);
    expect(none.body).not.toContain('Winkelen in de haven');
    // The chosen value stays on screen so it can be unticked.
    expect(none.body).toMatch(/name="theme" value="veerkracht" checked/);
  });

  it("shows a member their organisation's drafts with a label, privately", async () => {
    const res = await request(t, member, { method: 'GET', url: '/kennisbank?q=winkel' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Winkelen concept');
    expect(res.body).toContain('Concept');
    expect(res.body).toContain(draft.id);
    expect(res.body).not.toContain('Winkelen elders');
    expect(res.headers['cache-control']).toBe('private, no-cache');
    const other = await request(t, stranger, { method: 'GET', url: '/kennisbank?q=winkel' });
    expect(other.body).not.toContain('Winkelen concept');
    expect(other.body).toContain('Winkelen elders');
    expect(other.body).toContain('Alleen voor leden');
  });

  it('answers a bad query with a readable 400 page', async () => {
    for (const [url, field] of [
      ['/kennisbank?sort=bogus', 'sortering'],
      ['/kennisbank?page=nul', 'pagina'],
      ['/kennisbank?kind=recept', 'soort'],
      [`/kennisbank?q=${'a'.repeat(300)}`, 'zoekwoorden'],
    ] as const) {
      const res = await request(t, null, { method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('Deze zoekopdracht klopt niet');
      expect(res.body).toContain(`<strong>${field}</strong>`);
      expect(h1Count(res.body)).toBe(1);
    }
  });

  it('links pages of results', async () => {
    const res = await request(t, null, { method: 'GET', url: '/kennisbank?pageSize=1&sort=date' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('aria-label="Paginering"');
    expect(res.body).toContain('href="/kennisbank?sort=date&amp;page=2&amp;pageSize=1"');
  });
});

describe('GET /kennisbank/feed.atom', () => {
  it('lists only public items as valid Atom with the required elements', async () => {
    const feedItem = await insertItem({
      kind: 'publication',
      title: 'Feed & <publicatie>',
      summary: 'Samenvatting met "quotes".',
      attribution: 'Team <X>',
      publishedAt: new Date('2030-01-02T03:04:05Z'),
    });
    const hidden = await insertItem({
      title: 'Geheim feeditem',
      membersOnly: true,
      publishedAt: new Date('2030-01-03T00:00:00Z'),
    });
    await insertItem({ title: 'Conceptfeed', status: 'draft' });
    const res = await request(t, member, { method: 'GET', url: '/kennisbank/feed.atom' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=900');

    // Parse strictly and collect the tree we check.
    interface Node {
      name: string;
      attrs: Record<string, string>;
      text: string;
      children: Node[];
    }
    const root: Node = { name: '#root', attrs: {}, text: '', children: [] };
    const stack: Node[] = [root];
    const parser = new SaxesParser({ xmlns: true });
    parser.on('opentag', (tag) => {
      const node: Node = {
        name: `${tag.uri}|${tag.local}`,
        attrs: Object.fromEntries(
          Object.values(tag.attributes).map((a) => [
            typeof a === 'string' ? '' : a.local,
            typeof a === 'string' ? a : a.value,
          ]),
        ),
        text: '',
        children: [],
      };
      stack.at(-1)?.children.push(node);
      stack.push(node);
    });
    parser.on('text', (text) => {
      const top = stack.at(-1);
      if (top) top.text += text;
    });
    parser.on('closetag', () => void stack.pop());
    parser.write(res.body).close();

    const atom = 'http://www.w3.org/2005/Atom|';
    const feed = root.children[0];
    expect(feed?.name).toBe(`${atom}feed`);
    const child = (node: Node | undefined, name: string) =>
      node?.children.filter((c) => c.name === `${atom}${name}`) ?? [];
    for (const required of ['id', 'title', 'updated'])
      expect(child(feed, required)).toHaveLength(1);
    expect(child(feed, 'link').some((l) => l.attrs.rel === 'self')).toBe(true);
    const entries = child(feed, 'entry');
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.length).toBeLessThanOrEqual(50);
    for (const entry of entries) {
      for (const required of ['id', 'title', 'updated', 'author']) {
        expect(child(entry, required), required).toHaveLength(1);
      }
      expect(child(child(entry, 'author')[0], 'name')[0]?.text).toBeTruthy();
      expect(child(entry, 'link')[0]?.attrs.href).toMatch(
        /^https:\/\/stadshart\.example\/kennisbank\/[a-z0-9-]+$/,
      );
      expect(Number.isNaN(Date.parse(child(entry, 'updated')[0]?.text ?? ''))).toBe(false);
    }
    const titles = entries.map((e) => child(e, 'title')[0]?.text);
    expect(titles[0]).toBe('Feed & <publicatie>');
    expect(titles).not.toContain('Geheim feeditem');
    expect(titles).not.toContain('Conceptfeed');
    expect(res.body).not.toContain(hidden.id);
    const first = entries[0];
    expect(child(first, 'id')[0]?.text).toBe(`urn:uuid:${feedItem.id}`);
    expect(child(first, 'summary')[0]?.text).toBe('Samenvatting met "quotes".');
    expect(child(first, 'rights')[0]?.text).toBe('© 2030 Team <X> · CC BY-SA 4.0');
    expect(child(child(first, 'author')[0], 'name')[0]?.text).toBe('Gemeente Velsen');
    expect(child(feed, 'updated')[0]?.text).toBe('2030-01-02T03:04:05.000Z');

    const again = await request(t, null, {
      method: 'GET',
      url: '/kennisbank/feed.atom',
      headers: { 'if-none-match': String(res.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });
});

describe('assets and routing', () => {
  it('serves one stylesheet and the fonts it names with a long cache', async () => {
    const page = await request(t, null, { method: 'GET', url: '/kennisbank' });
    const href = /<link rel="stylesheet" href="([^"]+)">/.exec(page.body)?.[1] ?? '';
    const css = await request(t, null, { method: 'GET', url: href });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(css.body).toContain('.utrecht-heading-1');
    expect(css.body).toContain('.voorbeeld-theme');
    expect(css.body).toContain('.stadshart-theme');
    expect(css.body).toContain('.ps-hit');
    const fonts = [...css.body.matchAll(/url\((\/kennisbank\/fonts\/[^)]+)\)/g)].map((m) => m[1]);
    expect(fonts.length).toBe(3);
    for (const font of fonts) {
      const res = await request(t, null, { method: 'GET', url: font ?? '' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('font/woff2');
    }
    const evil = await request(t, null, {
      method: 'GET',
      url: '/kennisbank/fonts/..%2F..%2Fpackage.json',
    });
    expect(evil.statusCode).toBe(404);
  });

  it('wins over a catch-all route like the web app fallback', async () => {
    // The same shape as server/http/web.ts registers when dist/web exists.
    const app = Fastify({ logger: false }) as unknown as App;
    await app.register((await import('@fastify/cookie')).default);
    registerPublicSiteRoutes(app, t.ctx);
    app.get('/*', (_request, reply) => reply.type('text/html').send('<div id="root"></div>'));
    await app.ready();
    try {
      for (const url of ['/kennisbank', '/kennisbank/feed.atom', '/kennisbank/iets']) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.body, url).not.toContain('<div id="root">');
      }
      expect((await app.inject({ method: 'GET', url: '/o/x' })).body).toContain('id="root"');
    } finally {
      await app.close();
    }
    // And in the real app, whether or not dist/web was built.
    const real = await request(t, null, { method: 'GET', url: '/kennisbank' });
    expect(real.body).toContain('<h1 class="utrecht-heading-1">Kennisbank</h1>');
  });
});
