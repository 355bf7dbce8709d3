// The pure decisions of the lab connection: close codes, sync state, unsent-change counts, lost changes, frames.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeCodes } from '../../common/collab.ts';
import type { Problem } from '../../common/problem.ts';
import { ApiError, NetworkError } from '../api/client.ts';
import { codeFromReason, decideOnClose, documentRetryDelayMs } from './closeDecisions.ts';
import { decideOnTokenError } from './labConnection.ts';
import { findLostChanges, lostChangeText } from './lostChanges.ts';
import { createPendingChanges, touchedKey, type KeyValueStore } from './pendingChanges.ts';
import { deriveSyncState, type SyncInputs } from './syncState.ts';
import { encodeServerMessage, peekServerMessage } from './wire.ts';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
    get length() {
      return data.size;
    },
    key: (index) => [...data.keys()][index] ?? null,
  };
}

function apiError(status: number, code: Problem['code']): ApiError {
  return new ApiError(status, { type: 'about:blank', title: 't', status, detail: 'd', code });
}

describe('close codes → decisions', () => {
  it('4410 removed stops for good, on the socket and on one document', () => {
    expect(decideOnClose({ code: closeCodes.removed }, 'socket')).toEqual({ action: 'removed' });
    expect(decideOnClose({ reason: 'removed' }, 'document')).toEqual({ action: 'removed' });
  });

  it('4409 lab changed reconnects', () => {
    expect(decideOnClose({ code: closeCodes.labChanged }, 'socket')).toEqual({
      action: 'reconnect',
    });
  });

  it('4401/4403/4404 stop and explain', () => {
    expect(decideOnClose({ code: 4401 }, 'socket')).toEqual({
      action: 'stop',
      reason: 'unauthenticated',
    });
    expect(decideOnClose({ code: 4403 }, 'socket')).toEqual({
      action: 'stop',
      reason: 'forbidden',
    });
    expect(decideOnClose({ code: 4404 }, 'socket')).toEqual({ action: 'stop', reason: 'notFound' });
  });

  it('4422 rejected and 4430 rate-limited refuse the document', () => {
    expect(decideOnClose({ code: 1000, reason: '4422 note too long' }, 'document')).toEqual({
      action: 'rejected',
      reason: 'rejected',
    });
    expect(decideOnClose({ code: closeCodes.rateLimited }, 'socket')).toEqual({
      action: 'rejected',
      reason: 'rateLimited',
    });
  });

  it('4429 lab full is its own friendly stop', () => {
    expect(decideOnClose({ code: closeCodes.labFull }, 'socket')).toEqual({ action: 'labFull' });
    expect(decideOnClose({ reason: 'lab_full' }, 'document')).toEqual({ action: 'labFull' });
  });

  it('an oversized frame refuses one document but only reconnects a whole socket', () => {
    expect(decideOnClose({ code: 1000, reason: '1009' }, 'document')).toEqual({
      action: 'rejected',
      reason: 'tooBig',
    });
    expect(decideOnClose({ code: 1009 }, 'socket')).toEqual({ action: 'reconnect' });
  });

  it('network drops, normal closes and unknown codes reconnect', () => {
    for (const code of [1000, 1001, 1006, 4408, 4205, 3000]) {
      expect(decideOnClose({ code, reason: '' }, 'socket')).toEqual({ action: 'reconnect' });
    }
    expect(decideOnClose({ reason: 'Server closed the connection' }, 'document')).toEqual({
      action: 'reconnect',
    });
  });

  it('reads codes and words out of reasons, and ignores numbers that are not ours', () => {
    expect(codeFromReason('4410')).toBe(4410);
    expect(codeFromReason('closed: 4422')).toBe(4422);
    expect(codeFromReason('Forbidden')).toBe(4403);
    expect(codeFromReason('rate-limited')).toBe(4430);
    expect(codeFromReason('4999 something')).toBeNull();
    expect(codeFromReason('')).toBeNull();
    expect(codeFromReason(null)).toBeNull();
  });

  it('a refused sign-in: unknown reasons stop, an expired token is renewed, a deleted step is dropped', () => {
    expect(decideOnClose({ reason: 'permission-denied' }, 'authentication')).toEqual({
      action: 'stop',
      reason: 'forbidden',
    });
    expect(
      decideOnClose({ reason: '4403 the token is for another lab' }, 'authentication'),
    ).toEqual({ action: 'stop', reason: 'forbidden' });
    expect(decideOnClose({ reason: '4410 removed from this lab' }, 'authentication')).toEqual({
      action: 'removed',
    });
    expect(decideOnClose({ reason: '4401 unknown or expired token' }, 'authentication')).toEqual({
      action: 'renewToken',
    });
    expect(decideOnClose({ reason: '4404 no such activity' }, 'authentication')).toEqual({
      action: 'dropDocument',
    });
    expect(decideOnClose({ reason: '4429 this lab is full' }, 'authentication')).toEqual({
      action: 'labFull',
    });
  });

  it('a document closed after a refused write is reloaded, never the whole lab stopped', () => {
    expect(decideOnClose({ reason: '4403 this connection is read-only' }, 'document')).toEqual({
      action: 'rejected',
      reason: 'readOnly',
    });
    expect(decideOnClose({ reason: '4430 more than 20 notes per minute' }, 'document')).toEqual({
      action: 'rejected',
      reason: 'rateLimited',
    });
    expect(decideOnClose({ reason: '4404 the activity is gone' }, 'document')).toEqual({
      action: 'dropDocument',
    });
  });

  it('token request failures: removed, full and no access stop; the network retries', () => {
    expect(decideOnTokenError(apiError(403, 'participant_removed'))).toEqual({ action: 'removed' });
    expect(decideOnTokenError(apiError(409, 'lab_full'))).toEqual({ action: 'labFull' });
    expect(decideOnTokenError(apiError(401, 'unauthenticated'))).toEqual({
      action: 'stop',
      reason: 'unauthenticated',
    });
    expect(decideOnTokenError(apiError(404, 'not_found'))).toEqual({
      action: 'stop',
      reason: 'notFound',
    });
    expect(decideOnTokenError(new NetworkError('network'))).toBeNull();
    expect(decideOnTokenError(apiError(500, 'internal'))).toBeNull();
  });

  it('document retries back off from 1 s to at most 30 s', () => {
    expect(documentRetryDelayMs(0)).toBe(1000);
    expect(documentRetryDelayMs(1)).toBe(2000);
    expect(documentRetryDelayMs(20)).toBe(30_000);
    fc.assert(
      fc.property(fc.nat(100), (attempt) => {
        const delay = documentRetryDelayMs(attempt);
        return delay >= 1000 && delay <= 30_000 && delay <= documentRetryDelayMs(attempt + 1);
      }),
    );
  });
});

describe('sync state', () => {
  const connected: SyncInputs = {
    isOnline: true,
    socket: 'connected',
    hasLostConnection: false,
    isStopped: false,
    documents: [{ pending: 0, unsynced: 0, synced: true }],
  };

  it('is saved when connected and every document is synced with nothing outstanding', () => {
    expect(deriveSyncState(connected)).toEqual({ state: 'saved', pending: 0 });
  });

  it('is saving while a change waits for its acknowledgement or a document has not synced', () => {
    expect(
      deriveSyncState({ ...connected, documents: [{ pending: 1, unsynced: 1, synced: true }] }),
    ).toEqual({ state: 'saving', pending: 1 });
    expect(
      deriveSyncState({ ...connected, documents: [{ pending: 0, unsynced: 0, synced: false }] }),
    ).toEqual({ state: 'saving', pending: 0 });
  });

  it('is saving, not offline, during the very first connection attempt', () => {
    expect(deriveSyncState({ ...connected, socket: 'connecting' }).state).toBe('saving');
  });

  it('is offline with the count when the browser is offline or the socket is lost', () => {
    const documents = [
      { pending: 2, unsynced: 5, synced: false },
      { pending: 1, unsynced: 0, synced: false },
    ];
    expect(deriveSyncState({ ...connected, isOnline: false, documents })).toEqual({
      state: 'offline',
      pending: 3,
    });
    expect(deriveSyncState({ ...connected, socket: 'disconnected', documents }).state).toBe(
      'offline',
    );
    expect(
      deriveSyncState({ ...connected, socket: 'connecting', hasLostConnection: true, documents })
        .state,
    ).toBe('offline');
  });

  it('after a reload while offline, changes kept in IndexedDB count although the provider knows none', () => {
    expect(
      deriveSyncState({
        isOnline: true,
        socket: 'disconnected',
        hasLostConnection: true,
        isStopped: false,
        documents: [{ pending: 3, unsynced: 0, synced: false }],
      }),
    ).toEqual({ state: 'offline', pending: 3 });
  });

  it('is never "saved" while anything is pending (property)', () => {
    const doc = fc.record({ pending: fc.nat(5), unsynced: fc.nat(5), synced: fc.boolean() });
    fc.assert(
      fc.property(
        fc.record({
          isOnline: fc.boolean(),
          socket: fc.constantFrom(
            'connecting' as const,
            'connected' as const,
            'disconnected' as const,
          ),
          hasLostConnection: fc.boolean(),
          isStopped: fc.boolean(),
          documents: fc.array(doc, { maxLength: 4 }),
        }),
        (inputs) => {
          const result = deriveSyncState(inputs);
          const total = inputs.documents.reduce((sum, d) => sum + d.pending, 0);
          expect(result.pending).toBe(total);
          if (result.state === 'saved') {
            expect(inputs.isOnline && inputs.socket === 'connected' && !inputs.isStopped).toBe(
              true,
            );
            expect(
              inputs.documents.every((d) => d.synced && d.unsynced === 0 && d.pending === 0),
            ).toBe(true);
          }
        },
      ),
    );
  });
});

describe('unsent-change counts', () => {
  it('count across "reloads" of the same store and clear on acknowledgement', () => {
    const store = memoryStore();
    const first = createPendingChanges(store);
    first.add('lab.a.activity.b', [touchedKey('notes', 'n1')]);
    first.add('lab.a.activity.b', [touchedKey('notes', 'n1'), touchedKey('notes', 'n2')]);
    const reloaded = createPendingChanges(store);
    expect(reloaded.read('lab.a.activity.b')).toEqual({
      count: 2,
      touched: [touchedKey('notes', 'n1'), touchedKey('notes', 'n2')],
    });
    expect(reloaded.listWaiting('lab.a.')).toEqual(['lab.a.activity.b']);
    reloaded.clear('lab.a.activity.b');
    expect(createPendingChanges(store).read('lab.a.activity.b').count).toBe(0);
    expect(store.data.size).toBe(0);
  });

  it('keep counting in memory when storage refuses writes', () => {
    const refusing: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => undefined,
      length: 0,
      key: () => null,
    };
    const pending = createPendingChanges(refusing);
    pending.add('doc', []);
    expect(pending.add('doc', [])).toBe(2);
  });

  it('treat a damaged stored value as nothing waiting', () => {
    const store = memoryStore();
    store.setItem('stadshart.pending.doc', '{not json');
    expect(createPendingChanges(store).read('doc').count).toBe(0);
  });
});

describe('lost changes', () => {
  it('lists only touched keys whose value the server does not have', () => {
    const mine = new Map<string, unknown>([
      [touchedKey('notes', 'a'), { id: 'a', text: 'Meer groen op het plein' }],
      [touchedKey('notes', 'b'), { id: 'b', text: 'kept' }],
    ]);
    const server = new Map<string, unknown>([
      [touchedKey('notes', 'b'), { id: 'b', text: 'kept' }],
      [touchedKey('notes', 'c'), { id: 'c', text: 'someone else' }],
    ]);
    const lost = findLostChanges(
      [touchedKey('notes', 'a'), touchedKey('notes', 'b')],
      (root, key) => mine.get(touchedKey(root, key)),
      (root, key) => server.get(touchedKey(root, key)),
    );
    expect(lost).toHaveLength(1);
    expect(lost[0]?.key).toBe('a');
    expect(lost[0] && lostChangeText(lost[0])).toBe('Meer groen op het plein');
  });

  it('shortens long texts and has no text for dots or deletions', () => {
    const long = 'x'.repeat(100);
    expect(
      lostChangeText({ root: 'notes', key: 'a', mine: { text: long }, server: undefined }, 10),
    ).toBe(`${'x'.repeat(9)}…`);
    expect(lostChangeText({ root: 'dots', key: 'p|n', mine: 2, server: undefined })).toBeNull();
  });
});

describe('frames', () => {
  it('peeks a document close with its reason and a refused sync status', () => {
    expect(
      peekServerMessage(encodeServerMessage('doc', { type: 'close', reason: '4422' })),
    ).toEqual({
      type: 'close',
      documentName: 'doc',
      reason: '4422',
    });
    expect(
      peekServerMessage(encodeServerMessage('doc', { type: 'syncStatus', isApplied: false })),
    ).toEqual({ type: 'syncStatus', documentName: 'doc', isApplied: false });
    expect(peekServerMessage(new Uint8Array([0xff]))).toEqual({ type: 'other' });
  });
});
