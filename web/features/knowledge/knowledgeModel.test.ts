import { describe, expect, it } from 'vitest';
import {
  IMAGE_MAX_BYTES,
  knowledgeStatuses,
  type KnowledgeStatus,
} from '../../../common/knowledge.ts';
import { orgRoles, type OrgRole } from '../../../common/roles.ts';
import {
  addTag,
  checkChosenFile,
  filterItems,
  uploadProblemOf,
  workflowStepsFor,
} from './knowledgeModel.ts';

// What the server answers as `can` (server/features/knowledge: permissionsOf).
function canOf(role: OrgRole, status: KnowledgeStatus) {
  const isReviewer = role !== 'member';
  return {
    edit: isReviewer || status !== 'published',
    review: isReviewer && status === 'in_review',
    publish: isReviewer,
  };
}

describe('workflowStepsFor', () => {
  it('offers each role the steps its status allows', () => {
    const table = Object.fromEntries(
      orgRoles.map((role) => [
        role,
        Object.fromEntries(
          knowledgeStatuses.map((status) => [
            status,
            workflowStepsFor({ status, can: canOf(role, status) }).join(','),
          ]),
        ),
      ]),
    );
    expect(table).toEqual({
      admin: {
        draft: 'publish',
        in_review: 'return,publish',
        published: 'unpublish',
        unpublished: 'publish',
      },
      facilitator: {
        draft: 'publish',
        in_review: 'return,publish',
        published: 'unpublish',
        unpublished: 'publish',
      },
      member: { draft: 'submit', in_review: '', published: '', unpublished: 'submit' },
    });
  });
});

describe('filterItems', () => {
  const items = [
    { id: '1', status: 'draft', kind: 'blog' },
    { id: '2', status: 'published', kind: 'blog' },
    { id: '3', status: 'published', kind: 'best_practice' },
  ] as const;

  it('keeps the items of the chosen status and kind', () => {
    expect(filterItems(items, { status: 'all', kind: 'all' })).toHaveLength(3);
    expect(filterItems(items, { status: 'published', kind: 'all' }).map((i) => i.id)).toEqual([
      '2',
      '3',
    ]);
    expect(filterItems(items, { status: 'published', kind: 'blog' }).map((i) => i.id)).toEqual([
      '2',
    ]);
    expect(filterItems(items, { status: 'in_review', kind: 'all' })).toEqual([]);
  });
});

describe('addTag', () => {
  it('adds a trimmed tag once, comparing without case', () => {
    expect(addTag(['IJmuiden'], '  Velsen ')).toEqual(['IJmuiden', 'Velsen']);
    expect(addTag(['IJmuiden'], 'ijmuiden')).toEqual(['IJmuiden']);
    expect(addTag(['IJmuiden'], '   ')).toEqual(['IJmuiden']);
  });
});

describe('upload problems', () => {
  it('catches a missing, empty or too large file before sending', () => {
    expect(checkChosenFile(null)).toBe('noFile');
    expect(checkChosenFile({ size: 0 })).toBe('empty');
    expect(checkChosenFile({ size: IMAGE_MAX_BYTES + 1 })).toBe('tooLarge');
    expect(checkChosenFile({ size: IMAGE_MAX_BYTES })).toBeNull();
  });

  it('reads the server’s refusals', () => {
    expect(uploadProblemOf(413)).toBe('tooLarge');
    expect(uploadProblemOf(415)).toBe('wrongType');
    expect(uploadProblemOf(409)).toBe('full');
    expect(uploadProblemOf(500)).toBeNull();
  });
});
