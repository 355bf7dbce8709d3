// What may be written into a knowledge item's body document (docs/COLLAB_SPEC.md, B5, B6). Pure:
// it judges the decoded changes of one update against the document before the update.
import type * as Y from 'yjs';
import { closeCodes } from '../../../common/collab.ts';
import { KNOWLEDGE_BODY_ROOT } from '../../../common/knowledgeBody.ts';
import { RICH_TEXT_MAX } from '../../../common/richtext.ts';
import type { DocumentChange } from '../../activities/registry.types.ts';
import { measureBody } from './knowledge-collab.body.ts';

export type BodyWriteVerdict =
  { ok: true } | { ok: false; code: 4403 | 4404 | 4422; reason: string };

/**
 * Judges one update of a knowledge body: only the free root `body` (B6, 4422); nothing from a
 * read-only connection or from someone who may not write the body now (B5, 4403), nothing into
 * an item that is gone (4404); and, as for the vision, no growth once the body holds
 * RICH_TEXT_MAX, judged on the body before the update (B6, 4422).
 */
export function judgeBodyWrite(
  changes: readonly DocumentChange[],
  ctx: { isReadOnly: boolean; access: 'write' | 'read' | 'gone'; doc: Y.Doc },
): BodyWriteVerdict {
  let inserted = 0;
  for (const change of changes) {
    if (change.op !== 'free' || change.root !== KNOWLEDGE_BODY_ROOT) {
      return { ok: false, code: closeCodes.rejected, reason: `root ${change.root} is not a body` };
    }
    inserted += change.inserted;
  }
  if (changes.length === 0) return { ok: true };
  if (ctx.isReadOnly) {
    return { ok: false, code: closeCodes.forbidden, reason: 'this connection is read-only' };
  }
  if (ctx.access === 'gone') {
    return { ok: false, code: closeCodes.notFound, reason: 'the item is gone' };
  }
  if (ctx.access === 'read') {
    return { ok: false, code: closeCodes.forbidden, reason: 'the body may not be changed now' };
  }
  if (inserted > 0 && (inserted > RICH_TEXT_MAX || measureBody(ctx.doc) >= RICH_TEXT_MAX)) {
    return {
      ok: false,
      code: closeCodes.rejected,
      reason: `the body would grow beyond ${RICH_TEXT_MAX}`,
    };
  }
  return { ok: true };
}
