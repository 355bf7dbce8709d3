// Who may open which document, and whether they may write it (docs/COLLAB_SPEC.md, A1–A9).
import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { closeCodes, parseDocumentName } from '../../common/collab.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { hashSecret } from '../features/auth/tokens.ts';
import { admitKnowledgeConnection } from '../features/knowledge-collab/knowledge-collab.service.ts';
import { HttpProblem } from '../http/problem.ts';
import { findActivity, findTokenHolder } from './collab.repo.ts';
import { CollabRefusal, type CollabContext, type ParticipantContext } from './collab.types.ts';

/** Runs first, so every later onAuthenticate hook sees who is connecting. */
export const AUTH_PRIORITY = 1000;

/**
 * A8: refuses the WebSocket upgrade (403, before any WebSocket byte) when a browser sends an
 * Origin other than this site's; requests without Origin come from non-browser clients.
 */
export function checkUpgradeOrigin(
  config: Pick<Config, 'publicOrigin'>,
): (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => void {
  return (request, _reply, done) => {
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== config.publicOrigin) {
      done(
        new HttpProblem(
          403,
          'forbidden',
          `Connections from ${origin} are not accepted; use ${config.publicOrigin}.`,
        ),
      );
      return;
    }
    done();
  };
}

/**
 * The auth extension: a knowledge item's body document needs a signed token of an active member
 * of the item's organisation (B2–B4). For a lab's documents the token from the provider must
 * belong to a participant of the document's lab who was not removed; the lab must not be a draft
 * (facilitators excepted); an activity document must name an activity of that lab. Closed labs
 * and, for participants, the control document are read-only. Any refusal reaches the provider as
 * `authenticationFailed` with a reason that starts with the close code, and no document bytes
 * are sent.
 */
export function createAuthExtension(deps: {
  db: Db;
  config: Pick<Config, 'COLLAB_TOKEN_SECRET'>;
}): Extension<CollabContext> {
  return {
    extensionName: 'stadshart-auth',
    priority: AUTH_PRIORITY,
    async onAuthenticate(payload: onAuthenticatePayload<CollabContext>) {
      const ref = parseDocumentName(payload.documentName);
      if (!ref) throw new CollabRefusal(closeCodes.notFound, 'no such document');
      if (!payload.token) throw new CollabRefusal(closeCodes.unauthenticated, 'no token');
      if (ref.kind === 'knowledge') {
        // B2, B3: a knowledge item's body opens with a signed token of a member of its organisation.
        const admission = await admitKnowledgeConnection(
          deps.db,
          deps.config,
          payload.token,
          ref.itemId,
          new Date(),
        );
        if (!admission.ok) throw new CollabRefusal(admission.code, admission.reason);
        payload.connectionConfig.readOnly = admission.readOnly;
        const editor = { knowledge: admission.editor };
        Object.assign(payload.context, editor);
        return editor;
      }
      const holder = await findTokenHolder(deps.db, hashSecret(payload.token), new Date());
      if (!holder) {
        throw new CollabRefusal(closeCodes.unauthenticated, 'unknown or expired token');
      }
      if (holder.labId !== ref.labId) {
        throw new CollabRefusal(closeCodes.forbidden, 'the token is for another lab');
      }
      if (holder.isRemoved) {
        throw new CollabRefusal(closeCodes.removed, 'removed from this lab');
      }
      const isFacilitator = holder.role === 'facilitator';
      if (holder.labStatus === 'draft' && !isFacilitator) {
        throw new CollabRefusal(closeCodes.forbidden, 'the lab is not open yet');
      }
      if (ref.kind === 'activity' && !(await findActivity(deps.db, ref.labId, ref.activityId))) {
        throw new CollabRefusal(closeCodes.notFound, 'no such activity in this lab');
      }
      payload.connectionConfig.readOnly =
        holder.labStatus === 'closed' || (ref.kind === 'control' && !isFacilitator);
      const participant: ParticipantContext = {
        participantId: holder.participantId,
        displayName: holder.displayName,
        role: holder.role,
        labId: holder.labId,
        ref,
      };
      // Hocuspocus gives each onAuthenticate hook the context as it was before the first one;
      // writing into it lets the limits extension, which runs next, see who is connecting.
      Object.assign(payload.context, participant);
      return participant;
    },
  };
}
