// Limits that keep one person or one socket from hurting the rest (docs/COLLAB_SPEC.md, L1–L4).
import type { WebsocketPluginOptions } from '@fastify/websocket';
import type { Extension, onAuthenticatePayload, onDisconnectPayload } from '@hocuspocus/server';
import type { FastifyBaseLogger } from 'fastify';
import { closeCodes } from '../../common/collab.ts';
import type { Config } from '../config.ts';
import { CollabRefusal, participantOf, type CollabContext } from './collab.types.ts';
import type { LabRoster } from './roster.ts';

/** After the auth extension, before anything that loads or changes a document. */
export const LIMITS_PRIORITY = 900;

// ws reports a frame above maxPayload with this error code and closes the socket with 1009 itself.
const TOO_BIG = 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';

/**
 * L1: options for @fastify/websocket: frames above COLLAB_MAX_MESSAGE_BYTES close their own
 * socket with 1009 (ws sends that close frame itself), and socket errors end only that socket.
 */
export function websocketLimits(
  config: Pick<Config, 'COLLAB_MAX_MESSAGE_BYTES'>,
  logger: Pick<FastifyBaseLogger, 'info' | 'warn'>,
): WebsocketPluginOptions {
  return {
    options: { maxPayload: config.COLLAB_MAX_MESSAGE_BYTES },
    errorHandler(error, socket) {
      if ((error as NodeJS.ErrnoException).code === TOO_BIG) {
        logger.info(
          { limit: config.COLLAB_MAX_MESSAGE_BYTES },
          'collab frame too big; socket closed',
        );
        return;
      }
      logger.warn({ err: error }, 'collab socket error; socket closed');
      socket.terminate();
    },
  };
}

/**
 * L3: the limits extension counts the different people connected to each lab; the person who
 * would be one more than LAB_MAX_PARTICIPANTS is refused with 4429, while people already
 * connected may open further documents. Also keeps the roster up to date for presence and
 * revocation.
 */
export function createLimitsExtension(deps: {
  roster: LabRoster;
  maxPeoplePerLab: number;
}): Extension<CollabContext> {
  return {
    extensionName: 'stadshart-limits',
    priority: LIMITS_PRIORITY,
    onAuthenticate(payload: onAuthenticatePayload<CollabContext>) {
      // A knowledge item's body belongs to no lab: nobody to count, nothing to revoke by lab.
      if (payload.context.knowledge) return Promise.resolve();
      const participant = participantOf(payload.context);
      const isAdmitted = deps.roster.admit(
        {
          socket: payload.context.socket,
          documentName: payload.documentName,
          labId: participant.labId,
          participantId: participant.participantId,
          displayName: participant.displayName,
          role: participant.role,
          readOnly: payload.connectionConfig.readOnly,
        },
        deps.maxPeoplePerLab,
      );
      if (!isAdmitted) {
        return Promise.reject(
          new CollabRefusal(
            closeCodes.labFull,
            `this lab is full: it holds at most ${deps.maxPeoplePerLab} people`,
          ),
        );
      }
      return Promise.resolve();
    },
    onDisconnect(payload: onDisconnectPayload<CollabContext>) {
      deps.roster.release(payload.context.socket.id, payload.documentName);
      return Promise.resolve();
    },
  };
}
