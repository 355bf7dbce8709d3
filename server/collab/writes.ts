// Turns an incoming Yjs update into the root-map key writes it would make, so every write can be
// judged before it is applied (ADR 0002). Pure apart from reading the document it is checked against.
import * as Y from 'yjs';
import type { DocumentChange, FreeChange, MapChange } from '../activities/registry.types.ts';
import type { DecodedUpdate } from './frames.ts';

/** The changes an update makes (only MapChanges when no root is free), or why it is refused. */
export type DecodeResult<C extends DocumentChange = MapChange> =
  { ok: true; changes: C[] } | { ok: false; reason: string };

interface Slot {
  root: string;
  key: string;
  /** Every value this update may leave visible under the key (normally one). */
  values: unknown[];
  /** The update may remove what the key holds now. */
  mayDelete: boolean;
}

/**
 * What directly holds an item inside a free root: the root itself, an element (paragraph, list,
 * heading, line break), a text node, or a type no rich text holds.
 */
type Holder = 'root' | 'element' | 'text' | 'other';

/** Where inside a free root an item lands: its holder, and whether it is an attribute of it. */
interface FreePlace {
  free: string;
  holder: Holder;
  isAttribute: boolean;
}

/**
 * Where an item lands: a root-map key; somewhere inside a free root; nowhere, because Yjs will
 * garbage-collect it (its neighbour or parent was removed meanwhile; only considered when the kind
 * has free roots, the only place nested content that Yjs collects can live); or refused.
 */
type Place = { root: string; key: string } | FreePlace | { dropped: true } | { refused: string };

/** Where the children of a type inside a free root land (their attribute flag is their own). */
type Inside = { free: string; holder: Holder } | { dropped: true } | { refused: string };

const DROPPED = { dropped: true } as const;
const NESTED = { refused: 'writes inside a nested type' } as const;
const NOT_RICH_TEXT = 'writes content a rich text does not hold';

type Struct = DecodedUpdate['structs'][number];

function refuse(reason: string): DecodeResult<DocumentChange> {
  return { ok: false, reason };
}

/** The value a root map holds under `key` now, read without creating or converting the root. */
function currentValue(doc: Y.Doc, root: string, key: string): unknown {
  const item = doc.share.get(root)?._map.get(key);
  if (!item || item.deleted) return undefined;
  const content = item.content.getContent() as unknown[];
  return content[content.length - 1];
}

/** True when [clock, clock + length) of `client` overlaps a range of the delete set. */
function isInDeleteSet(
  ds: DecodedUpdate['ds'],
  client: number,
  clock: number,
  length: number,
): boolean {
  // A linear scan: a crafted delete set need not be sorted, and a binary search would trust it.
  for (const range of ds.clients.get(client) ?? []) {
    if (range.clock < clock + length && clock < range.clock + range.len) return true;
  }
  return false;
}

/** The free root that holds `type` (at any depth), or null when its root is not free. */
function freeRootOf(type: Y.AbstractType<unknown>, freeRoots: readonly string[]): string | null {
  if (freeRoots.length === 0) return null;
  let top = type;
  // An integrated type's ancestors end at a root; the chain of a document is finite.
  while (top._item !== null) {
    const parent = top._item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    top = parent;
  }
  const root = [...(top.doc?.share.entries() ?? [])].find(([, shared]) => shared === top)?.[0];
  return root !== undefined && freeRoots.includes(root) ? root : null;
}

/** What a type nested in a free root is to a rich text, judged by its class alone. */
function holderOfNested(type: Y.AbstractType<unknown>): Holder {
  if (type instanceof Y.XmlElement) return 'element';
  if (type instanceof Y.XmlText) return 'text';
  return 'other';
}

/**
 * Why `item` is not what a rich-text editor (TipTap's Collaboration extension, through
 * y-prosemirror) writes where it lands, or null when it is: elements and text nodes in the root
 * or an element, characters and formatting marks in a text node, plain values as an element's
 * attributes, and content that is already deleted anywhere.
 */
function refusalInRichText(item: Y.Item, place: FreePlace): string | null {
  const content = item.content;
  if (content instanceof Y.ContentDeleted) return null;
  let isFitting: boolean;
  if (place.isAttribute) {
    isFitting = place.holder === 'element' && content instanceof Y.ContentAny;
  } else if (place.holder === 'text') {
    isFitting = content instanceof Y.ContentString || content instanceof Y.ContentFormat;
  } else {
    isFitting =
      (place.holder === 'root' || place.holder === 'element') &&
      content instanceof Y.ContentType &&
      holderOfNested(content.type) !== 'other';
  }
  return isFitting ? null : NOT_RICH_TEXT;
}

/** Where a stored item lives: its root map's name and key, its free root, or why neither. */
function placeOfStored(struct: Y.Item | Y.GC, freeRoots: readonly string[]): Place {
  if (!(struct instanceof Y.Item)) {
    // Yjs turns whatever names collected content as its neighbour into collected content too.
    return freeRoots.length > 0 ? DROPPED : { refused: 'refers to removed content' };
  }
  const parent = struct.parent;
  if (!(parent instanceof Y.AbstractType)) return { refused: 'writes inside a nested type' };
  const free = freeRootOf(parent, freeRoots);
  if (free !== null) {
    const holder = parent._item === null ? 'root' : holderOfNested(parent);
    return { free, holder, isAttribute: struct.parentSub !== null };
  }
  if (parent._item !== null) return { refused: 'writes inside a nested type' };
  if (struct.parentSub === null) return { refused: 'writes a list, not a map key' };
  return { root: Y.findRootTypeKey(parent), key: struct.parentSub };
}

/** How much countable content (characters, nested types, values) the new part of `item` adds. */
function countInserted(item: Y.Item, known: number): number {
  if (!item.countable) return 0;
  return item.id.clock + item.length - Math.max(item.id.clock, known);
}

/**
 * Decodes what `update` would write to `doc`: one change per root-map key it sets or deletes,
 * and one 'free' change per root of `freeRoots` it writes anything inside. Refused: nested types
 * and content that is not plain JSON outside the free roots, content a rich text does not hold
 * inside them, roots outside `roots` and `freeRoots`, and anything the server cannot place now
 * (gaps, references to unknown content), because Yjs would keep such parts aside and apply them
 * later, unchecked.
 */
export function decodeChanges(
  doc: Y.Doc,
  update: DecodedUpdate,
  roots: readonly string[],
): DecodeResult;
export function decodeChanges(
  doc: Y.Doc,
  update: DecodedUpdate,
  roots: readonly string[],
  freeRoots: readonly string[],
): DecodeResult<DocumentChange>;
export function decodeChanges(
  doc: Y.Doc,
  update: DecodedUpdate,
  roots: readonly string[],
  freeRoots: readonly string[] = [],
): DecodeResult<DocumentChange> {
  const store = doc.store;
  const stateOf = (client: number) => Y.getState(store, client);
  const nextClock = new Map<number, number>();
  const inUpdate = new Map<number, Y.Item[]>();

  for (const struct of update.structs) {
    if (struct instanceof Y.Skip) return refuse('the update has gaps');
    const { client, clock } = struct.id;
    const expected = nextClock.get(client) ?? stateOf(client);
    if (clock > expected) return refuse('the update depends on changes the server does not have');
    nextClock.set(client, Math.max(expected, clock + struct.length));
    if (struct instanceof Y.Item) {
      const list = inUpdate.get(client) ?? [];
      list.push(struct);
      inUpdate.set(client, list);
    }
  }

  const places = new Map<Y.Item, Place>();
  const findInUpdate = (id: Y.ID): Y.Item | null =>
    inUpdate
      .get(id.client)
      ?.find((item) => item.id.clock <= id.clock && id.clock < item.id.clock + item.length) ?? null;

  // Like Yjs itself: an item without parent info lives where its left (or right) neighbour lives.
  const placeOf = (item: Y.Item, depth: number): Place => {
    const known = places.get(item);
    if (known) return known;
    let place: Place;
    if (depth > update.structs.length) {
      place = { refused: 'the update refers to itself in a circle' };
    } else if (typeof item.parent === 'string') {
      const root: string = item.parent;
      if (freeRoots.includes(root)) {
        place = { free: root, holder: 'root', isAttribute: item.parentSub !== null };
      } else
        place =
          item.parentSub === null
            ? { refused: 'writes a list, not a map key' }
            : { root, key: item.parentSub };
    } else if (item.parent instanceof Y.ID && freeRoots.length > 0) {
      const inside = placeInside(item.parent, depth);
      place = 'free' in inside ? { ...inside, isAttribute: item.parentSub !== null } : inside;
    } else if (item.parent !== null) {
      place = { refused: 'writes inside a nested type' };
    } else {
      const neighbour = item.origin ?? item.rightOrigin;
      if (!neighbour) {
        place = { refused: 'a change without a place' };
      } else {
        const sibling = findInUpdate(neighbour);
        // Yjs gives the item its neighbour's parent and key, so it lands where the neighbour is.
        if (sibling) {
          place = placeOf(sibling, depth + 1);
        } else if (neighbour.clock < stateOf(neighbour.client)) {
          place = placeOfStored(Y.getItem(store, neighbour), freeRoots);
        } else {
          place = { refused: 'the update refers to content the server does not have' };
        }
      }
    }
    places.set(item, place);
    return place;
  };

  // An item whose parent is given by id lives in the type that parent item holds, as Yjs
  // resolves it: a parent in this update or in the document; collected or not a type → dropped.
  const placeInside = (parentId: Y.ID, depth: number): Inside => {
    const parent = findInUpdate(parentId);
    if (parent) {
      const where = placeOf(parent, depth + 1);
      if (!('free' in where)) return 'refused' in where || 'dropped' in where ? where : NESTED;
      // Only a type can hold items; a crafted parent that is not one is refused, not guessed at.
      if (!(parent.content instanceof Y.ContentType)) return { refused: 'the parent is no type' };
      return { free: where.free, holder: holderOfNested(parent.content.type) };
    }
    if (parentId.clock >= stateOf(parentId.client)) {
      return { refused: 'the update refers to content the server does not have' };
    }
    const stored = Y.getItem(store, parentId);
    if (!(stored instanceof Y.Item) || !(stored.content instanceof Y.ContentType)) return DROPPED;
    const type = stored.content.type;
    const free = freeRootOf(type, freeRoots);
    return free === null ? NESTED : { free, holder: holderOfNested(type) };
  };

  const slots = new Map<string, Slot>();
  const slotOf = (root: string, key: string): Slot => {
    const id = `${root}\u0000${key}`;
    let slot = slots.get(id);
    if (!slot) {
      slot = { root, key, values: [], mayDelete: false };
      slots.set(id, slot);
    }
    return slot;
  };

  const frees = new Map<string, FreeChange>();
  const touchFree = (root: string, inserted: number) => {
    const change = frees.get(root) ?? { op: 'free', root, inserted: 0 };
    change.inserted += inserted;
    frees.set(root, change);
  };

  for (const [client, items] of inUpdate) {
    for (const item of items) {
      // Already known to the server in full: applying it again changes nothing.
      if (item.id.clock + item.length <= stateOf(client)) continue;
      const place = placeOf(item, 0);
      if ('refused' in place) return refuse(place.refused);
      if ('dropped' in place) continue;
      if ('free' in place) {
        const refusal = refusalInRichText(item, place);
        if (refusal !== null) return refuse(refusal);
        touchFree(place.free, countInserted(item, stateOf(client)));
        continue;
      }
      if (!roots.includes(place.root)) return refuse(`root ${place.root} is not allowed here`);
      const slot = slotOf(place.root, place.key);
      const content = item.content;
      if (content instanceof Y.ContentDeleted) {
        slot.mayDelete = true;
        continue;
      }
      if (!(content instanceof Y.ContentAny) && !(content instanceof Y.ContentJSON)) {
        return refuse('only plain JSON values may be written');
      }
      const values = content.getContent() as unknown[];
      if (values.length !== 1) return refuse('a map key holds exactly one value');
      if (isInDeleteSet(update.ds, client, item.id.clock, item.length)) slot.mayDelete = true;
      else slot.values.push(values[0]);
    }
  }

  for (const [client, ranges] of update.ds.clients) {
    const stored = stateOf(client);
    const limit = Math.max(stored, nextClock.get(client) ?? 0);
    const structs = store.clients.get(client);
    for (const range of ranges) {
      const end = range.clock + range.len;
      if (end > limit) return refuse('the update deletes content the server does not have');
      if (!structs || range.clock >= stored) continue;
      for (let i = Y.findIndexSS(structs, range.clock); i < structs.length; i += 1) {
        const struct: Struct = structs[i] as Struct;
        if (struct.id.clock >= end) break;
        if (struct.deleted) continue;
        const place = placeOfStored(struct, freeRoots);
        if ('refused' in place) return refuse(place.refused);
        if ('dropped' in place) continue;
        if ('free' in place) {
          touchFree(place.free, 0);
          continue;
        }
        const parent = doc.share.get(place.root);
        // Only the entry a key shows now matters; older entries of the key are deleted already.
        if (parent?._map.get(place.key) !== struct) continue;
        if (!roots.includes(place.root)) return refuse(`root ${place.root} is not allowed here`);
        slotOf(place.root, place.key).mayDelete = true;
      }
    }
  }

  const changes: DocumentChange[] = [];
  for (const slot of slots.values()) {
    const previous = currentValue(doc, slot.root, slot.key);
    if (slot.values.length > 0) {
      // When a crafted update leaves more than one candidate, every one of them is judged.
      for (const value of slot.values) {
        changes.push({ op: 'set', root: slot.root, key: slot.key, value, previous });
      }
    } else if (slot.mayDelete && previous !== undefined) {
      changes.push({ op: 'delete', root: slot.root, key: slot.key, previous });
    }
  }
  changes.push(...frees.values());
  return { ok: true, changes };
}
