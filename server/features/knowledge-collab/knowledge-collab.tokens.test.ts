// Signed knowledge tokens (docs/COLLAB_SPEC.md, B2) and who writes a body (B4).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knowledgeStatuses } from '../../../common/knowledge.ts';
import { orgRoles } from '../../../common/roles.ts';
import { canEditItem } from '../knowledge/knowledge.policy.ts';
import { signKnowledgeToken, verifyKnowledgeToken } from './knowledge-collab.tokens.ts';

const SECRET = 'a secret of at least thirty-two characters, for tests';
const now = new Date('2026-02-06T10:00:00Z');
const claims = fc.record({
  itemId: fc.uuid(),
  userId: fc.uuid(),
  expiresAt: fc.integer({ min: 1, max: 3_600_000 }).map((ms) => new Date(now.getTime() + ms)),
});

describe('knowledge collaboration tokens', () => {
  it('B2: a token verifies to exactly what was signed, under the same secret only', () => {
    fc.assert(
      fc.property(claims, (signed) => {
        const token = signKnowledgeToken(signed, SECRET);
        expect(verifyKnowledgeToken(token, SECRET, now)).toEqual(signed);
        expect(verifyKnowledgeToken(token, `${SECRET}!`, now)).toBeNull();
        expect(verifyKnowledgeToken(token, undefined, now)).toBeNull();
      }),
    );
  });

  it('B2: changing any one character of a token makes it worthless', () => {
    fc.assert(
      fc.property(claims, fc.nat(), fc.constantFrom('A', 'b', '0', '.', '_'), (signed, at, by) => {
        const token = signKnowledgeToken(signed, SECRET);
        const index = at % token.length;
        fc.pre(token[index] !== by);
        const tampered = token.slice(0, index) + by + token.slice(index + 1);
        expect(verifyKnowledgeToken(tampered, SECRET, now)).toBeNull();
      }),
    );
  });

  it('B2: a token is worthless from its expiry on; without a configured secret the process signs', () => {
    const expiresAt = new Date(now.getTime() + 1000);
    const token = signKnowledgeToken(
      { itemId: crypto.randomUUID(), userId: crypto.randomUUID(), expiresAt },
      undefined,
    );
    expect(verifyKnowledgeToken(token, undefined, now)).not.toBeNull();
    expect(verifyKnowledgeToken(token, undefined, expiresAt)).toBeNull();
    expect(verifyKnowledgeToken(token, SECRET, now)).toBeNull();
  });
});

describe('who writes a knowledge body', () => {
  it('B4: facilitators and admins always; members only in draft and unpublished; a stronger role never writes less', () => {
    fc.assert(
      fc.property(fc.constantFrom(...knowledgeStatuses), (status) => {
        expect(canEditItem('admin', status)).toBe(true);
        expect(canEditItem('facilitator', status)).toBe(true);
        expect(canEditItem('member', status)).toBe(status === 'draft' || status === 'unpublished');
        for (const role of orgRoles) {
          if (canEditItem('member', status)) {
            expect(canEditItem(role, status)).toBe(true);
          }
        }
      }),
    );
  });
});
