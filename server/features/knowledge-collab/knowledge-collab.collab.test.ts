// A knowledge item's body edited live, over real sockets with the real provider
// (docs/COLLAB_SPEC.md, "Knowledge items", B2–B9).
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { knowledgeDocumentName } from '../../../common/collab.ts';
import type { KnowledgeStatus } from '../../../common/knowledge.ts';
import { knowledgeCollabToken } from '../../../common/knowledgeBody.ts';
import type { ReportDocument } from '../../../common/reports.ts';
import { richBlocks, richPlainText, type RichDoc } from '../../../common/richtext.ts';
import {
  refusedWith,
  sleep,
  storedDoc,
  useCollabServer,
  waitAcknowledged,
  waitFor,
  waitSynced,
  type TestClient,
} from '../../collab/collab.testing.ts';
import { collabDocuments, knowledgeItems, memberships } from '../../db/schema.ts';
import { createActor, createOrg, request, type Actor } from '../../testing/harness.ts';
import { draftFromReport } from '../knowledge/report-draft.ts';
import { bodyFragment, projectBody } from './knowledge-collab.body.ts';
import { signKnowledgeToken } from './knowledge-collab.tokens.ts';

const collab = useCollabServer();

async function createItem(
  orgId: string,
  options: { status?: KnowledgeStatus; body?: RichDoc } = {},
): Promise<{ itemId: string; name: string }> {
  const body = options.body ?? { type: 'doc', content: [] };
  const [row] = await collab.t.database.db
    .insert(knowledgeItems)
    .values({
      orgId,
      slug: `item-${randomUUID()}`,
      kind: 'best_practice',
      title: 'De haven als huiskamer',
      status: options.status ?? 'draft',
      body,
      bodyText: richPlainText(body),
    })
    .returning({ id: knowledgeItems.id });
  if (!row) throw new Error('item not created');
  return { itemId: row.id, name: knowledgeDocumentName(row.id) };
}

/** An organisation with a member and a facilitator. */
async function team() {
  const org = await createOrg(collab.t);
  const anna = await createActor(collab.t, { org, role: 'member', name: 'Anna' });
  const bram = await createActor(collab.t, { org, role: 'member', name: 'Bram' });
  const fien = await createActor(collab.t, { org, role: 'facilitator', name: 'Fien' });
  return { org, anna, bram, fien };
}

/** The token as the browser gets it: POST …/collab-token with the session. */
async function tokenFor(
  actor: Actor,
  org: { slug: string },
  itemId: string,
): Promise<{ token: string; readOnly: boolean }> {
  const response = await request(collab.t, actor, {
    method: 'POST',
    url: `/api/v1/orgs/${org.slug}/knowledge/${itemId}/collab-token`,
  });
  expect(response.statusCode).toBe(200);
  return knowledgeCollabToken.parse(response.json());
}

async function openAs(
  actor: Actor,
  org: { slug: string },
  item: { itemId: string; name: string },
): Promise<TestClient> {
  const { token } = await tokenFor(actor, org, item.itemId);
  return collab.open(item.name, token);
}

/** Appends a paragraph as the editor writes one: an element holding a text node. */
function writeParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = bodyFragment(doc);
  fragment.insert(fragment.length, [paragraph]);
}

function textOf(doc: Y.Doc): string {
  const projection = projectBody(doc);
  if (!projection.ok) throw new Error(projection.reason);
  return projection.bodyText;
}

async function itemRow(itemId: string) {
  const [row] = await collab.t.database.db
    .select({
      body: knowledgeItems.body,
      bodyText: knowledgeItems.bodyText,
      updatedAt: knowledgeItems.updatedAt,
    })
    .from(knowledgeItems)
    .where(eq(knowledgeItems.id, itemId));
  if (!row) throw new Error('no item');
  return row;
}

/** Stores what is pending and runs the projections now, as a stopping server does. */
async function flush(): Promise<void> {
  await collab.server.server.flush();
}

describe('knowledge bodies over real sockets', () => {
  it('B3, M1, P3: two members write the same body at once and converge; the state is stored for the item', async () => {
    const { org, anna, bram } = await team();
    const item = await createItem(org.id);
    const a = await openAs(anna, org, item);
    const b = await openAs(bram, org, item);
    await Promise.all([waitSynced(a), waitSynced(b)]);
    expect(a.scope()).toBe('read-write');

    writeParagraph(a.doc, 'De kade wordt een plein.');
    writeParagraph(b.doc, 'Het vismarktje blijft.');
    await Promise.all([waitAcknowledged(a), waitAcknowledged(b)]);
    await waitFor('both see both paragraphs', () => {
      const text = textOf(a.doc);
      return text.includes('plein') && text.includes('vismarktje') && text === textOf(b.doc);
    });
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));

    await flush();
    const [row] = await collab.t.database.db
      .select({ labId: collabDocuments.labId, itemId: collabDocuments.knowledgeItemId })
      .from(collabDocuments)
      .where(eq(collabDocuments.name, item.name));
    expect(row).toEqual({ labId: null, itemId: item.itemId });
    expect(textOf(await storedDoc(collab.t, item.name))).toBe(textOf(a.doc));
  });

  it('B8: after a store the item’s body, body_text and updated_at follow the document', async () => {
    const { org, anna } = await team();
    const item = await createItem(org.id);
    const before = await itemRow(item.itemId);
    const a = await openAs(anna, org, item);
    await waitSynced(a);
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 2 as unknown as string);
    heading.insert(0, [new Y.XmlText('Aanpak')]);
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText('Samen met de ondernemers.');
    text.format(0, 5, { bold: {} });
    paragraph.insert(0, [text]);
    bodyFragment(a.doc).insert(0, [heading, paragraph]);
    await waitAcknowledged(a);
    await flush();

    const row = await itemRow(item.itemId);
    expect(row.bodyText).toBe('Aanpak\n\nSamen met de ondernemers.');
    expect(richBlocks(row.body as RichDoc)).toEqual([
      {
        type: 'heading',
        level: 2,
        spans: [{ text: 'Aanpak', bold: false, italic: false, href: null }],
      },
      {
        type: 'paragraph',
        level: 0,
        spans: [
          { text: 'Samen', bold: true, italic: false, href: null },
          { text: ' met de ondernemers.', bold: false, italic: false, href: null },
        ],
      },
    ]);
    expect(row.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
  });

  it('B9: a body that is no rich text is not projected (the item keeps its last good body) and editing goes on', async () => {
    const { org, anna } = await team();
    const item = await createItem(org.id);
    const a = await openAs(anna, org, item);
    await waitSynced(a);
    writeParagraph(a.doc, 'Eerste versie.');
    await waitAcknowledged(a);
    await flush();
    expect((await itemRow(item.itemId)).bodyText).toBe('Eerste versie.');

    // Element names are not checked at the write boundary (U6); the projection refuses this one.
    const odd = new Y.XmlElement('iframe');
    odd.insert(0, [new Y.XmlText('Niet toegestaan.')]);
    bodyFragment(a.doc).insert(1, [odd]);
    await waitAcknowledged(a);
    await flush();
    expect((await itemRow(item.itemId)).bodyText).toBe('Eerste versie.');
    expect(a.closes).toEqual([]);

    bodyFragment(a.doc).delete(1, 1);
    writeParagraph(a.doc, 'Tweede versie.');
    await waitAcknowledged(a);
    await flush();
    expect((await itemRow(item.itemId)).bodyText).toBe('Eerste versie.\n\nTweede versie.');
  });

  it('B7: a body opened live for the first time starts from the stored body, once', async () => {
    const { org, anna, bram } = await team();
    const body: RichDoc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Wat werkte' }] },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: 'Een vaste tafel' }] },
              ],
            },
          ],
        },
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'Lees meer',
              marks: [{ type: 'link', attrs: { href: 'https://example.nl/ijmond' } }],
            },
          ],
        },
      ],
    };
    const item = await createItem(org.id, { body });
    const a = await openAs(anna, org, item);
    const b = await openAs(bram, org, item);
    await Promise.all([waitSynced(a), waitSynced(b)]);
    expect(textOf(a.doc)).toBe('Wat werkte\n\nEen vaste tafel\n\nLees meer');
    const projected = projectBody(b.doc);
    expect(projected.ok && richBlocks(projected.body)).toEqual(richBlocks(body));
    // Two people opening it did not put the text in twice.
    expect(bodyFragment(b.doc).length).toBe(3);
  });

  it('B7: an item drafted from a report keeps its text when opened live and after the first edit', async () => {
    const { org, anna } = await team();
    const report: ReportDocument = {
      labId: randomUUID(),
      version: 1,
      generatedAt: new Date().toISOString(),
      cover: {
        title: 'Regiolab IJmond',
        question: 'Hoe versterken de drie binnensteden elkaar?',
        orgName: 'Regio IJmond',
        places: ['IJmuiden', 'Beverwijk', 'Heemskerk'],
        region: 'IJmond',
        date: '2019-02-06T09:00:00.000Z',
        venue: 'Stadsschouwburg Velsen',
        facilitators: ['Fien'],
        participantCount: 24,
        anonymous: false,
      },
      sections: [
        {
          key: 'introduction',
          title: 'Inleiding',
          activityKind: null,
          blocks: [
            {
              type: 'rich',
              doc: {
                type: 'doc',
                content: [
                  {
                    type: 'paragraph',
                    content: [
                      { type: 'text', text: 'Drie gemeenten, ' },
                      { type: 'text', text: 'één', marks: [{ type: 'italic' }] },
                      { type: 'text', text: ' regio.' },
                    ],
                  },
                ],
              },
            },
          ],
        },
        {
          key: 'conclusions',
          title: 'Conclusies',
          activityKind: null,
          blocks: [
            { type: 'paragraph', text: 'IJmuiden kiest voor de haven, Beverwijk voor de markt.' },
            { type: 'list', ordered: true, items: ['Samen plannen', 'Geen dubbele winkels'] },
            { type: 'quote', text: 'Elkaar niet beconcurreren.', author: 'Anna' },
            {
              type: 'table',
              caption: 'Stemmen',
              columns: ['Kans', 'Stemmen'],
              rows: [['Haven', 7]],
            },
          ],
        },
      ],
      licence: {
        code: 'CC-BY-SA-4.0',
        attribution: 'Regio IJmond',
      },
    } as ReportDocument;
    const draft = draftFromReport(
      report,
      { notes: [], votes: [], scores: [], actions: [] },
      [],
      'full',
    );
    const item = await createItem(org.id, { body: draft.body });
    const original = richPlainText(draft.body);
    expect(original).toContain('IJmuiden kiest voor de haven');

    const a = await openAs(anna, org, item);
    await waitSynced(a);
    expect(textOf(a.doc)).toBe(original);
    writeParagraph(a.doc, 'Aangevuld door Anna.');
    await waitAcknowledged(a);
    await flush();
    expect((await itemRow(item.itemId)).bodyText).toBe(`${original}\n\nAangevuld door Anna.`);
  });

  it('B2: a member of another organisation is refused with 4403 and receives nothing of the body', async () => {
    const { org } = await team();
    const item = await createItem(org.id, {
      body: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Geheim concept' }] }],
      },
    });
    const other = await team();
    const ownItem = await createItem(other.org.id);
    // Their own item's token does not open another item.
    const { token } = await tokenFor(other.anna, other.org, ownItem.itemId);
    const stranger = collab.open(item.name, token);
    await waitFor('refused', () => stranger.failure() !== null);
    expect(stranger.failure()).toMatch(/^4403 /);
    await sleep(100);
    expect(bodyFragment(stranger.doc).length).toBe(0);
  });

  it('B2: a bad, forged or expired token is 4401; a token for a gone item 4404; a member who left 4403', async () => {
    const { org, anna } = await team();
    const item = await createItem(org.id);
    const secret = collab.t.config.COLLAB_TOKEN_SECRET;

    const garbage = collab.open(item.name, 'kb1.bm9wZQ.bm9wZQ');
    const forged = collab.open(
      item.name,
      signKnowledgeToken(
        { itemId: item.itemId, userId: anna.userId, expiresAt: new Date(Date.now() + 60_000) },
        'someone else’s secret of more than thirty-two characters',
      ),
    );
    const expired = collab.open(
      item.name,
      signKnowledgeToken(
        { itemId: item.itemId, userId: anna.userId, expiresAt: new Date(Date.now() - 1000) },
        secret,
      ),
    );
    const goneId = randomUUID();
    const gone = collab.open(
      knowledgeDocumentName(goneId),
      signKnowledgeToken(
        { itemId: goneId, userId: anna.userId, expiresAt: new Date(Date.now() + 60_000) },
        secret,
      ),
    );
    const { token } = await tokenFor(anna, org, item.itemId);
    await collab.t.database.db
      .update(memberships)
      .set({ status: 'deactivated' })
      .where(eq(memberships.userId, anna.userId));
    const left = collab.open(item.name, token);

    await waitFor('all refused', () =>
      [garbage, forged, expired, gone, left].every((c) => c.failure() !== null),
    );
    expect(garbage.failure()).toMatch(/^4401 /);
    expect(forged.failure()).toMatch(/^4401 /);
    expect(expired.failure()).toMatch(/^4401 /);
    expect(gone.failure()).toMatch(/^4404 /);
    expect(left.failure()).toMatch(/^4403 /);
  });

  it('B5, A2: a read-only connection’s write is refused with 4403 and neither applied nor stored', async () => {
    const { org, anna, fien } = await team();
    const item = await createItem(org.id, {
      status: 'published',
      body: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Gepubliceerd.' }] }],
      },
    });
    const reader = await tokenFor(anna, org, item.itemId);
    expect(reader.readOnly).toBe(true);
    const a = collab.open(item.name, reader.token);
    const f = await openAs(fien, org, item);
    await Promise.all([waitSynced(a), waitSynced(f)]);
    expect(a.scope()).toBe('readonly');
    expect(f.scope()).toBe('read-write');

    writeParagraph(a.doc, 'Stiekem erbij.');
    expect(await refusedWith(a, 4403)).toMatch(/read-only/);
    expect(a.statelesses).toContainEqual(
      expect.objectContaining({ type: 'rejected', documentName: item.name }),
    );
    await sleep(150);
    await flush();
    expect(textOf(f.doc)).toBe('Gepubliceerd.');
    expect(textOf(await storedDoc(collab.t, item.name))).toBe('Gepubliceerd.');
    expect((await itemRow(item.itemId)).bodyText).toBe('Gepubliceerd.');

    // A facilitator edits a published item; it goes live.
    writeParagraph(f.doc, 'Bijgewerkt door de begeleider.');
    await waitAcknowledged(f);
    await flush();
    expect((await itemRow(item.itemId)).bodyText).toBe(
      'Gepubliceerd.\n\nBijgewerkt door de begeleider.',
    );
  });

  it('B5: once the item is submitted for review, a member’s open connection can no longer write (4403)', async () => {
    const { org, anna } = await team();
    const item = await createItem(org.id);
    const a = await openAs(anna, org, item);
    await waitSynced(a);
    expect(a.scope()).toBe('read-write');
    await collab.t.database.db
      .update(knowledgeItems)
      .set({ status: 'in_review' })
      .where(eq(knowledgeItems.id, item.itemId));
    writeParagraph(a.doc, 'Na het indienen.');
    expect(await refusedWith(a, 4403)).toMatch(/may not be changed now/);
    await sleep(150);
    expect(bodyFragment(await storedDoc(collab.t, item.name)).length).toBe(0);
  });

  it('B6: a root other than the body, or a map inside it, is refused with 4422 and not stored', async () => {
    const { org, anna, fien } = await team();
    const item = await createItem(org.id);
    const a = await openAs(anna, org, item);
    const f = await openAs(fien, org, item);
    await Promise.all([waitSynced(a), waitSynced(f)]);
    a.doc.getMap('notes').set('n1', { text: 'Geen tekst van de editor' });
    expect(await refusedWith(a, 4422)).toMatch(/root notes/);

    const paragraph = new Y.XmlElement('paragraph');
    // What no editor writes; the types forbid it, a hostile client does not ask.
    paragraph.insert(0, [new Y.Map() as unknown as Y.XmlText]);
    bodyFragment(f.doc).insert(0, [paragraph]);
    expect(await refusedWith(f, 4422)).toMatch(/rich text/);
    await sleep(150);
    const stored = await storedDoc(collab.t, item.name);
    expect(stored.getMap('notes').size).toBe(0);
    expect(bodyFragment(stored).length).toBe(0);
  });
});
