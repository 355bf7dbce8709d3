// The live body of a knowledge item: who gets a token, who may open and write the document, how
// it starts from the stored body and how it flows back (docs/COLLAB_SPEC.md, "Knowledge items").
import type * as Y from 'yjs';
import { closeCodes, collabDefaults, knowledgeDocumentName } from '../../../common/collab.ts';
import type { KnowledgeCollabToken } from '../../../common/knowledgeBody.ts';
import { emptyRichDoc, richDoc, richDocFromText, richPlainText } from '../../../common/richtext.ts';
import type { OrgRole } from '../../../common/roles.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { OrgActor } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { notFound } from '../../http/problem.ts';
import { initialBodyState, projectBody } from './knowledge-collab.body.ts';
import { canEditItem } from '../knowledge/knowledge.policy.ts';
import {
  findItemWithRole,
  findOrgItem,
  readItemBody,
  writeItemBody,
} from './knowledge-collab.repo.ts';
import { signKnowledgeToken, verifyKnowledgeToken } from './knowledge-collab.tokens.ts';

/**
 * B1: a collaboration token for the body of `itemId`, to an active member of the item's
 * organisation (404 for an item of another organisation, as if it did not exist); readOnly
 * says whether the body may be written now.
 */
export async function issueKnowledgeCollabToken(
  ctx: AppContext,
  actor: OrgActor,
  itemId: string,
): Promise<KnowledgeCollabToken> {
  const item = await findOrgItem(ctx.database.db, actor.orgId, itemId);
  if (!item) throw notFound('This knowledge item');
  const expiresAt = new Date(Date.now() + collabDefaults.tokenTtlSeconds * 1000);
  const token = signKnowledgeToken(
    { itemId: item.id, userId: actor.auth.user.id, expiresAt },
    ctx.config.COLLAB_TOKEN_SECRET,
  );
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    readOnly: !canEditItem(actor.role, item.status),
    documentName: knowledgeDocumentName(item.id),
  };
}

/** Who holds a knowledge document open: the person and their role in the item's organisation. */
export interface KnowledgeEditor {
  itemId: string;
  userId: string;
  orgId: string;
  role: OrgRole;
}

export type KnowledgeAdmission =
  | { ok: true; editor: KnowledgeEditor; readOnly: boolean }
  | { ok: false; code: 4401 | 4403 | 4404; reason: string };

/**
 * B2, B3: whether `token` opens the body of `itemId` now: a valid, unexpired token (4401) for this
 * item (4403) that still exists (4404), held by someone who is still an active member of its
 * organisation (4403); read-only when the policy (B4) does not let them write it now.
 */
export async function admitKnowledgeConnection(
  db: Db,
  config: Pick<Config, 'COLLAB_TOKEN_SECRET'>,
  token: string,
  itemId: string,
  now: Date,
): Promise<KnowledgeAdmission> {
  const claims = verifyKnowledgeToken(token, config.COLLAB_TOKEN_SECRET, now);
  if (!claims) {
    return { ok: false, code: closeCodes.unauthenticated, reason: 'unknown or expired token' };
  }
  if (claims.itemId !== itemId) {
    return { ok: false, code: closeCodes.forbidden, reason: 'the token is for another item' };
  }
  const item = await findItemWithRole(db, itemId, claims.userId);
  if (!item) return { ok: false, code: closeCodes.notFound, reason: 'no such knowledge item' };
  if (!item.role) {
    return { ok: false, code: closeCodes.forbidden, reason: 'not a member of this organisation' };
  }
  return {
    ok: true,
    editor: { itemId, userId: claims.userId, orgId: item.orgId, role: item.role },
    readOnly: !canEditItem(item.role, item.status),
  };
}

/**
 * B5: whether this person may write the body at this moment (the item may have been published or
 * submitted since they opened it, or they may have left the organisation): 'write', 'read', or
 * 'gone' when the item no longer exists.
 */
export async function readKnowledgeWriteAccess(
  db: Db,
  editor: Pick<KnowledgeEditor, 'itemId' | 'userId'>,
): Promise<'write' | 'read' | 'gone'> {
  const item = await findItemWithRole(db, editor.itemId, editor.userId);
  if (!item) return 'gone';
  return item.role && canEditItem(item.role, item.status) ? 'write' : 'read';
}

/**
 * B7: the Yjs state a knowledge document starts from when nothing is stored for it yet: the
 * item's stored body as the editor would have written it. A body the editor's schema cannot take
 * (never written by our own code) keeps its text as plain paragraphs; both cases are logged.
 */
export async function readInitialBodyState(
  db: Db,
  itemId: string,
  logger: { warn(object: object, message: string): void },
): Promise<Uint8Array> {
  const stored = richDoc.safeParse((await readItemBody(db, itemId)) ?? emptyRichDoc());
  if (!stored.success) {
    logger.warn({ itemId }, 'stored knowledge body is no rich text; the live body starts empty');
    return initialBodyState(emptyRichDoc());
  }
  try {
    return initialBodyState(stored.data);
  } catch (error) {
    logger.warn({ err: error, itemId }, 'stored knowledge body kept as plain paragraphs');
    return initialBodyState(richDocFromText(richPlainText(stored.data)));
  }
}

/**
 * B8, B9: writes the document's body into knowledge_items (body as richDoc JSON, body_text as its
 * plain text, updated_at); a body that is no valid richDoc is logged and not written, never thrown.
 */
export async function projectKnowledgeBody(
  db: Db,
  itemId: string,
  doc: Y.Doc,
  logger: { warn(object: object, message: string): void },
): Promise<void> {
  const projection = projectBody(doc);
  if (!projection.ok) {
    logger.warn({ itemId, reason: projection.reason }, 'knowledge body not projected');
    return;
  }
  await writeItemBody(db, itemId, projection.body, projection.bodyText);
}
