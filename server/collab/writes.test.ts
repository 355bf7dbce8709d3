// Decoding updates into root-map writes (docs/COLLAB_SPEC.md, U1–U5): unit and property tests.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MapChange } from '../activities/registry.types.ts';
import { decodeChanges, type DecodeResult } from './writes.ts';

const ROOTS = ['notes', 'dots'];

/** A client and a server document in sync; `write` runs a change on the client and returns its update. */
function pair() {
  const server = new Y.Doc();
  const client = new Y.Doc();
  const write = (change: (doc: Y.Doc) => void): Uint8Array => {
    const before = Y.encodeStateVector(client);
    client.transact(() => change(client));
    return Y.encodeStateAsUpdate(client, before);
  };
  const decode = (update: Uint8Array, roots = ROOTS): DecodeResult =>
    decodeChanges(server, Y.decodeUpdate(update), roots);
  const deliver = (update: Uint8Array) => {
    Y.applyUpdate(server, update);
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)));
  };
  return { server, client, write, decode, deliver };
}

function changesOf(result: DecodeResult): MapChange[] {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.changes;
}

function refusalOf(result: DecodeResult): string {
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.changes)}`);
  return result.reason;
}

describe('decodeChanges', () => {
  it('U1: a new key, an overwrite and a delete are one change each, with the value before', () => {
    const { write, decode, deliver } = pair();
    const created = write((doc) => doc.getMap('notes').set('n1', { text: 'Eerste' }));
    expect(changesOf(decode(created))).toEqual([
      { op: 'set', root: 'notes', key: 'n1', value: { text: 'Eerste' }, previous: undefined },
    ]);
    deliver(created);

    const edited = write((doc) => doc.getMap('notes').set('n1', { text: 'Tweede' }));
    expect(changesOf(decode(edited))).toEqual([
      {
        op: 'set',
        root: 'notes',
        key: 'n1',
        value: { text: 'Tweede' },
        previous: { text: 'Eerste' },
      },
    ]);
    deliver(edited);

    const deleted = write((doc) => doc.getMap('notes').delete('n1'));
    expect(changesOf(decode(deleted))).toEqual([
      { op: 'delete', root: 'notes', key: 'n1', previous: { text: 'Tweede' } },
    ]);
  });

  it('U1: several writes to one key in one update count as the last one; a key made and removed at once is nothing', () => {
    const { write, decode } = pair();
    const update = write((doc) => {
      const notes = doc.getMap('notes');
      notes.set('n1', { text: 'a' });
      notes.set('n1', { text: 'b' });
      notes.set('n2', { text: 'weg' });
      notes.delete('n2');
      doc.getMap('dots').set('p|n1', 2);
    });
    expect(changesOf(decode(update))).toEqual([
      { op: 'set', root: 'notes', key: 'n1', value: { text: 'b' }, previous: undefined },
      { op: 'set', root: 'dots', key: 'p|n1', value: 2, previous: undefined },
    ]);
  });

  it('U1: an update the server already has, or a sync step 2 with nothing new, changes nothing', () => {
    const { server, client, write, decode, deliver } = pair();
    const update = write((doc) => doc.getMap('notes').set('n1', { text: 'a' }));
    deliver(update);
    expect(changesOf(decode(update))).toEqual([]);
    deliver(write((doc) => doc.getMap('notes').delete('n1')));
    // What a provider sends on reconnect: its whole delete set, and no new structs.
    expect(changesOf(decode(Y.encodeStateAsUpdate(client, Y.encodeStateVector(server))))).toEqual(
      [],
    );
  });

  it('U2: nested Yjs types and non-JSON content are refused', () => {
    const refusalFor = (change: (doc: Y.Doc) => void) => {
      const { write, decode } = pair();
      return refusalOf(decode(write(change)));
    };
    expect(refusalFor((doc) => doc.getMap('notes').set('n1', new Y.Map()))).toMatch(/plain JSON/);
    expect(refusalFor((doc) => doc.getMap('notes').set('n2', new Uint8Array([1])))).toMatch(
      /plain JSON/,
    );
    expect(refusalFor((doc) => doc.getText('notes').insert(0, 'hallo'))).toMatch(/list/);
    expect(refusalFor((doc) => doc.getArray('dots').push([1]))).toMatch(/list/);
  });

  it('U2: a write inside a nested type the server somehow holds is refused', () => {
    const { server, client, write, decode } = pair();
    // Bypass the check once, as if old data held a nested map.
    client.getMap('notes').set('n1', new Y.Map());
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    const inner = client.getMap('notes').get('n1') as Y.Map<unknown>;
    expect(refusalOf(decode(write(() => inner.set('text', 'binnenin'))))).toMatch(/nested/);
  });

  it('U3: a root the kind does not have is refused', () => {
    const { write, decode } = pair();
    expect(refusalOf(decode(write((doc) => doc.getMap('answers').set('p', 1))))).toMatch(
      /root answers/,
    );
  });

  it('U4: an update that depends on changes the server does not have is refused', () => {
    const { write, decode } = pair();
    write((doc) => doc.getMap('notes').set('n1', { text: 'a' }));
    const second = write((doc) => doc.getMap('notes').set('n2', { text: 'b' }));
    expect(refusalOf(decode(second))).toMatch(/does not have/);
    const edit = write((doc) => doc.getMap('notes').set('n1', { text: 'c' }));
    expect(refusalOf(decode(Y.mergeUpdates([edit])))).toMatch(/does not have/);
  });

  it('U4: a delete of content the server does not have is refused', () => {
    const elsewhere = new Y.Doc();
    elsewhere.getMap('notes').set('n1', 1);
    elsewhere.getMap('notes').delete('n1');
    // Only the delete set: clocks this server never saw, which Yjs would keep and apply later.
    const { ds } = Y.decodeUpdate(Y.encodeStateAsUpdate(elsewhere));
    expect(decodeChanges(new Y.Doc(), { structs: [], ds }, ROOTS)).toEqual({
      ok: false,
      reason: 'the update deletes content the server does not have',
    });
  });

  it('U5: whatever two people write, every key that changes on the server was listed, with its new value', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('set' as const),
        root: fc.constantFrom(...ROOTS),
        key: fc.constantFrom('a', 'b', 'c'),
        value: fc.integer({ min: 0, max: 9 }),
      }),
      fc.record({
        kind: fc.constant('delete' as const),
        root: fc.constantFrom(...ROOTS),
        key: fc.constantFrom('a', 'b', 'c'),
      }),
    );
    const step = fc.record({
      who: fc.constantFrom(0, 1),
      ops: fc.array(op, { minLength: 1, maxLength: 4 }),
      isDelivered: fc.boolean(),
      isSynced: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const server = new Y.Doc();
        const clients = [new Y.Doc(), new Y.Doc()];
        const unsent: Uint8Array[][] = [[], []];
        const snapshot = () =>
          Object.fromEntries(
            ROOTS.map((root) => [root, server.getMap(root).toJSON() as Record<string, unknown>]),
          );
        const deliver = (update: Uint8Array) => {
          const before = snapshot();
          const result = decodeChanges(server, Y.decodeUpdate(update), ROOTS);
          if (!result.ok) throw new Error(result.reason);
          Y.applyUpdate(server, update);
          const after = snapshot();
          for (const root of ROOTS) {
            const keys = new Set([
              ...Object.keys(before[root] ?? {}),
              ...Object.keys(after[root] ?? {}),
            ]);
            for (const key of keys) {
              const was = before[root]?.[key];
              const now = after[root]?.[key];
              if (was === now) continue;
              const listed = result.changes.filter((c) => c.root === root && c.key === key);
              const allowed = listed.map((c) => (c.op === 'set' ? c.value : undefined));
              if (!allowed.includes(now)) {
                throw new Error(`${root}.${key} became ${String(now)} unlisted`);
              }
            }
          }
        };
        for (const { who, ops, isDelivered, isSynced } of steps) {
          const client = clients[who] as Y.Doc;
          const before = Y.encodeStateVector(client);
          client.transact(() => {
            for (const o of ops) {
              if (o.kind === 'set') client.getMap(o.root).set(o.key, o.value);
              else client.getMap(o.root).delete(o.key);
            }
          });
          unsent[who]?.push(Y.encodeStateAsUpdate(client, before));
          if (isDelivered) {
            // Sent in order, possibly merged, as a provider does.
            const queue = unsent[who] ?? [];
            deliver(Y.mergeUpdates(queue.splice(0)));
          }
          if (isSynced) {
            Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)));
          }
        }
        for (const queue of unsent) if (queue.length > 0) deliver(Y.mergeUpdates(queue.splice(0)));
      }),
      { numRuns: 300 },
    );
  });
});
