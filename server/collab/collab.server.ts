// The realtime server: Hocuspocus 4 behind /collab on the Fastify app (docs/COLLAB_SPEC.md).
import { randomUUID } from 'node:crypto';
import type { WebsocketPluginOptions } from '@fastify/websocket';
import { Hocuspocus } from '@hocuspocus/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { WebSocket, type RawData } from 'ws';
import type { ActivityKind } from '../../common/activities/registry.ts';
import { closeCodes, COLLAB_PATH } from '../../common/collab.ts';
import { moduleFor as registryModuleFor } from '../activities/registry.ts';
import type { ServerActivityModule } from '../activities/registry.types.ts';
import type { App, AppContext, CollabControl } from '../http/context.ts';
import { HttpProblem } from '../http/problem.ts';
import { checkUpgradeOrigin, createAuthExtension } from './auth.extension.ts';
import { fitCloseReason, type CollabContext, type SocketHandle } from './collab.types.ts';
import { PING_FRAME, screenFrame } from './frames.ts';
import { createLimitsExtension, websocketLimits } from './limits.extension.ts';
import { createPersistence } from './persistence.extension.ts';
import { createPresence } from './presence.extension.ts';
import { createRevocation } from './revocation.extension.ts';
import { LabRoster } from './roster.ts';
import { createWritesExtension } from './writes.extension.ts';

/**
 * How often the server pings each socket. The provider answers with a pong, which keeps an idle
 * connection alive on both sides (awareness, Hocuspocus's usual keep-alive, is not used).
 */
export const PING_INTERVAL_MS = 15_000;

// 1012 "service restart": clients reconnect, to this server once it is back or to another one.
const SERVICE_RESTART = 1012;

export interface CollabServer {
  hocuspocus: Hocuspocus<CollabContext>;
  control: CollabControl;
  /** Options for @fastify/websocket: the message size limit and the socket error handler. */
  websocketOptions: WebsocketPluginOptions;
  /** Adds the /collab WebSocket route; @fastify/websocket must be registered first. */
  register(app: App): void;
  /** Stores every document with pending edits now, and waits until those stores are done. */
  flush(): Promise<void>;
  /** Refuses new sockets, closes the open ones (1012), stores what is pending and stops the timers. */
  close(): Promise<void>;
}

export interface CollabServerOptions {
  moduleFor?: (kind: ActivityKind) => ServerActivityModule;
  presenceIntervalMs?: number;
  sweepIntervalMs?: number;
  pingIntervalMs?: number;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** The web Request Hocuspocus hands to its hooks: the path and query, and no credentials. */
function toWebRequest(request: FastifyRequest): Request {
  const headers = new Headers();
  const userAgent = request.headers['user-agent'];
  if (typeof userAgent === 'string') headers.set('user-agent', userAgent);
  return new Request(new URL(request.url, 'http://localhost'), { headers });
}

/**
 * Builds the collaboration server for `ctx`: Hocuspocus with the auth, limits, writes,
 * persistence and presence extensions, plus revocation; nothing listens until register(app)
 * adds the route to an app that listens.
 */
export function createCollabServer(
  ctx: AppContext,
  logger: Logger,
  options: CollabServerOptions = {},
): CollabServer {
  const { config } = ctx;
  const db = ctx.database.db;
  const log = logger.child({ component: 'collab' });
  const moduleFor = options.moduleFor ?? registryModuleFor;
  const roster = new LabRoster();
  const sockets = new Map<
    string,
    { socket: WebSocket; handle: SocketHandle; end: (code: number, reason: string) => void }
  >();
  let isClosing = false;

  // Hocuspocus may wait up to half the debounce after the last edit, and at most half the
  // debounce after the first one, so an acknowledged edit is stored within COLLAB_DEBOUNCE_MS.
  const halfDebounce = Math.floor(config.COLLAB_DEBOUNCE_MS / 2);
  const persistence = createPersistence({ db, logger: log, moduleFor });
  const presence = createPresence({
    hocuspocus: () => hocuspocus,
    roster,
    ...(options.presenceIntervalMs ? { intervalMs: options.presenceIntervalMs } : {}),
  });
  const revocation = createRevocation({
    db,
    roster,
    logger: log,
    ...(options.sweepIntervalMs ? { sweepIntervalMs: options.sweepIntervalMs } : {}),
  });
  const hocuspocus: Hocuspocus<CollabContext> = new Hocuspocus<CollabContext>({
    name: 'stadshart',
    quiet: true,
    debounce: halfDebounce,
    maxDebounce: halfDebounce,
    unloadImmediately: true,
    extensions: [
      createAuthExtension({ db, config }),
      createLimitsExtension({ roster, maxPeoplePerLab: config.LAB_MAX_PARTICIPANTS }),
      createWritesExtension({
        db,
        config,
        hocuspocus: () => hocuspocus,
        moduleFor,
        logger: log,
      }),
      persistence.extension,
      presence.extension,
    ],
  });

  const pingTimer = setInterval(() => {
    for (const { socket } of sockets.values()) {
      if (socket.readyState === WebSocket.OPEN) socket.send(PING_FRAME);
    }
  }, options.pingIntervalMs ?? PING_INTERVAL_MS);
  pingTimer.unref();
  presence.start();
  revocation.start();

  const accept = (socket: WebSocket, request: FastifyRequest) => {
    const id = randomUUID();
    const handle: SocketHandle = {
      id,
      close(code, reason) {
        if (socket.readyState === WebSocket.OPEN) socket.close(code, fitCloseReason(reason));
      },
    };
    const client = hocuspocus.handleConnection(socket, toWebRequest(request), { socket: handle });
    let hasEnded = false;
    const end = (code: number, reason: string) => {
      if (hasEnded) return;
      hasEnded = true;
      sockets.delete(id);
      roster.releaseSocket(id);
      client.handleClose({ code, reason });
    };
    sockets.set(id, { socket, handle, end });
    socket.on('message', (data, isBinary) => {
      // After we closed a socket, nothing it still sends may count.
      if (socket.readyState !== WebSocket.OPEN) return;
      const frame = toBytes(data);
      const screened = isBinary
        ? screenFrame(frame)
        : ({ kind: 'malformed', why: 'text' } as const);
      if (screened.kind === 'pong') {
        client.lastMessageReceivedAt = Date.now();
      } else if (screened.kind === 'malformed') {
        log.info({ why: screened.why }, 'malformed collab frame; socket closed');
        handle.close(closeCodes.malformed, 'malformed frame');
      } else {
        client.handleMessage(frame);
      }
    });
    socket.on('close', (code, reason) => end(code, reason.toString()));
    if (isClosing) handle.close(SERVICE_RESTART, 'server restarting');
  };

  const refuseWhileClosing = (
    _request: FastifyRequest,
    _reply: FastifyReply,
    done: (error?: Error) => void,
  ) => {
    done(isClosing ? new HttpProblem(503, 'internal', 'The server is restarting.') : undefined);
  };

  const flush = async () => {
    // A few rounds: a store that was running when we looked may have left a newer edit pending.
    for (let round = 0; round < 5; round += 1) {
      const pending: Promise<unknown>[] = [];
      for (const document of hocuspocus.documents.values()) {
        if (document.isLoading) continue;
        const id = `onStoreDocument-${document.name}`;
        if (hocuspocus.debouncer.isDebounced(id)) {
          pending.push(Promise.resolve(hocuspocus.debouncer.executeNow(id)));
        } else if (hocuspocus.debouncer.isCurrentlyExecuting(id) || document.saveMutex.isLocked()) {
          pending.push(document.saveMutex.waitForUnlock());
        }
      }
      if (pending.length === 0) break;
      await Promise.allSettled(pending);
    }
    // Projections wait for their interval; a stopping server writes them now.
    await persistence.flushProjections();
  };

  return {
    hocuspocus,
    control: {
      ...revocation.control,
      liveDocument(name) {
        const document = hocuspocus.documents.get(name);
        // A document still loading, or whose load failed, holds nothing trustworthy yet.
        if (!document || document.isLoading || document.isDestroyed) return null;
        return persistence.isPoisoned(document) ? null : document;
      },
    },
    websocketOptions: websocketLimits(config, log),
    register(app) {
      app.get(
        COLLAB_PATH,
        { websocket: true, onRequest: [refuseWhileClosing, checkUpgradeOrigin(config)] },
        (socket, request) => accept(socket, request),
      );
    },
    flush,
    async close() {
      isClosing = true;
      clearInterval(pingTimer);
      presence.stop();
      revocation.stop();
      for (const { handle, end } of [...sockets.values()]) {
        handle.close(SERVICE_RESTART, 'server restarting');
        // Tell Hocuspocus now rather than after the close handshake, so no edit slips in.
        end(SERVICE_RESTART, 'server restarting');
      }
      await flush();
    },
  };
}
