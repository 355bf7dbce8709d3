// Decoding updates that write inside a free root (docs/COLLAB_SPEC.md, U6), next to root-map keys.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentChange } from '../activities/registry.types.ts';
import { decodeChanges, type DecodeResult } from './writes.ts';

const ROOTS = ['suggestions'];
const FREE = ['text'];

/** A client and a server document in sync; `write` runs a change on the client and returns its update. */
function pair() {
  const server = new Y.Doc();
  const client = new Y.Doc();
  const write = (change: (doc: Y.Doc) => void): Uint8Array => {
    const before = Y.encodeStateVector(client);
    client.transact(() => change(client));
    return Y.encodeStateAsUpdate(client, before);
  };
  const decode = (update: Uint8Array, freeRoots = FREE): DecodeResult<DocumentChange> =>
    decodeChanges(server, Y.decodeUpdate(update), ROOTS, freeRoots);
  const deliver = (update: Uint8Array) => {
    Y.applyUpdate(server, update);
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)));
  };
  return { server, client, write, decode, deliver };
}

function changesOf(result: DecodeResult<DocumentChange>): DocumentChange[] {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.changes;
}

function refusalOf(result: DecodeResult<DocumentChange>): string {
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.changes)}`);
  return result.reason;
}

/** Adds a paragraph holding `text` at the end of a fragment, as the rich-text editor does. */
function addParagraph(doc: Y.Doc, text: string, root = 'text'): void {
  const fragment = doc.getXmlFragment(root);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  fragment.insert(fragment.length, [paragraph]);
}

function textOf(doc: Y.Doc, index: number): Y.XmlText {
  const paragraph = doc.getXmlFragment('text').get(index) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

/** Visible countable content of a free root: one per nested type, one per character. */
function sizeOf(type: Y.XmlFragment | Y.XmlElement | Y.XmlText): number {
  if (type instanceof Y.XmlText) return type.length;
  let size = 0;
  for (const child of type.toArray()) {
    size += 1 + (child instanceof Y.XmlHook ? 0 : sizeOf(child));
  }
  return size;
}

describe('decodeChanges with a free root', () => {
  it('U6: a paragraph with nested text inside the free root is one free change, counting what it adds', () => {
    const { write, decode, deliver } = pair();
    const created = write((doc) => addParagraph(doc, 'hallo'));
    // The paragraph, its text node and five characters.
    expect(changesOf(decode(created))).toEqual([{ op: 'free', root: 'text', inserted: 7 }]);
    deliver(created);

    // Typing into the stored text node: placed through its neighbour in the document.
    const typed = write((doc) => textOf(doc, 0).insert(5, ' wereld'));
    expect(changesOf(decode(typed))).toEqual([{ op: 'free', root: 'text', inserted: 7 }]);
    deliver(typed);

    // A new text node in the stored paragraph: its parent is given by id, and is in the document.
    const nested = write((doc) => {
      const paragraph = doc.getXmlFragment('text').get(0) as Y.XmlElement;
      paragraph.insert(1, [new Y.XmlText('!')]);
    });
    expect(changesOf(decode(nested))).toEqual([{ op: 'free', root: 'text', inserted: 2 }]);
    deliver(nested);

    // Removing and formatting add nothing, but are still writes to the root.
    const removed = write((doc) => textOf(doc, 0).delete(0, 3));
    expect(changesOf(decode(removed))).toEqual([{ op: 'free', root: 'text', inserted: 0 }]);
    deliver(removed);
    const bold = write((doc) => textOf(doc, 0).format(0, 2, { bold: true }));
    expect(changesOf(decode(bold))).toEqual([{ op: 'free', root: 'text', inserted: 0 }]);
  });

  it('U6: a write that mixes the free root and a map key yields both changes', () => {
    const { write, decode } = pair();
    const update = write((doc) => {
      addParagraph(doc, 'In 2030');
      doc.getMap('suggestions').set('s1', { text: 'Meer groen' });
    });
    expect(changesOf(decode(update))).toEqual([
      {
        op: 'set',
        root: 'suggestions',
        key: 's1',
        value: { text: 'Meer groen' },
        previous: undefined,
      },
      { op: 'free', root: 'text', inserted: 9 },
    ]);
  });

  it('U2, U6: nested types outside the free root are still refused, in the update or in the document', () => {
    const refusalFor = (change: (doc: Y.Doc) => void) => {
      const { write, decode } = pair();
      return refusalOf(decode(write(change)));
    };
    expect(refusalFor((doc) => doc.getMap('suggestions').set('s1', new Y.Map()))).toMatch(
      /plain JSON/,
    );
    // A nested map and a write inside it in one update: the child's parent is in the update.
    expect(
      refusalFor((doc) => {
        const inner = new Y.Map<unknown>();
        doc.getMap('suggestions').set('s1', inner);
        inner.set('text', 'binnenin');
      }),
    ).toMatch(/nested|plain JSON/);
    expect(refusalFor((doc) => doc.getText('suggestions').insert(0, 'lijst'))).toMatch(/list/);
    // Rich text in a root the kind does not declare free.
    expect(refusalFor((doc) => addParagraph(doc, 'elders', 'elsewhere'))).toMatch(/list/);

    const { server, client, write, decode } = pair();
    // Bypass the check once, as if old data held a nested map in a map root.
    client.getMap('suggestions').set('s1', new Y.Map());
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    const inner = client.getMap('suggestions').get('s1') as Y.Map<unknown>;
    expect(refusalOf(decode(write(() => inner.set('text', 'binnenin'))))).toMatch(/nested/);
    // Without free roots, as for the canvas and the poll, rich text is refused as before.
    const { write: write2, decode: decode2 } = pair();
    expect(
      refusalOf(
        decode2(
          write2((doc) => addParagraph(doc, 'x')),
          [],
        ),
      ),
    ).toMatch(/list/);
  });

  it('U4, U6: free-root content that depends on changes the server does not have is refused', () => {
    const { write, decode } = pair();
    write((doc) => addParagraph(doc, 'eerst'));
    const second = write((doc) => textOf(doc, 0).insert(0, 'dan '));
    expect(refusalOf(decode(second))).toMatch(/does not have/);
  });

  it('U6: an edit inside a paragraph that someone removed meanwhile changes nothing and is not refused', () => {
    const { server, write, decode, deliver } = pair();
    deliver(write((doc) => addParagraph(doc, 'weg ermee')));
    // Someone else removes the paragraph; the server collects its content.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(other);
    other.getXmlFragment('text').delete(0, 1);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(other, before));
    const shown = JSON.stringify(server.getXmlFragment('text').toJSON());

    // This client has not heard of it yet: it types into the text and adds a text node.
    const typed = write((doc) => textOf(doc, 0).insert(3, '!'));
    expect(changesOf(decode(typed))).toEqual([]);
    Y.applyUpdate(server, typed);
    const added = write((doc) => {
      const paragraph = doc.getXmlFragment('text').get(0) as Y.XmlElement;
      paragraph.insert(1, [new Y.XmlText('ook')]);
    });
    expect(changesOf(decode(added))).toEqual([]);
    Y.applyUpdate(server, added);
    // Yjs indeed drops both: the server's text is as it was.
    expect(JSON.stringify(server.getXmlFragment('text').toJSON())).toBe(shown);
  });

  it('U5, U6: whatever two people write, every changed key is listed, and the free root is listed whenever it changes, never growing by more than it counts', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('paragraph' as const), text: fc.string({ maxLength: 4 }) }),
      fc.record({
        kind: fc.constant('type' as const),
        at: fc.nat(9),
        pos: fc.nat(9),
        text: fc.string({ minLength: 1, maxLength: 4 }),
      }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(9), pos: fc.nat(9) }),
      fc.record({ kind: fc.constant('drop' as const), at: fc.nat(9) }),
      fc.record({ kind: fc.constant('bold' as const), at: fc.nat(9) }),
      fc.record({
        kind: fc.constant('set' as const),
        key: fc.constantFrom('a', 'b'),
        value: fc.nat(9),
      }),
      fc.record({ kind: fc.constant('delete' as const), key: fc.constantFrom('a', 'b') }),
    );
    type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;
    const run = (doc: Y.Doc, o: Op) => {
      const fragment = doc.getXmlFragment('text');
      const paragraph =
        fragment.length > 0 ? fragment.get(('at' in o ? o.at : 0) % fragment.length) : null;
      const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
      switch (o.kind) {
        case 'paragraph':
          addParagraph(doc, o.text);
          break;
        case 'type':
          if (text instanceof Y.XmlText) text.insert(o.pos % (text.length + 1), o.text);
          break;
        case 'cut':
          if (text instanceof Y.XmlText && text.length > 0) text.delete(o.pos % text.length, 1);
          break;
        case 'drop':
          if (fragment.length > 0) fragment.delete(o.at % fragment.length, 1);
          break;
        case 'bold':
          if (text instanceof Y.XmlText && text.length > 0) text.format(0, 1, { bold: true });
          break;
        case 'set':
          doc.getMap('suggestions').set(o.key, o.value);
          break;
        case 'delete':
          doc.getMap('suggestions').delete(o.key);
          break;
      }
    };
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
        const deliver = (update: Uint8Array) => {
          const keysBefore = server.getMap('suggestions').toJSON() as Record<string, unknown>;
          const textBefore = JSON.stringify(server.getXmlFragment('text').toJSON());
          const sizeBefore = sizeOf(server.getXmlFragment('text'));
          const result = decodeChanges(server, Y.decodeUpdate(update), ROOTS, FREE);
          if (!result.ok) throw new Error(result.reason);
          Y.applyUpdate(server, update);
          const keysAfter = server.getMap('suggestions').toJSON() as Record<string, unknown>;
          for (const key of new Set([...Object.keys(keysBefore), ...Object.keys(keysAfter)])) {
            if (keysBefore[key] === keysAfter[key]) continue;
            const listed = result.changes.filter((c) => c.op !== 'free' && c.key === key);
            const allowed = listed.map((c) => (c.op === 'set' ? c.value : undefined));
            if (!allowed.includes(keysAfter[key])) throw new Error(`${key} changed unlisted`);
          }
          const free = result.changes.find((c) => c.op === 'free');
          if (JSON.stringify(server.getXmlFragment('text').toJSON()) !== textBefore && !free) {
            throw new Error('the text changed without a free change');
          }
          const grown = sizeOf(server.getXmlFragment('text')) - sizeBefore;
          if (grown > (free?.inserted ?? 0)) throw new Error(`grew ${grown}, counted less`);
        };
        for (const { who, ops, isDelivered, isSynced } of steps) {
          const client = clients[who] as Y.Doc;
          const before = Y.encodeStateVector(client);
          client.transact(() => {
            for (const o of ops) run(client, o);
          });
          unsent[who]?.push(Y.encodeStateAsUpdate(client, before));
          if (isDelivered) {
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
