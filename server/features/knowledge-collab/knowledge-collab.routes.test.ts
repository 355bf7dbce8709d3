// POST /api/v1/orgs/:orgSlug/knowledge/:itemId/collab-token against the real PostgreSQL (B1).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../common/auth.ts';
import { collabDefaults, knowledgeDocumentName } from '../../../common/collab.ts';
import type { KnowledgeStatus } from '../../../common/knowledge.ts';
import { knowledgeCollabToken } from '../../../common/knowledgeBody.ts';
import { knowledgeItems } from '../../db/schema.ts';
import {
  createActor,
  createOrg,
  createTestContext,
  request,
  type Actor,
  type TestContext,
} from '../../testing/harness.ts';
import { verifyKnowledgeToken } from './knowledge-collab.tokens.ts';

let t: TestContext;
let org: { id: string; slug: string };
let member: Actor;
let facilitator: Actor;

beforeAll(async () => {
  t = await createTestContext();
  org = await createOrg(t, 'Gemeente Velsen');
  member = await createActor(t, { org, role: 'member' });
  facilitator = await createActor(t, { org, role: 'facilitator' });
});
afterAll(async () => {
  await t.close();
});

async function createItem(orgId: string, status: KnowledgeStatus = 'draft'): Promise<string> {
  const [row] = await t.database.db
    .insert(knowledgeItems)
    .values({ orgId, slug: `item-${randomUUID()}`, kind: 'best_practice', title: 'Haven', status })
    .returning({ id: knowledgeItems.id });
  if (!row) throw new Error('item not created');
  return row.id;
}

const tokenUrl = (slug: string, itemId: string) =>
  `/api/v1/orgs/${slug}/knowledge/${itemId}/collab-token`;

describe('POST …/knowledge/:itemId/collab-token', () => {
  it('B1: signed out gets 401', async () => {
    const itemId = await createItem(org.id);
    const response = await request(t, null, { method: 'POST', url: tokenUrl(org.slug, itemId) });
    expect(response.statusCode).toBe(401);
  });

  it("B1: another organisation's item is 404, as is an unknown one, for members of the other organisation too", async () => {
    const other = await createOrg(t, 'Gemeente Beverwijk');
    const otherItem = await createItem(other.id);
    // Through one's own organisation: the item is not there.
    const viaOwn = await request(t, member, { method: 'POST', url: tokenUrl(org.slug, otherItem) });
    expect(viaOwn.statusCode).toBe(404);
    // Through the other organisation: not a member.
    const viaOther = await request(t, member, {
      method: 'POST',
      url: tokenUrl(other.slug, otherItem),
    });
    expect(viaOther.statusCode).toBe(404);
    const unknown = await request(t, member, {
      method: 'POST',
      url: tokenUrl(org.slug, randomUUID()),
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('B1: a malformed item id is 400 naming itemId', async () => {
    const response = await request(t, member, {
      method: 'POST',
      url: tokenUrl(org.slug, 'not-a-uuid'),
    });
    expect(response.statusCode).toBe(400);
    const problem = response.json<{ errors: { field: string }[] }>();
    expect(problem.errors.map((e) => e.field)).toContain('itemId');
  });

  it('B1: without the CSRF header the session cannot get a token (403)', async () => {
    const itemId = await createItem(org.id);
    const response = await t.app.inject({
      method: 'POST',
      url: tokenUrl(org.slug, itemId),
      cookies: { [SESSION_COOKIE]: member.cookie },
    });
    expect(response.statusCode).toBe(403);
  });

  it('B1, B4: a member gets a read-write token for a draft, the documented shape, valid for 15 minutes', async () => {
    const itemId = await createItem(org.id, 'draft');
    const response = await request(t, member, { method: 'POST', url: tokenUrl(org.slug, itemId) });
    expect(response.statusCode).toBe(200);
    const body = knowledgeCollabToken.strict().parse(response.json());
    expect(body.readOnly).toBe(false);
    expect(body.documentName).toBe(knowledgeDocumentName(itemId));
    const ttl = new Date(body.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(collabDefaults.tokenTtlSeconds * 1000 - 5000);
    expect(ttl).toBeLessThanOrEqual(collabDefaults.tokenTtlSeconds * 1000 + 1000);
    const claims = verifyKnowledgeToken(body.token, t.config.COLLAB_TOKEN_SECRET, new Date());
    expect(claims).toEqual(expect.objectContaining({ itemId, userId: member.userId }));
  });

  it('B4: members read published and in-review items only; facilitators always write', async () => {
    const cases: [KnowledgeStatus, boolean][] = [
      ['draft', false],
      ['unpublished', false],
      ['in_review', true],
      ['published', true],
    ];
    for (const [status, memberReadOnly] of cases) {
      const itemId = await createItem(org.id, status);
      const asMember = await request(t, member, {
        method: 'POST',
        url: tokenUrl(org.slug, itemId),
      });
      expect([status, asMember.json<{ readOnly: boolean }>().readOnly]).toEqual([
        status,
        memberReadOnly,
      ]);
      const asFacilitator = await request(t, facilitator, {
        method: 'POST',
        url: tokenUrl(org.slug, itemId),
      });
      expect([status, asFacilitator.json<{ readOnly: boolean }>().readOnly]).toEqual([
        status,
        false,
      ]);
    }
  });
});
