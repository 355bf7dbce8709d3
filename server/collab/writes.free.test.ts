// Decoding updates that write inside a free root (docs/COLLAB_SPEC.md, U6), next to root-map keys.
import { Editor } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { updateYFragment, ySyncPluginKey } from '@tiptap/y-tiptap';
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
        kind: fc.constant('align' as const),
        at: fc.nat(9),
        value: fc.constantFrom('left', 'right'),
      }),
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
        case 'align':
          if (paragraph instanceof Y.XmlElement) paragraph.setAttribute('textAlign', o.value);
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

/**
 * A headless TipTap editor whose every change reaches `doc` as the Collaboration extension writes
 * it: its sync plugin, on each view update, runs y-prosemirror's updateYFragment over the editor's
 * new document in a transaction of its own. The plugin itself hooks the view, which needs a DOM,
 * so the test runs what it runs. StarterKit in full, a superset of the vision's own nodes.
 */
function tiptapSession(doc: Y.Doc) {
  const editor = new Editor({
    element: null,
    extensions: [StarterKit.configure({ undoRedo: false })],
    content: { type: 'doc', content: [{ type: 'paragraph' }] },
  });
  const fragment = doc.getXmlFragment('text');
  const binding: Parameters<typeof updateYFragment>[3] = { mapping: new Map(), isOMark: new Map() };
  const sync = (): void => {
    doc.transact(() => updateYFragment(doc, fragment, editor.state.doc, binding), ySyncPluginKey);
  };
  return { editor, sync };
}

/** What each new struct of an update is, in words, so the test records what TipTap writes. */
function contentsOf(update: Uint8Array): string[] {
  return Y.decodeUpdate(update).structs.map((struct) => {
    if (!(struct instanceof Y.Item)) return struct.constructor.name;
    const content = struct.content;
    if (content instanceof Y.ContentType) {
      const type = content.type;
      if (type instanceof Y.XmlElement) return `element ${type.nodeName}`;
      return type instanceof Y.XmlText ? 'text node' : 'other type';
    }
    if (content instanceof Y.ContentString) return `characters "${content.str}"`;
    if (content instanceof Y.ContentFormat) {
      return `format ${content.key} ${JSON.stringify(content.value)}`;
    }
    if (content instanceof Y.ContentAny) {
      return `${struct.parentSub === null ? 'value' : `attribute ${struct.parentSub}`} ${JSON.stringify(content.getContent())}`;
    }
    return content instanceof Y.ContentDeleted ? 'deleted' : content.constructor.name;
  });
}

/** Adds an item holding `content` to `parent` (under `key`), as a crafted update would. */
function craft(
  doc: Y.Doc,
  parent: Y.XmlFragment,
  content: Y.Item['content'],
  key: string | null = null,
): void {
  doc.transact((transaction) => {
    const client = doc.clientID;
    const left = key === null ? null : (parent._map.get(key) ?? null);
    const id = Y.createID(client, Y.getState(doc.store, client));
    new Y.Item(id, left, left?.lastId ?? null, null, null, parent, key, content).integrate(
      transaction,
      0,
    );
  });
}

describe('decodeChanges: a free root holds only what a rich-text editor writes', () => {
  it('U6: what TipTap writes for typing, bold, a heading, lists, line breaks, links and deleting is recorded and accepted', () => {
    const { client, write, decode, deliver } = pair();
    const { editor, sync } = tiptapSession(client);
    const step = (edit: () => void): string[] => {
      const update = write(() => {
        edit();
        sync();
      });
      expect(changesOf(decode(update))).toEqual([
        { op: 'free', root: 'text', inserted: expect.any(Number) as number },
      ]);
      deliver(update);
      return contentsOf(update);
    };

    expect(step(() => editor.commands.insertContent({ type: 'text', text: 'De haven' }))).toEqual([
      'element paragraph',
      'text node',
      'characters "De haven"',
    ]);
    expect(
      step(() => editor.chain().setTextSelection({ from: 4, to: 9 }).toggleBold().run()),
    ).toEqual(['format bold {}', 'format bold null']);
    // A new block type replaces the element; its level is an attribute, a plain value.
    expect(step(() => editor.commands.setNode('heading', { level: 4 }))).toEqual([
      'element heading',
      'text node',
      'characters "De "',
      'format bold {}',
      'characters "haven"',
      'format bold null',
      'attribute level [4]',
    ]);
    expect(
      step(() =>
        editor
          .chain()
          .setTextSelection(editor.state.doc.content.size - 1)
          .splitBlock()
          // Else the new line keeps the bold of where it was split (a pair of marks more).
          .unsetBold()
          .insertContent({ type: 'text', text: 'groen' })
          .toggleBulletList()
          .run(),
      ),
    ).toEqual([
      'element bulletList',
      'element listItem',
      'element paragraph',
      'text node',
      'characters "groen"',
    ]);
    expect(
      step(() =>
        editor.chain().setHardBreak().insertContent({ type: 'text', text: 'kades' }).run(),
      ),
    ).toEqual(['element hardBreak', 'text node', 'characters "kades"']);
    expect(
      step(() =>
        editor
          .chain()
          .setTextSelection({ from: 1, to: 3 })
          .toggleItalic()
          .setLink({ href: 'https://example.org' })
          .run(),
      ),
    ).toEqual([
      // A mark's attributes travel inside the format mark, as plain values.
      `format link ${JSON.stringify({ ...editor.getAttributes('link'), href: 'https://example.org' })}`,
      'format italic {}',
      'format link null',
      'format italic null',
    ]);
    expect(step(() => editor.commands.toggleOrderedList())).toEqual(
      expect.arrayContaining(['element orderedList', 'attribute start [1]']) as string[],
    );
    // Deleting text or whole blocks only marks content deleted.
    expect(step(() => editor.commands.deleteRange({ from: 2, to: 4 }))).toEqual([]);
    // Taking bold off the start of a bold run: its start is deleted, bold starts again later.
    expect(
      step(() => editor.chain().setTextSelection({ from: 1, to: 6 }).unsetBold().run()),
    ).toEqual(['format bold {}']);
    // Emptied, the document still holds one (new) paragraph.
    expect(
      step(() => editor.commands.deleteRange({ from: 0, to: editor.state.doc.content.size })),
    ).toEqual(['element paragraph']);
    editor.destroy();
  });

  it('U6: an update that arrives with its content already deleted is accepted', () => {
    const { write, decode } = pair();
    const update = write((doc) => {
      addParagraph(doc, 'weg');
      doc.getXmlFragment('text').delete(0, 1);
    });
    // The paragraph travels as deleted content, what it held as collected content.
    expect(contentsOf(update)).toEqual(['deleted', 'GC']);
    expect(changesOf(decode(update))).toEqual([{ op: 'free', root: 'text', inserted: 0 }]);
  });

  it('U6: nested maps, arrays, fragments and plain text types inside the free root are refused', () => {
    const refusalFor = (change: (doc: Y.Doc) => void) => {
      const { write, decode } = pair();
      return refusalOf(decode(write(change)));
    };
    const NOT_RICH_TEXT = 'writes content a rich text does not hold';
    type Other = Y.Map<unknown> | Y.Array<unknown> | Y.XmlFragment | Y.Text | Y.XmlHook;
    const others: (() => Other)[] = [
      () => new Y.Map(),
      () => new Y.Array(),
      () => new Y.XmlFragment(),
      () => new Y.Text('x'),
      () => new Y.XmlHook('x'),
    ];
    for (const make of others) {
      // In the root, in a paragraph, and in a text node.
      expect(
        refusalFor((doc) => craft(doc, doc.getXmlFragment('text'), new Y.ContentType(make()))),
      ).toBe(NOT_RICH_TEXT);
      expect(
        refusalFor((doc) => {
          addParagraph(doc, 'x');
          const paragraph = doc.getXmlFragment('text').get(0) as Y.XmlElement;
          craft(doc, paragraph, new Y.ContentType(make()));
        }),
      ).toBe(NOT_RICH_TEXT);
      expect(
        refusalFor((doc) => {
          addParagraph(doc, 'x');
          textOf(doc, 0).insertEmbed(1, make());
        }),
      ).toBe(NOT_RICH_TEXT);
    }
    // A map as an element's attribute, and a write inside a map stored before this check existed.
    expect(
      refusalFor((doc) => {
        addParagraph(doc, 'x');
        (doc.getXmlFragment('text').get(0) as Y.XmlElement).setAttribute(
          'data',
          new Y.Map() as unknown as string,
        );
      }),
    ).toBe(NOT_RICH_TEXT);
    const { server, client, write, decode } = pair();
    const old = new Y.Map<unknown>();
    client.getXmlFragment('text').insert(0, [old as unknown as Y.XmlElement]);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    expect(refusalOf(decode(write(() => old.set('a', 1))))).toBe(NOT_RICH_TEXT);
  });

  it('U6: subdocuments, binary content, embeds and JSON inside the free root are refused', () => {
    const NOT_RICH_TEXT = 'writes content a rich text does not hold';
    const refusalFor = (change: (doc: Y.Doc) => void) => {
      const { write, decode } = pair();
      return refusalOf(decode(write(change)));
    };
    const paragraphOf = (doc: Y.Doc): Y.XmlElement => {
      addParagraph(doc, 'x');
      return doc.getXmlFragment('text').get(0) as Y.XmlElement;
    };
    const setAttribute = (element: Y.XmlElement, key: string, value: unknown) =>
      // setAttribute stores whatever it gets: a document, bytes or a type, like a crafted client.
      element.setAttribute(key, value as string);
    expect(refusalFor((doc) => setAttribute(paragraphOf(doc), 'sub', new Y.Doc()))).toBe(
      NOT_RICH_TEXT,
    );
    expect(
      refusalFor((doc) => craft(doc, doc.getXmlFragment('text'), new Y.ContentDoc(new Y.Doc()))),
    ).toBe(NOT_RICH_TEXT);
    expect(refusalFor((doc) => setAttribute(paragraphOf(doc), 'data', new Uint8Array([1])))).toBe(
      NOT_RICH_TEXT,
    );
    expect(
      refusalFor((doc) => craft(doc, paragraphOf(doc), new Y.ContentBinary(new Uint8Array([1])))),
    ).toBe(NOT_RICH_TEXT);
    expect(
      refusalFor((doc) => {
        paragraphOf(doc);
        textOf(doc, 0).insertEmbed(0, { image: 'x.png' });
      }),
    ).toBe(NOT_RICH_TEXT);
    expect(refusalFor((doc) => craft(doc, paragraphOf(doc), new Y.ContentJSON([{ a: 1 }])))).toBe(
      NOT_RICH_TEXT,
    );
    expect(refusalFor((doc) => craft(doc, paragraphOf(doc), new Y.ContentJSON([1]), 'level'))).toBe(
      NOT_RICH_TEXT,
    );
  });

  it('U6: rich-text content in the wrong place is refused: characters or values outside text, elements inside text, attributes on text or the root', () => {
    const NOT_RICH_TEXT = 'writes content a rich text does not hold';
    const refusalFor = (change: (doc: Y.Doc) => void) => {
      const { write, decode } = pair();
      return refusalOf(decode(write(change)));
    };
    const fragmentOf = (doc: Y.Doc) => doc.getXmlFragment('text');
    expect(refusalFor((doc) => craft(doc, fragmentOf(doc), new Y.ContentString('los')))).toBe(
      NOT_RICH_TEXT,
    );
    expect(
      refusalFor((doc) => {
        addParagraph(doc, 'x');
        craft(doc, fragmentOf(doc).get(0) as Y.XmlElement, new Y.ContentString('los'));
      }),
    ).toBe(NOT_RICH_TEXT);
    expect(refusalFor((doc) => craft(doc, fragmentOf(doc), new Y.ContentAny([1, 2])))).toBe(
      NOT_RICH_TEXT,
    );
    expect(
      refusalFor((doc) => craft(doc, fragmentOf(doc), new Y.ContentFormat('bold', true))),
    ).toBe(NOT_RICH_TEXT);
    expect(
      refusalFor((doc) => {
        addParagraph(doc, 'x');
        textOf(doc, 0).insertEmbed(0, new Y.XmlElement('paragraph'));
      }),
    ).toBe(NOT_RICH_TEXT);
    expect(
      refusalFor((doc) => {
        addParagraph(doc, 'x');
        textOf(doc, 0).setAttribute('kleur', 'rood');
      }),
    ).toBe(NOT_RICH_TEXT);
    expect(
      refusalFor((doc) => craft(doc, fragmentOf(doc), new Y.ContentAny(['rood']), 'kleur')),
    ).toBe(NOT_RICH_TEXT);
    expect(
      refusalFor((doc) => {
        addParagraph(doc, 'x');
        craft(doc, fragmentOf(doc).get(0) as Y.XmlElement, new Y.ContentString('rood'), 'kleur');
      }),
    ).toBe(NOT_RICH_TEXT);

    // Placed through stored neighbours: a value after a stored character, an attribute's new value.
    const { write, decode, deliver } = pair();
    deliver(
      write((doc) => {
        addParagraph(doc, 'ab');
        (fragmentOf(doc).get(0) as Y.XmlElement).setAttribute('textAlign', 'left');
      }),
    );
    const realigned = write((doc) =>
      (fragmentOf(doc).get(0) as Y.XmlElement).setAttribute('textAlign', 'right'),
    );
    // The update names no key: Yjs takes it from the stored value the new one follows.
    expect(contentsOf(realigned)).toEqual(['value ["right"]']);
    expect(changesOf(decode(realigned))).toEqual([{ op: 'free', root: 'text', inserted: 1 }]);
    deliver(realigned);
    const embedded = write((doc) => textOf(doc, 0).insertEmbed(2, { x: 1 }));
    expect(refusalOf(decode(embedded))).toBe(NOT_RICH_TEXT);
  });
});
