import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  knowledgeHistory,
  knowledgeItem,
  knowledgeItemList,
  publicKnowledgeItem,
} from '../../../common/knowledge.ts';
import { problem } from '../../../common/problem.ts';
import { richDocFromText } from '../../../common/richtext.ts';
import {
  collabDocuments,
  knowledgeItemEvents,
  knowledgeItems,
  storedFiles,
} from '../../db/schema.ts';
import {
  createActor,
  createOrg,
  createTestContext,
  request,
  type Actor,
  type TestContext,
} from '../../testing/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

interface Org {
  id: string;
  slug: string;
}

let orgA: Org;
let orgB: Org;
let memberA: Actor;
let otherMemberA: Actor;
let facilitatorA: Actor;
let adminA: Actor;
let adminB: Actor;
let memberB: Actor;

beforeEach(async () => {
  // Published items are visible across organisations; each test starts from an empty base.
  await t.database.db.delete(knowledgeItems);
  orgA = await createOrg(t, 'Kennisnetwerk Binnenstad');
  orgB = await createOrg(t, 'Gemeente Haarlem');
  memberA = await createActor(t, { org: orgA, role: 'member', name: 'Kees Molenaar' });
  otherMemberA = await createActor(t, { org: orgA, role: 'member', name: 'Fatma Yilmaz' });
  facilitatorA = await createActor(t, { org: orgA, role: 'facilitator', name: 'Els Visser' });
  adminA = await createActor(t, { org: orgA, role: 'admin', name: 'Anna Admin' });
  adminB = await createActor(t, { org: orgB, role: 'admin' });
  memberB = await createActor(t, { org: orgB, role: 'member' });
});

const base = (org: Org) => `/api/v1/orgs/${org.slug}/knowledge`;
const itemUrl = (org: Org, id: string, rest = '') => `${base(org)}/${id}${rest}`;
const publicUrl = (slug: string) => `/api/v1/knowledge/items/${slug}`;

const ijmuiden = {
  kind: 'best_practice',
  title: 'Pop-upwinkels tegen leegstand in IJmuiden',
  summary: 'Hoe lege panden aan de Lange Nieuwstraat tijdelijk een nieuwe functie kregen.',
  places: ['IJmuiden'],
  region: 'IJmond',
  trends: ['Anders consumeren'],
  themes: ['economie', 'levendigheid'],
  sizeClass: '50k-100k',
  body: richDocFromText('Eerste alinea over de winkels.\n\nTweede alinea over de eigenaren.'),
};

async function create(actor: Actor, payload: object = ijmuiden, org: Org = orgA) {
  const response = await request(t, actor, { method: 'POST', url: base(org), payload });
  expect(response.statusCode, response.body).toBe(201);
  return knowledgeItem.parse(response.json());
}

async function act(actor: Actor | null, item: { id: string }, action: string, org = orgA) {
  const payload = action === 'return' ? { note: 'Graag een bron toevoegen.' } : undefined;
  return request(t, actor, {
    method: 'POST',
    url: itemUrl(org, item.id, `/${action}`),
    ...(payload ? { payload } : {}),
  });
}

async function published(payload: object = ijmuiden, org: Org = orgA, by: Actor = facilitatorA) {
  const item = await create(by, payload, org);
  const response = await act(by, item, 'publish', org);
  expect(response.statusCode, response.body).toBe(200);
  return knowledgeItem.parse(response.json());
}

async function row(id: string) {
  const [found] = await t.database.db
    .select()
    .from(knowledgeItems)
    .where(eq(knowledgeItems.id, id));
  return found;
}

async function eventCount(id: string) {
  const rows = await t.database.db
    .select()
    .from(knowledgeItemEvents)
    .where(eq(knowledgeItemEvents.itemId, id));
  return rows.length;
}

function expectProblem(response: { statusCode: number; json(): unknown }, status: number) {
  expect(response.statusCode).toBe(status);
  return problem.parse(response.json());
}

describe('signed out', () => {
  it('answers 401 on every organisation endpoint, before reading the body', async () => {
    const item = await create(memberA);
    const calls: [string, string, object?][] = [
      ['GET', base(orgA)],
      ['POST', base(orgA), { kind: 'blog' }],
      ['GET', itemUrl(orgA, item.id)],
      ['PATCH', itemUrl(orgA, item.id), { title: '' }],
      ['POST', itemUrl(orgA, item.id, '/submit')],
      ['POST', itemUrl(orgA, item.id, '/return'), { note: 5 }],
      ['POST', itemUrl(orgA, item.id, '/publish')],
      ['POST', itemUrl(orgA, item.id, '/unpublish')],
      ['GET', itemUrl(orgA, item.id, '/history')],
      ['GET', itemUrl(orgA, item.id, '/preview')],
      ['POST', `/api/v1/orgs/${orgA.slug}/labs/${randomUUID()}/report/versions/1/publish`, {}],
    ];
    for (const [method, url, payload] of calls) {
      const response = await t.app.inject({
        method: method as 'GET',
        url,
        ...(payload ? { payload } : {}),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(problem.parse(response.json()).code).toBe('unauthenticated');
    }
    expect((await row(item.id))?.status).toBe('draft');
  });
});

describe('another organisation', () => {
  it("answers 404 to an admin of org B for org A's items, under either slug, and changes nothing", async () => {
    const item = await create(memberA);
    const calls: [string, string, object?][] = [
      ['GET', itemUrl(orgA, item.id)],
      ['PATCH', itemUrl(orgA, item.id), { title: 'Overgenomen' }],
      ['POST', itemUrl(orgA, item.id, '/submit')],
      ['POST', itemUrl(orgA, item.id, '/return'), {}],
      ['POST', itemUrl(orgA, item.id, '/publish')],
      ['POST', itemUrl(orgA, item.id, '/unpublish')],
      ['GET', itemUrl(orgA, item.id, '/history')],
      ['GET', itemUrl(orgA, item.id, '/preview')],
      ['GET', base(orgA)],
      ['POST', base(orgA), { kind: 'blog', title: 'Ingebroken' }],
    ];
    for (const [method, url, payload] of calls) {
      for (const target of [url, url.replace(orgA.slug, orgB.slug)]) {
        if (target === base(orgB) || (method === 'POST' && target === base(orgB))) continue;
        const response = await request(t, adminB, {
          method: method,
          url: target,
          ...(payload ? { payload } : {}),
        });
        expect(response.statusCode, `${method} ${target}`).toBe(404);
        expect(problem.parse(response.json()).code).toBe('not_found');
      }
    }
    const after = await row(item.id);
    expect(after).toMatchObject({ status: 'draft', title: ijmuiden.title });
    expect(await eventCount(item.id)).toBe(1);
  });

  it("lists only the organisation's own items", async () => {
    await create(memberA);
    await create(adminB, { kind: 'blog', title: 'Haarlemse markt' }, orgB);
    const response = await request(t, memberB, { method: 'GET', url: base(orgB) });
    const list = knowledgeItemList.parse(response.json());
    expect(list.items.map((i) => i.title)).toEqual(['Haarlemse markt']);
  });
});

describe('bad input', () => {
  it('answers 400 naming the field and changes nothing', async () => {
    const item = await create(memberA);
    const cases: [string, string, object | undefined, string][] = [
      ['POST', base(orgA), { kind: 'blog', title: '   ' }, 'title'],
      ['POST', base(orgA), { kind: 'roman', title: 'Iets' }, 'kind'],
      ['POST', base(orgA), { kind: 'blog', title: 'Iets', themes: ['weer'] }, 'themes.0'],
      ['PATCH', itemUrl(orgA, item.id), { places: ['IJmuiden', 'ijmuiden'] }, 'places'],
      ['PATCH', itemUrl(orgA, item.id), { licence: 'GPL' }, 'licence'],
      ['PATCH', itemUrl(orgA, item.id), { body: { type: 'paragraph' } }, 'body'],
      ['PATCH', itemUrl(orgA, 'not-a-uuid'), { title: 'x' }, 'itemId'],
      ['POST', itemUrl(orgA, item.id, '/return'), { note: 'x'.repeat(2001) }, 'note'],
      ['GET', `${base(orgA)}?status=archived`, undefined, 'status'],
      ['GET', itemUrl(orgA, 'nope', '/history'), undefined, 'itemId'],
    ];
    for (const [method, url, payload, field] of cases) {
      const response = await request(t, facilitatorA, {
        method: method,
        url,
        ...(payload ? { payload } : {}),
      });
      const body = expectProblem(response, 400);
      expect(body.code, `${method} ${url}`).toBe('validation_failed');
      expect(
        body.errors?.map((e) => e.field),
        `${method} ${url}`,
      ).toContain(field);
    }
    const after = await row(item.id);
    expect(after).toMatchObject({
      status: 'draft',
      title: ijmuiden.title,
      licence: 'CC-BY-SA-4.0',
    });
    expect(after?.places).toEqual(['IJmuiden']);
    expect(await eventCount(item.id)).toBe(1);
    const list = knowledgeItemList.parse(
      (await request(t, memberA, { method: 'GET', url: base(orgA) })).json(),
    );
    expect(list.items).toHaveLength(1);
  });

  it('refuses a body that carries a javascript: link', async () => {
    const item = await create(memberA);
    const body = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'klik',
              marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
            },
          ],
        },
      ],
    };
    const response = await request(t, memberA, {
      method: 'PATCH',
      url: itemUrl(orgA, item.id),
      payload: { body },
    });
    expectProblem(response, 400);
    expect((await row(item.id))?.bodyText).toContain('Eerste alinea');
  });
});

describe('writing and the workflow', () => {
  it('creates a draft with a slug from the title, the defaults and a created event', async () => {
    const item = await create(memberA);
    expect(item).toMatchObject({
      status: 'draft',
      kind: 'best_practice',
      title: ijmuiden.title,
      places: ['IJmuiden'],
      region: 'IJmond',
      themes: ['economie', 'levendigheid'],
      licence: 'CC-BY-SA-4.0',
      membersOnly: false,
      orgSlug: orgA.slug,
      orgName: 'Kennisnetwerk Binnenstad',
      createdBy: 'Kees Molenaar',
      documentName: `knowledge.${item.id}`,
      source: null,
      publishedAt: null,
      reviewNote: null,
      images: [],
      can: { edit: true, review: false, publish: false },
    });
    expect(item.slug).toMatch(/^pop-upwinkels-tegen-leegstand-in-ijmuiden-[0-9a-f]{6}$/);
    expect(item.attributionLine).toBe(
      `© ${new Date().getFullYear()} Kennisnetwerk Binnenstad · CC BY-SA 4.0`,
    );
    expect((await row(item.id))?.bodyText).toBe(
      'Eerste alinea over de winkels.\n\nTweede alinea over de eigenaren.',
    );
    const history = knowledgeHistory.parse(
      (
        await request(t, memberA, { method: 'GET', url: itemUrl(orgA, item.id, '/history') })
      ).json(),
    );
    expect(history.events).toMatchObject([{ action: 'created', actor: 'Kees Molenaar' }]);
  });

  it('lets any member edit a draft, keeps body_text in step, and filters the list by status', async () => {
    const item = await create(memberA);
    const response = await request(t, otherMemberA, {
      method: 'PATCH',
      url: itemUrl(orgA, item.id),
      payload: {
        title: 'Pop-ups in IJmuiden',
        attribution: 'Gemeente Velsen',
        licence: 'CC-BY-4.0',
        body: richDocFromText('Nieuwe tekst over cafés.'),
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const changed = knowledgeItem.parse(response.json());
    expect(changed).toMatchObject({ title: 'Pop-ups in IJmuiden', slug: item.slug });
    expect(changed.attributionLine).toContain('Gemeente Velsen · CC BY 4.0');
    expect((await row(item.id))?.bodyText).toBe('Nieuwe tekst over cafés.');

    await act(memberA, item, 'submit');
    const drafts = knowledgeItemList.parse(
      (await request(t, memberA, { method: 'GET', url: `${base(orgA)}?status=draft` })).json(),
    );
    expect(drafts.items).toEqual([]);
    const inReview = knowledgeItemList.parse(
      (await request(t, memberA, { method: 'GET', url: `${base(orgA)}?status=in_review` })).json(),
    );
    expect(inReview.items.map((i) => i.id)).toEqual([item.id]);
  });

  it('refuses a body over HTTP once the item has a live document, and keeps metadata editable', async () => {
    const item = await create(memberA);
    await t.database.db.insert(collabDocuments).values({
      name: item.documentName,
      knowledgeItemId: item.id,
      state: Buffer.from([0, 0]),
    });
    const refused = await request(t, memberA, {
      method: 'PATCH',
      url: itemUrl(orgA, item.id),
      payload: { title: 'Mag niet half', body: richDocFromText('Overschreven') },
    });
    expect(expectProblem(refused, 409).detail).toMatch(/edited live/);
    expect(await row(item.id)).toMatchObject({ title: ijmuiden.title });
    const allowed = await request(t, memberA, {
      method: 'PATCH',
      url: itemUrl(orgA, item.id),
      payload: { title: 'Wel de titel' },
    });
    expect(allowed.statusCode).toBe(200);
  });

  it('runs submit → return with a note → submit → publish → unpublish → publish, one event each', async () => {
    const item = await create(memberA);
    expect((await act(memberA, item, 'submit')).statusCode).toBe(200);
    expectProblem(await act(memberA, item, 'return'), 403);
    const returned = await act(facilitatorA, item, 'return');
    expect(knowledgeItem.parse(returned.json())).toMatchObject({
      status: 'draft',
      reviewNote: 'Graag een bron toevoegen.',
    });
    expect((await act(otherMemberA, item, 'submit')).statusCode).toBe(200);
    const asReviewer = knowledgeItem.parse(
      (await request(t, facilitatorA, { method: 'GET', url: itemUrl(orgA, item.id) })).json(),
    );
    expect(asReviewer.can).toEqual({ edit: true, review: true, publish: true });
    expectProblem(await act(memberA, item, 'publish'), 403);
    const live = knowledgeItem.parse((await act(facilitatorA, item, 'publish')).json());
    expect(live).toMatchObject({ status: 'published', reviewNote: null });
    expect(live.publishedAt).not.toBeNull();
    const first = await row(item.id);
    expect(first?.firstPublishedAt?.toISOString()).toBe(live.publishedAt);
    expect(first?.publishedBy).toBe(facilitatorA.userId);
    expectProblem(await act(adminA, item, 'publish'), 409);

    expect(knowledgeItem.parse((await act(adminA, item, 'unpublish')).json()).status).toBe(
      'unpublished',
    );
    expectProblem(await act(adminA, item, 'unpublish'), 409);
    const again = knowledgeItem.parse((await act(adminA, item, 'publish')).json());
    expect(again.status).toBe('published');
    const last = await row(item.id);
    expect(last?.firstPublishedAt?.toISOString()).toBe(live.publishedAt);
    expect(last?.publishedBy).toBe(adminA.userId);

    const history = knowledgeHistory.parse(
      (
        await request(t, memberA, { method: 'GET', url: itemUrl(orgA, item.id, '/history') })
      ).json(),
    );
    expect(history.events.map((e) => [e.action, e.actor])).toEqual([
      ['created', 'Kees Molenaar'],
      ['submitted', 'Kees Molenaar'],
      ['returned', 'Els Visser'],
      ['submitted', 'Fatma Yilmaz'],
      ['published', 'Els Visser'],
      ['unpublished', 'Anna Admin'],
      ['published', 'Anna Admin'],
    ]);
    expect(history.events[2]?.note).toBe('Graag een bron toevoegen.');
    const snapshots = await t.database.db
      .select()
      .from(knowledgeItemEvents)
      .where(eq(knowledgeItemEvents.itemId, item.id));
    const publishedSnapshot = snapshots.find((e) => e.action === 'unpublished')?.snapshot;
    expect(publishedSnapshot).toMatchObject({
      title: ijmuiden.title,
      summary: ijmuiden.summary,
      places: ['IJmuiden'],
      licence: 'CC-BY-SA-4.0',
      body: { type: 'doc' },
    });
    expect(snapshots.find((e) => e.action === 'submitted')?.snapshot).toBeNull();
  });

  it('keeps a published item from members, while a facilitator edit goes live at once', async () => {
    const item = await published();
    const asMember = knowledgeItem.parse(
      (await request(t, memberA, { method: 'GET', url: itemUrl(orgA, item.id) })).json(),
    );
    expect(asMember.can).toEqual({ edit: false, review: false, publish: false });
    const refused = await request(t, memberA, {
      method: 'PATCH',
      url: itemUrl(orgA, item.id),
      payload: { title: 'Door een lid' },
    });
    expectProblem(refused, 403);
    const edited = await request(t, facilitatorA, {
      method: 'PATCH',
      url: itemUrl(orgA, item.id),
      payload: { summary: 'Bijgewerkte samenvatting.', body: richDocFromText('Nieuwe body') },
    });
    expect(edited.statusCode).toBe(200);
    const publicView = publicKnowledgeItem.parse(
      (await t.app.inject({ method: 'GET', url: publicUrl(item.slug) })).json(),
    );
    expect(publicView.summary).toBe('Bijgewerkte samenvatting.');
    expect(publicView.body).toEqual(richDocFromText('Nieuwe body'));
  });

  it('shows uploaded images, served from /files/<id>', async () => {
    const item = await create(memberA);
    const [file] = await t.database.db
      .insert(storedFiles)
      .values({
        orgId: orgA.id,
        knowledgeItemId: item.id,
        mediaType: 'image/png',
        byteSize: 1234,
        sha256: 'a'.repeat(64),
        fileName: 'kanaalzijde.png',
        alt: 'De kade bij de Kennemerlaan',
        createdBy: memberA.userId,
      })
      .returning();
    const got = knowledgeItem.parse(
      (await request(t, memberA, { method: 'GET', url: itemUrl(orgA, item.id) })).json(),
    );
    expect(got.images).toEqual([
      {
        id: file?.id,
        url: `/files/${file?.id}`,
        mediaType: 'image/png',
        byteSize: 1234,
        fileName: 'kanaalzijde.png',
        alt: 'De kade bij de Kennemerlaan',
      },
    ]);
  });

  it('previews a draft in the public shape, for members of the organisation only', async () => {
    const item = await create(memberA);
    const response = await request(t, memberA, {
      method: 'GET',
      url: itemUrl(orgA, item.id, '/preview'),
    });
    expect(response.statusCode).toBe(200);
    const preview = publicKnowledgeItem.parse(response.json());
    expect(preview).toMatchObject({
      slug: item.slug,
      title: ijmuiden.title,
      orgName: 'Kennisnetwerk Binnenstad',
      related: [],
    });
    expect(Object.keys(preview)).not.toContain('status');
    expect((await t.app.inject({ method: 'GET', url: publicUrl(item.slug) })).statusCode).toBe(404);
  });
});

describe('the public JSON', () => {
  it('shows a published item to visitors and to signed-in people of any organisation', async () => {
    const item = await published();
    for (const who of [null, memberB, memberA]) {
      const response = await request(t, who, { method: 'GET', url: publicUrl(item.slug) });
      expect(response.statusCode).toBe(200);
      const view = publicKnowledgeItem.parse(response.json());
      expect(view).toMatchObject({
        slug: item.slug,
        title: ijmuiden.title,
        attributionLine: `© ${new Date().getFullYear()} Kennisnetwerk Binnenstad · CC BY-SA 4.0`,
        publishedAt: item.publishedAt,
      });
      expect(Object.keys(view).sort()).toEqual(Object.keys(publicKnowledgeItem.shape).sort());
    }
  });

  it('never shows drafts, items in review, unpublished or foreign members-only items', async () => {
    const draft = await create(memberA);
    const inReview = await create(memberA);
    await act(memberA, inReview, 'submit');
    const gone = await published();
    await act(facilitatorA, gone, 'unpublish');
    const membersOnly = await published({ ...ijmuiden, membersOnly: true });

    for (const hidden of [draft, inReview, gone]) {
      for (const who of [null, memberB, adminB, memberA, adminA]) {
        const response = await request(t, who, { method: 'GET', url: publicUrl(hidden.slug) });
        expect(response.statusCode, `${hidden.status}`).toBe(404);
      }
    }
    for (const who of [null, memberB, adminB]) {
      const response = await request(t, who, { method: 'GET', url: publicUrl(membersOnly.slug) });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain(ijmuiden.summary);
    }
    const asMember = await request(t, memberA, { method: 'GET', url: publicUrl(membersOnly.slug) });
    expect(asMember.statusCode).toBe(200);
    const unknown = await t.app.inject({ method: 'GET', url: publicUrl('bestaat-niet-123abc') });
    expect(expectProblem(unknown, 404).code).toBe('not_found');
  });

  it('relates items by shared tags and words, and never lists what the reader may not read', async () => {
    const source = await published();
    const sameTrend = await published(
      {
        kind: 'publication',
        title: 'Winkelstraten van de toekomst',
        trends: ['anders consumeren'],
      },
      orgB,
      adminB,
    );
    const sameWords = await published({ kind: 'blog', title: 'Leegstand in de winkelstraat' });
    await published({ kind: 'blog', title: 'Fietsparkeren bij het station' });
    const secret = await published({ ...ijmuiden, membersOnly: true });
    const draft = await create(memberA, ijmuiden);
    const unpublished = await published(ijmuiden);
    await act(facilitatorA, unpublished, 'unpublish');
    const foreignSecret = await published({ ...ijmuiden, membersOnly: true }, orgB, adminB);

    const slugsFor = async (who: Actor | null) => {
      const view = publicKnowledgeItem.parse(
        (await request(t, who, { method: 'GET', url: publicUrl(source.slug) })).json(),
      );
      return view.related.map((r) => r.slug);
    };
    const forVisitor = await slugsFor(null);
    expect(forVisitor).toEqual(expect.arrayContaining([sameTrend.slug, sameWords.slug]));
    expect(forVisitor).toHaveLength(2);
    for (const hidden of [secret, draft, unpublished, foreignSecret, source]) {
      expect(forVisitor).not.toContain(hidden.slug);
    }
    const forMemberA = await slugsFor(memberA);
    expect(forMemberA[0]).toBe(secret.slug);
    expect(forMemberA).not.toContain(foreignSecret.slug);
    expect(forMemberA).not.toContain(draft.slug);
    expect(forMemberA).not.toContain(unpublished.slug);
    const forMemberB = await slugsFor(memberB);
    expect(forMemberB).toContain(foreignSecret.slug);
    expect(forMemberB).not.toContain(secret.slug);
  });

  it('lists at most five related items', async () => {
    const source = await published();
    for (let i = 0; i < 7; i++) await published({ ...ijmuiden, title: `Leegstand ${i}` });
    const view = publicKnowledgeItem.parse(
      (await t.app.inject({ method: 'GET', url: publicUrl(source.slug) })).json(),
    );
    expect(view.related).toHaveLength(5);
  });
});
