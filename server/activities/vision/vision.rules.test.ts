import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { defaultActivityState, type ActivityState } from '../../../common/activities/control.ts';
import { measureVisionText, visionFragment } from '../../../common/activities/vision.doc.ts';
import {
  VISION_TEXT_MAX,
  visionConfig,
  type SuggestionValue,
  type VisionConfig,
  type VisionEditors,
} from '../../../common/activities/vision.ts';
import type { DocumentChange, MapChange, WriteContext } from '../registry.types.ts';
import { checkVisionChanges, countCreatedSuggestions } from './vision.rules.ts';

const ANNA = 'anna';
const BRAM = 'bram';
const FACILITATOR = 'fien';

const configFor = (editors: VisionEditors): VisionConfig =>
  visionConfig.parse({ kind: 'vision', editors });

/** A document whose statement measures `size` (one paragraph: 2 nodes plus characters). */
function docOfSize(size: number): Y.Doc {
  const doc = new Y.Doc();
  if (size === 0) return doc;
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('x'.repeat(size - 2))]);
  visionFragment(doc).insert(0, [paragraph]);
  return doc;
}

function contextFor(
  participantId: string,
  options: {
    editors?: VisionEditors;
    state?: Partial<ActivityState>;
    doc?: Y.Doc;
    anonymous?: boolean;
  } = {},
): WriteContext {
  return {
    participantId,
    displayName: participantId.toUpperCase(),
    isFacilitator: participantId === FACILITATOR,
    labId: 'lab',
    anonymous: options.anonymous ?? false,
    activityId: 'activity',
    config: configFor(options.editors ?? 'everyone'),
    state: { ...defaultActivityState, ...options.state },
    doc: options.doc ?? new Y.Doc(),
    limits: { noteMaxLength: 500 },
  };
}

const textEdit = (inserted = 3): DocumentChange => ({ op: 'free', root: 'text', inserted });

function suggestionOf(author: string, patch: Partial<SuggestionValue> = {}): SuggestionValue {
  return {
    id: `s-${author}`,
    text: 'Meer groen langs de kades',
    quote: null,
    authorId: author,
    authorName: author.toUpperCase(),
    createdAt: 1_700_000_000_000,
    status: 'open',
    ...patch,
  };
}

const create = (value: SuggestionValue | Record<string, unknown>, key = String(value.id)) =>
  ({ op: 'set', root: 'suggestions', key, value, previous: undefined }) satisfies MapChange;
const update = (previous: SuggestionValue, value: SuggestionValue) =>
  ({ op: 'set', root: 'suggestions', key: previous.id, value, previous }) satisfies MapChange;
const remove = (previous: SuggestionValue) =>
  ({ op: 'delete', root: 'suggestions', key: previous.id, previous }) satisfies MapChange;

const verdictOf = (changes: DocumentChange[], ctx: WriteContext) =>
  checkVisionChanges(changes, ctx);
const isAccepted = (changes: DocumentChange[], ctx: WriteContext) => verdictOf(changes, ctx).ok;

describe('vision rules', () => {
  it('V10: only the free root text and the map root suggestions', () => {
    const ctx = contextFor(FACILITATOR);
    expect(isAccepted([{ op: 'free', root: 'notes', inserted: 1 }], ctx)).toBe(false);
    expect(
      isAccepted([{ op: 'set', root: 'text', key: 'k', value: 1, previous: undefined }], ctx),
    ).toBe(false);
    expect(isAccepted([{ ...create(suggestionOf(FACILITATOR)), root: 'notes' }], ctx)).toBe(false);
    expect(isAccepted([textEdit(), create(suggestionOf(FACILITATOR))], ctx)).toBe(true);
  });

  it('V11: nothing from participants while locked; facilitators still write and decide', () => {
    const locked = { state: { locked: true } };
    expect(isAccepted([textEdit()], contextFor(ANNA, locked))).toBe(false);
    expect(isAccepted([create(suggestionOf(ANNA))], contextFor(ANNA, locked))).toBe(false);
    expect(isAccepted([remove(suggestionOf(ANNA))], contextFor(ANNA, locked))).toBe(false);
    expect(isAccepted([textEdit()], contextFor(FACILITATOR, locked))).toBe(true);
    const open = suggestionOf(ANNA);
    expect(
      isAccepted(
        [textEdit(), update(open, { ...open, status: 'accepted' })],
        contextFor(FACILITATOR, locked),
      ),
    ).toBe(true);
  });

  it('V12: facilitators always write the text, participants only when everyone edits; else 4403', () => {
    expect(isAccepted([textEdit()], contextFor(ANNA, { editors: 'everyone' }))).toBe(true);
    expect(isAccepted([textEdit(0)], contextFor(ANNA, { editors: 'everyone' }))).toBe(true);
    expect(isAccepted([textEdit()], contextFor(FACILITATOR, { editors: 'facilitators' }))).toBe(
      true,
    );
    const refused = verdictOf([textEdit()], contextFor(ANNA, { editors: 'facilitators' }));
    expect(refused).toMatchObject({ ok: false, code: 4403 });
    // Removing or formatting is writing too.
    expect(isAccepted([textEdit(0)], contextFor(ANNA, { editors: 'facilitators' }))).toBe(false);
    // A suggestion in the same update does not make it allowed.
    expect(
      isAccepted(
        [create(suggestionOf(ANNA)), textEdit()],
        contextFor(ANNA, { editors: 'facilitators' }),
      ),
    ).toBe(false);
  });

  it('V13: the text grows only while it is below VISION_TEXT_MAX, by at most that much at once', () => {
    const atLimit = docOfSize(VISION_TEXT_MAX);
    expect(measureVisionText(atLimit)).toBe(VISION_TEXT_MAX);
    const nearly = docOfSize(VISION_TEXT_MAX - 1);
    expect(isAccepted([textEdit(50)], contextFor(ANNA, { doc: nearly }))).toBe(true);
    expect(isAccepted([textEdit(1)], contextFor(ANNA, { doc: atLimit }))).toBe(false);
    expect(isAccepted([textEdit(1)], contextFor(FACILITATOR, { doc: atLimit }))).toBe(false);
    // Removing and formatting stay possible, so a full text can be shortened.
    expect(isAccepted([textEdit(0)], contextFor(ANNA, { doc: atLimit }))).toBe(true);
    expect(isAccepted([textEdit(VISION_TEXT_MAX)], contextFor(ANNA))).toBe(true);
    expect(isAccepted([textEdit(VISION_TEXT_MAX + 1)], contextFor(FACILITATOR))).toBe(false);
    expect(verdictOf([textEdit(1)], contextFor(ANNA, { doc: atLimit }))).toEqual({
      ok: false,
      reason: `the text would grow beyond ${VISION_TEXT_MAX}`,
    });
  });

  it('V14: a suggestion must be well-formed under its own key', () => {
    const anna = contextFor(ANNA);
    expect(isAccepted([create(suggestionOf(ANNA))], anna)).toBe(true);
    expect(isAccepted([create(suggestionOf(ANNA, { quote: 'de grijze kades' }))], anna)).toBe(true);
    expect(isAccepted([create(suggestionOf(ANNA), 'other-key')], anna)).toBe(false);
    expect(isAccepted([create(suggestionOf(ANNA, { text: '   ' }))], anna)).toBe(false);
    expect(isAccepted([create(suggestionOf(ANNA, { text: 'x'.repeat(1001) }))], anna)).toBe(false);
    expect(isAccepted([create(suggestionOf(ANNA, { quote: '' }))], anna)).toBe(false);
    expect(isAccepted([create({ ...suggestionOf(ANNA), extra: 1 })], anna)).toBe(false);
    expect(isAccepted([create({ ...suggestionOf(ANNA), status: 'maybe' })], anna)).toBe(false);
    expect(isAccepted([create({ id: 's-anna', text: 'kort' })], anna)).toBe(false);
  });

  it('V15: everyone suggests only as themselves, open; also when only facilitators write the text', () => {
    const anna = contextFor(ANNA, { editors: 'facilitators' });
    expect(isAccepted([create(suggestionOf(ANNA))], anna)).toBe(true);
    expect(isAccepted([create(suggestionOf(BRAM))], anna)).toBe(false);
    expect(isAccepted([create(suggestionOf(ANNA, { authorName: 'BRAM' }))], anna)).toBe(false);
    expect(isAccepted([create(suggestionOf(ANNA, { status: 'accepted' }))], anna)).toBe(false);
    expect(isAccepted([create(suggestionOf(BRAM))], contextFor(FACILITATOR))).toBe(false);
    // In an anonymous lab the name stays empty.
    const anonymous = contextFor(ANNA, { anonymous: true });
    expect(isAccepted([create(suggestionOf(ANNA, { authorName: '' }))], anonymous)).toBe(true);
    expect(isAccepted([create(suggestionOf(ANNA))], anonymous)).toBe(false);
  });

  it('V16: participants withdraw only their own open suggestions and change none', () => {
    const anna = contextFor(ANNA);
    const own = suggestionOf(ANNA);
    expect(isAccepted([remove(own)], anna)).toBe(true);
    expect(isAccepted([remove(suggestionOf(BRAM))], anna)).toBe(false);
    expect(isAccepted([remove({ ...own, status: 'accepted' })], anna)).toBe(false);
    expect(isAccepted([update(own, { ...own, text: 'Anders' })], anna)).toBe(false);
    expect(isAccepted([update(own, { ...own, status: 'accepted' })], anna)).toBe(false);
  });

  it('V17: only facilitators decide; the rest of a suggestion stays as written', () => {
    const fien = contextFor(FACILITATOR);
    const open = suggestionOf(ANNA, { quote: 'grijze kades' });
    for (const status of ['accepted', 'rejected', 'open'] as const) {
      expect(isAccepted([update(open, { ...open, status })], fien)).toBe(true);
    }
    expect(isAccepted([update(open, { ...open, status: 'accepted', text: 'Beter' })], fien)).toBe(
      false,
    );
    expect(isAccepted([update(open, { ...open, quote: null })], fien)).toBe(false);
    expect(isAccepted([update(open, { ...open, authorId: FACILITATOR })], fien)).toBe(false);
    expect(isAccepted([remove({ ...open, status: 'rejected' })], fien)).toBe(true);
  });

  it('V18: new suggestions count against the notes-per-minute limit, text edits do not', () => {
    const own = suggestionOf(ANNA);
    expect(countCreatedSuggestions([create(own), textEdit(500)])).toBe(1);
    expect(
      countCreatedSuggestions([update(own, { ...own, status: 'accepted' }), remove(own)]),
    ).toBe(0);
  });

  it('V11–V13: a text write is accepted exactly when the writer may edit, it is not locked for them, and the text has room', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(ANNA, FACILITATOR),
        fc.constantFrom<VisionEditors>('everyone', 'facilitators'),
        fc.boolean(),
        fc.constantFrom(0, 40, VISION_TEXT_MAX - 1, VISION_TEXT_MAX, VISION_TEXT_MAX + 5),
        fc.constantFrom(0, 1, 30, VISION_TEXT_MAX, VISION_TEXT_MAX + 1),
        (writer, editors, locked, size, inserted) => {
          const isFacilitator = writer === FACILITATOR;
          const ctx = contextFor(writer, { editors, state: { locked }, doc: docOfSize(size) });
          const expected =
            (isFacilitator || (editors === 'everyone' && !locked)) &&
            (inserted === 0 || (size < VISION_TEXT_MAX && inserted <= VISION_TEXT_MAX));
          expect(isAccepted([textEdit(inserted)], ctx)).toBe(expected);
        },
      ),
    );
  });
});
