import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  knowledgeItem,
  knowledgeStatuses,
  type KnowledgeStatus,
} from '../../../common/knowledge.ts';
import { orgRoles, type OrgRole } from '../../../common/roles.ts';
import { knowledgeItemEvents } from '../../db/schema.ts';
import {
  createActor,
  createOrg,
  createTestContext,
  request,
  type Actor,
  type TestContext,
} from '../../testing/harness.ts';
import {
  canEditItem,
  knowledgeTransitions,
  mayTransition,
  nextStatus,
  type KnowledgeTransition,
} from './knowledge.policy.ts';
import { readPublicKnowledgeItem } from './knowledge.service.ts';
import { knowledgeViewerOf, visitorViewer, type KnowledgeViewer } from './knowledge.viewer.ts';

// The workflow written out once, as the documentation states it (docs/knowledge.md): every
// (role, status, change) not listed here is refused.
const allowed: Record<KnowledgeTransition, { roles: OrgRole[]; from: KnowledgeStatus[] }> = {
  submit: { roles: ['member', 'facilitator', 'admin'], from: ['draft', 'unpublished'] },
  return: { roles: ['facilitator', 'admin'], from: ['in_review'] },
  publish: { roles: ['facilitator', 'admin'], from: ['draft', 'in_review', 'unpublished'] },
  unpublish: { roles: ['facilitator', 'admin'], from: ['published'] },
};
const result: Record<KnowledgeTransition, KnowledgeStatus> = {
  submit: 'in_review',
  return: 'draft',
  publish: 'published',
  unpublish: 'unpublished',
};

describe('the workflow table', () => {
  for (const role of orgRoles) {
    for (const status of knowledgeStatuses) {
      for (const transition of knowledgeTransitions) {
        const rule = allowed[transition];
        const isAllowed = rule.roles.includes(role) && rule.from.includes(status);
        it(`${role} · ${status} · ${transition} → ${isAllowed ? result[transition] : 'refused'}`, () => {
          const permitted = mayTransition(role, transition) && nextStatus(status, transition);
          expect(permitted || null).toBe(isAllowed ? result[transition] : null);
        });
      }
    }
  }

  it('lets members edit anything but a published item, and reviewers everything', () => {
    for (const status of knowledgeStatuses) {
      expect(canEditItem('member', status)).toBe(status === 'draft' || status === 'unpublished');
      expect(canEditItem('facilitator', status)).toBe(true);
      expect(canEditItem('admin', status)).toBe(true);
    }
  });
});

describe('sequences of actions over HTTP', () => {
  let t: TestContext;
  let org: { id: string; slug: string };
  const actors = {} as Record<OrgRole, Actor>;
  let outsider: KnowledgeViewer;

  beforeAll(async () => {
    t = await createTestContext();
    org = await createOrg(t, 'Platform Binnensteden');
    const other = await createOrg(t, 'Gemeente Zaanstad');
    for (const role of orgRoles) actors[role] = await createActor(t, { org, role });
    outsider = knowledgeViewerOf({
      memberships: [{ orgId: other.id, orgSlug: other.slug, role: 'admin' }],
      user: { id: (await createActor(t, { org: other, role: 'admin' })).userId },
    } as unknown as Parameters<typeof knowledgeViewerOf>[0]);
  });
  afterAll(async () => {
    await t.close();
  });

  type Step =
    | { kind: 'transition'; role: OrgRole; transition: KnowledgeTransition }
    | { kind: 'membersOnly'; value: boolean };
  const step: fc.Arbitrary<Step> = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('transition' as const),
        role: fc.constantFrom(...orgRoles),
        transition: fc.constantFrom(...knowledgeTransitions),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('membersOnly' as const), value: fc.boolean() }),
    },
  );

  it('property: an item is public iff its last state is published and open to all; one event per change', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 8 }), async (steps) => {
        const base = `/api/v1/orgs/${org.slug}/knowledge`;
        const created = await request(t, actors.member, {
          method: 'POST',
          url: base,
          payload: { kind: 'blog', title: 'Een levendig centrum' },
        });
        const item = knowledgeItem.parse(created.json());
        let status: KnowledgeStatus = 'draft';
        let membersOnly = false;
        let changes = 0;
        for (const s of steps) {
          if (s.kind === 'membersOnly') {
            const response = await request(t, actors.admin, {
              method: 'PATCH',
              url: `${base}/${item.id}`,
              payload: { membersOnly: s.value },
            });
            expect(response.statusCode).toBe(200);
            membersOnly = s.value;
            continue;
          }
          const rule = allowed[s.transition];
          const response = await request(t, actors[s.role], {
            method: 'POST',
            url: `${base}/${item.id}/${s.transition}`,
            ...(s.transition === 'return' ? { payload: {} } : {}),
          });
          const expected = !rule.roles.includes(s.role)
            ? 403
            : rule.from.includes(status)
              ? 200
              : 409;
          expect(response.statusCode, `${s.role} ${s.transition} from ${status}`).toBe(expected);
          if (expected === 200) {
            status = result[s.transition];
            changes++;
          }
        }
        const isPublic = status === 'published' && !membersOnly;
        for (const viewer of [visitorViewer, outsider]) {
          const read = await readPublicKnowledgeItem(t.ctx, viewer, item.slug);
          expect(read !== null).toBe(isPublic);
        }
        const member = knowledgeViewerOf({
          memberships: [{ orgId: org.id, orgSlug: org.slug, role: 'member' }],
          user: { id: actors.member.userId },
        } as unknown as Parameters<typeof knowledgeViewerOf>[0]);
        expect((await readPublicKnowledgeItem(t.ctx, member, item.slug)) !== null).toBe(
          status === 'published',
        );
        const events = await t.database.db
          .select()
          .from(knowledgeItemEvents)
          .where(eq(knowledgeItemEvents.itemId, item.id));
        expect(events).toHaveLength(1 + changes);
      }),
      { numRuns: 25 },
    );
  });
});
