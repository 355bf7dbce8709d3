import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { setAnswer } from '../../../common/activities/poll.doc.ts';
import { canvasRoots, dotKey, type NoteValue } from '../../../common/activities/canvas.ts';
import { patchActivityState } from '../../../common/activities/control.doc.ts';
import type { ActivityState } from '../../../common/activities/control.ts';
import { activityDocumentName, controlDocumentName } from '../../../common/collab.ts';
import { joinResult, lab as labSchema, type Lab } from '../../../common/labs.ts';
import { problem } from '../../../common/problem.ts';
import {
  OTHER_GROUP_KEY,
  synthesis as synthesisSchema,
  type Synthesis,
} from '../../../common/synthesis.ts';
import { pollModule } from '../../activities/poll/poll.module.ts';
import { collabDocuments, labSyntheses } from '../../db/schema.ts';
import {
  createActor,
  createOrg,
  createTestContext,
  request,
  type Actor,
  type TestContext,
} from '../../testing/harness.ts';
import { GROUPING_METHOD } from './synthesis.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

interface Org {
  id: string;
  slug: string;
}

let orgA: Org;
let orgB: Org;
let facilitatorA: Actor;
let memberA: Actor;
let adminB: Actor;

beforeEach(async () => {
  orgA = await createOrg(t, 'IJmond');
  orgB = await createOrg(t, 'Zuid-Kennemerland');
  facilitatorA = await createActor(t, { org: orgA, role: 'facilitator', name: 'Jeroen Bakker' });
  memberA = await createActor(t, { org: orgA, role: 'member', name: 'Fatima El Amrani' });
  adminB = await createActor(t, { org: orgB, role: 'admin', name: 'Bram Buiten' });
});

interface TestLab {
  lab: Lab;
  canvasId: string;
  pollId: string;
  /** The first two sections of the default canvas template. */
  sections: [string, string];
  guestSecret: string;
}

async function makeLab(
  org: Org = orgA,
  actor: Actor = facilitatorA,
  options: { anonymous?: boolean } = {},
): Promise<TestLab> {
  const base = `/api/v1/orgs/${org.slug}/labs`;
  const created = await request(t, actor, {
    method: 'POST',
    url: base,
    payload: { title: 'Binnenstadslab IJmuiden', kind: 'local', anonymous: options.anonymous },
  });
  expect(created.statusCode, created.body).toBe(201);
  const labId = labSchema.parse(created.json()).id;
  const poll = await request(t, actor, {
    method: 'POST',
    url: `${base}/${labId}/activities`,
    payload: {
      title: 'Wat eerst?',
      kind: 'poll',
      config: {
        kind: 'poll',
        question: 'Wat pakken we eerst aan?',
        type: 'single',
        options: [
          { key: 'groen', label: 'Groen' },
          { key: 'wonen', label: 'Wonen' },
        ],
      },
    },
  });
  expect(poll.statusCode, poll.body).toBe(201);
  const opened = await request(t, actor, {
    method: 'POST',
    url: `${base}/${labId}/status`,
    payload: { status: 'open' },
  });
  expect(opened.statusCode, opened.body).toBe(200);
  const lab = labSchema.parse(opened.json());
  const canvas = lab.activities.find((a) => a.kind === 'canvas');
  const pollActivity = lab.activities.find((a) => a.kind === 'poll');
  if (canvas?.config.kind !== 'canvas' || !pollActivity) throw new Error('agenda incomplete');
  const [first, second] = canvas.config.sections;
  if (!first || !second) throw new Error('template has fewer than two sections');
  const joined = await request(t, null, {
    method: 'POST',
    url: '/api/v1/join',
    payload: { code: lab.joinCode, displayName: 'Gast Gerda' },
  });
  expect(joined.statusCode, joined.body).toBe(201);
  const guestSecret = joinResult.parse(joined.json()).guestSecret ?? '';
  return {
    lab,
    canvasId: canvas.id,
    pollId: pollActivity.id,
    sections: [first.key, second.key],
    guestSecret,
  };
}

/** Changes a document as the collaboration server would have stored it. */
async function changeStored(labId: string, name: string, change: (doc: Y.Doc) => void) {
  const doc = new Y.Doc();
  const [row] = await t.database.db
    .select({ state: collabDocuments.state })
    .from(collabDocuments)
    .where(eq(collabDocuments.name, name));
  if (row) Y.applyUpdate(doc, new Uint8Array(row.state));
  change(doc);
  const state = Buffer.from(Y.encodeStateAsUpdate(doc));
  await t.database.db
    .insert(collabDocuments)
    .values({ name, labId, state })
    .onConflictDoUpdate({ target: collabDocuments.name, set: { state } });
}

let noteCount = 0;

async function addNotes(l: TestLab, section: string, texts: string[]): Promise<string[]> {
  const first = noteCount + 1;
  noteCount += texts.length;
  const ids = texts.map((_, i) => `note-${first + i}`);
  await changeStored(l.lab.id, activityDocumentName(l.lab.id, l.canvasId), (doc) => {
    texts.forEach((text, i) => {
      const note: NoteValue = {
        id: ids[i] ?? '',
        section,
        text,
        colour: 'yellow',
        authorId: 'someone',
        authorName: 'Anna de Vries',
        clusterId: null,
        order: first + i,
        createdAt: Date.now(),
      };
      doc.getMap(canvasRoots.notes).set(note.id, note);
    });
  });
  return ids;
}

async function setState(l: TestLab, activityId: string, patch: Partial<ActivityState>) {
  await changeStored(l.lab.id, controlDocumentName(l.lab.id), (doc) => {
    patchActivityState(doc, activityId, patch);
  });
}

function asGuest(secret: string) {
  return { authorization: `Guest ${secret}` };
}

function getSynthesis(labId: string, actor: Actor | null, headers: Record<string, string> = {}) {
  return request(t, actor, { method: 'GET', url: `/api/v1/labs/${labId}/synthesis`, headers });
}

function correct(
  labId: string,
  actor: Actor | null,
  payload: unknown,
  headers: Record<string, string> = {},
) {
  return request(t, actor, {
    method: 'POST',
    url: `/api/v1/labs/${labId}/synthesis/groups`,
    payload: payload as Record<string, unknown>,
    headers,
  });
}

async function synthesisOf(labId: string, actor: Actor | null = facilitatorA, headers = {}) {
  const response = await getSynthesis(labId, actor, headers);
  expect(response.statusCode, response.body).toBe(200);
  return synthesisSchema.parse(response.json());
}

function canvasOf(s: Synthesis) {
  const part = s.activities.find((a) => a.kind === 'canvas');
  if (part?.kind !== 'canvas') throw new Error('no canvas part');
  return part;
}

function groupsOf(s: Synthesis, section: string) {
  return canvasOf(s).sections.find((sec) => sec.key === section)?.groups ?? [];
}

async function storedOverrides(labId: string) {
  const rows = await t.database.db
    .select({ overrides: labSyntheses.overrides, updatedAt: labSyntheses.updatedAt })
    .from(labSyntheses)
    .where(eq(labSyntheses.labId, labId));
  return rows[0] ?? null;
}

describe('GET /labs/:labId/synthesis', () => {
  it('answers 401 when signed out', async () => {
    const l = await makeLab();
    const response = await getSynthesis(l.lab.id, null);
    expect(response.statusCode).toBe(401);
    expect(problem.parse(response.json()).code).toBe('unauthenticated');
  });

  it("answers 404 to another lab's guest and to another organisation's admin", async () => {
    const l = await makeLab();
    const other = await makeLab();
    expect((await getSynthesis(l.lab.id, null, asGuest(other.guestSecret))).statusCode).toBe(404);
    expect((await getSynthesis(l.lab.id, adminB)).statusCode).toBe(404);
    // A member of the same organisation who never joined is no participant either.
    expect((await getSynthesis(l.lab.id, memberA)).statusCode).toBe(404);
  });

  it('answers 400 naming labId for a malformed id', async () => {
    const response = await getSynthesis('not-a-uuid', facilitatorA);
    expect(response.statusCode).toBe(400);
    expect(problem.parse(response.json()).errors?.map((e) => e.field)).toEqual(['labId']);
  });

  it('gives the documented shape: parts in agenda order, notes grouped by Dutch stems', async () => {
    const l = await makeLab();
    const [wonen] = l.sections;
    const ids = await addNotes(l, wonen, [
      'Meer winkels in de kern',
      'Winkelen moet leuker',
      'Betaalbare woningen',
      'Woningen boven winkels',
      'Een bankje',
    ]);
    await changeStored(l.lab.id, activityDocumentName(l.lab.id, l.pollId), (doc) => {
      setAnswer(doc, 'p1', { choices: ['wonen'] });
    });
    const s = await synthesisOf(l.lab.id);
    expect(s).toMatchObject({
      labId: l.lab.id,
      title: 'Binnenstadslab IJmuiden',
      grouping: { method: GROUPING_METHOD, language: 'dutch' },
      themes: [],
      places: [],
    });
    expect(s.activities.map((a) => [a.kind, a.activityId])).toEqual([
      ['canvas', l.canvasId],
      ['poll', l.pollId],
    ]);
    const groups = groupsOf(s, wonen);
    // "woningen" is shared too, but its other note is in the larger "winkel" group already.
    expect(groups.map((g) => [g.key, g.label, g.words, g.noteIds])).toEqual([
      ['stem:winkel', 'winkels', ['winkels', 'winkelen'], [ids[0], ids[1], ids[3]]],
      [OTHER_GROUP_KEY, 'Overig', [], [ids[2], ids[4]]],
    ]);
    expect(canvasOf(s).sections[0]?.notes[0]?.authorName).toBe('Anna de Vries');
    const poll = s.activities[1];
    expect(poll?.kind === 'poll' && poll.counts[0]).toEqual({ label: 'Wonen', count: 1 });
  });

  it('reads an activity without a stored document as empty', async () => {
    const l = await makeLab();
    const s = await synthesisOf(l.lab.id);
    expect(
      canvasOf(s).sections.every((sec) => sec.notes.length === 0 && sec.groups.length === 0),
    ).toBe(true);
    expect(s.activities[1]).toMatchObject({ kind: 'poll', respondents: 0 });
  });

  it('reads a stored state that does not load as empty, and still answers for the rest', async () => {
    const l = await makeLab();
    const name = activityDocumentName(l.lab.id, l.canvasId);
    const state = Buffer.from([0xff, 0x00, 0x13, 0x37]);
    await t.database.db.insert(collabDocuments).values({ name, labId: l.lab.id, state });
    await changeStored(l.lab.id, activityDocumentName(l.lab.id, l.pollId), (doc) => {
      setAnswer(doc, 'p1', { choices: ['groen'] });
    });
    const s = await synthesisOf(l.lab.id);
    expect(canvasOf(s).sections.every((sec) => sec.notes.length === 0)).toBe(true);
    expect(s.activities[1]).toMatchObject({ kind: 'poll', respondents: 1 });
  });

  it('names an activity whose part cannot be made as unavailable, and still answers for the rest', async () => {
    const l = await makeLab();
    const failing = vi.spyOn(pollModule, 'synthesise').mockImplementation(() => {
      throw new Error('a document this kind cannot read');
    });
    try {
      const s = await synthesisOf(l.lab.id);
      expect(s.activities.map((part) => part.kind)).toEqual(['canvas']);
      expect(s.unavailable).toEqual([{ activityId: l.pollId, title: 'Wat eerst?' }]);
    } finally {
      failing.mockRestore();
    }
  });

  it('gives no author names in an anonymous lab', async () => {
    const l = await makeLab(orgA, facilitatorA, { anonymous: true });
    await addNotes(l, l.sections[0], ['Meer groen']);
    const s = await synthesisOf(l.lab.id);
    expect(canvasOf(s).sections[0]?.notes[0]?.authorName).toBeNull();
  });

  it('leaves private notes, an unrevealed tally and unrevealed poll results out for participants only', async () => {
    const l = await makeLab();
    const ids = await addNotes(l, l.sections[0], ['Winkels open', 'Winkelen op zondag']);
    await changeStored(l.lab.id, activityDocumentName(l.lab.id, l.canvasId), (doc) => {
      doc.getMap(canvasRoots.dots).set(dotKey('p1', ids[0] ?? ''), 2);
    });
    await changeStored(l.lab.id, activityDocumentName(l.lab.id, l.pollId), (doc) => {
      setAnswer(doc, 'p1', { choices: ['groen'] });
    });
    const vote = { open: true, dotsPerPerson: 3, sectionKey: null, revealed: false };
    await setState(l, l.canvasId, { private: true, vote });
    await setState(l, l.pollId, { resultsRevealed: false });
    const guest = asGuest(l.guestSecret);

    let seen = canvasOf(await synthesisOf(l.lab.id, null, guest));
    expect(seen.notesHidden).toBe(true);
    expect(seen.sections.flatMap((sec) => [...sec.notes, ...sec.groups])).toEqual([]);
    expect(seen.topNotes).toEqual([]);
    const guestView = await synthesisOf(l.lab.id, null, guest);
    expect(guestView.activities[1]).toMatchObject({ resultsHidden: true, counts: [], mean: null });

    const facilitated = await synthesisOf(l.lab.id);
    expect(canvasOf(facilitated)).toMatchObject({ notesHidden: false, tallyHidden: false });
    expect(canvasOf(facilitated).topNotes.map((n) => [n.id, n.dots])).toEqual([[ids[0], 2]]);
    expect(facilitated.activities[1]).toMatchObject({ resultsHidden: false });

    await setState(l, l.canvasId, { private: false });
    seen = canvasOf(await synthesisOf(l.lab.id, null, guest));
    expect(seen).toMatchObject({ notesHidden: false, tallyHidden: true, topNotes: [] });
    expect(seen.sections[0]?.notes.map((n) => n.dots)).toEqual([0, 0]);
    expect(seen.sections[0]?.groups.map((g) => g.key)).toEqual(['stem:winkel']);

    await setState(l, l.canvasId, { vote: { ...vote, revealed: true } });
    seen = canvasOf(await synthesisOf(l.lab.id, null, guest));
    expect(seen.tallyHidden).toBe(false);
    expect(seen.topNotes.map((n) => n.id)).toEqual([ids[0]]);
  });
});

describe('GET /labs/:labId/synthesis for a trend scan', () => {
  it('keeps the scores from participants until the facilitator shows them', async () => {
    const l = await makeLab();
    const added = await request(t, facilitatorA, {
      method: 'POST',
      url: `/api/v1/orgs/${orgA.slug}/labs/${l.lab.id}/activities`,
      payload: {
        title: 'Trendscan',
        kind: 'trendscan',
        config: {
          kind: 'trendscan',
          items: [
            { key: 'anders-werken', trendKey: 'anders-werken', kind: 'trend', title: 'Werken' },
          ],
        },
      },
    });
    expect(added.statusCode, added.body).toBe(201);
    const scanId = added.json<{ id: string }>().id;
    const scanOf = (s: Synthesis) => s.activities.find((part) => part.kind === 'trendscan');
    const guest = asGuest(l.guestSecret);

    expect(scanOf(await synthesisOf(l.lab.id, null, guest))).toMatchObject({
      resultsHidden: true,
      ranking: [],
      perPlace: [],
    });
    expect(scanOf(await synthesisOf(l.lab.id))).toMatchObject({
      resultsHidden: false,
      ranking: [{ itemKey: 'anders-werken' }],
    });
    await setState(l, scanId, { resultsRevealed: true });
    expect(scanOf(await synthesisOf(l.lab.id, null, guest))).toMatchObject({
      resultsHidden: false,
      ranking: [{ itemKey: 'anders-werken' }],
    });
  });
});

describe('POST /labs/:labId/synthesis/groups', () => {
  async function labWithGroups() {
    const l = await makeLab();
    const section = l.sections[0];
    const ids = await addNotes(l, section, [
      'Meer winkels',
      'Winkelen op zondag',
      'Groen plein',
      'Groen dak',
      'Fietsenstalling',
    ]);
    return { l, section, ids, target: { activityId: l.canvasId, sectionKey: section } };
  }

  it('answers 401 when signed out', async () => {
    const { l, target } = await labWithGroups();
    const response = await correct(l.lab.id, null, { ...target, op: 'reset' });
    expect(response.statusCode).toBe(401);
  });

  it("answers 404 to another lab's guest and another organisation's admin, 403 to this lab's guest", async () => {
    const { l, target } = await labWithGroups();
    const other = await makeLab();
    const body = { ...target, op: 'rename', groupKey: 'stem:winkel', label: 'X' };
    expect((await correct(l.lab.id, null, body, asGuest(other.guestSecret))).statusCode).toBe(404);
    expect((await correct(l.lab.id, adminB, body)).statusCode).toBe(404);
    const guest = await correct(l.lab.id, null, body, asGuest(l.guestSecret));
    expect(guest.statusCode).toBe(403);
    expect(problem.parse(guest.json()).code).toBe('forbidden');
    expect(await storedOverrides(l.lab.id)).toBeNull();
  });

  it('answers 400 naming the field for bad input, and changes nothing', async () => {
    const { l, target, ids } = await labWithGroups();
    const ok = await correct(l.lab.id, facilitatorA, {
      ...target,
      op: 'rename',
      groupKey: 'stem:groen',
      label: 'Groen',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const before = await storedOverrides(l.lab.id);
    const otherLab = await makeLab();
    const cases: [unknown, string][] = [
      [{ ...target, op: 'rename', groupKey: 'stem:weg', label: 'X' }, 'groupKey'],
      [{ ...target, op: 'rename', groupKey: 'stem:groen', label: '' }, 'label'],
      [{ ...target, op: 'merge', groupKeys: ['stem:groen', 'stem:weg'] }, 'groupKeys'],
      [{ ...target, op: 'merge', groupKeys: ['stem:groen'] }, 'groupKeys'],
      [{ ...target, op: 'split', noteIds: [ids[0], 'nope'], label: 'X' }, 'noteIds'],
      [{ ...target, op: 'move', noteId: 'nope', groupKey: 'stem:groen' }, 'noteId'],
      [{ ...target, op: 'move', noteId: ids[0], groupKey: 'custom:nope' }, 'groupKey'],
      [{ ...target, activityId: l.pollId, op: 'reset' }, 'activityId'],
      [{ ...target, activityId: otherLab.canvasId, op: 'reset' }, 'activityId'],
      [{ ...target, activityId: 'nope', op: 'reset' }, 'activityId'],
      [{ ...target, sectionKey: 'nope', op: 'reset' }, 'sectionKey'],
      [{ ...target, op: 'explode' }, 'op'],
    ];
    for (const [body, field] of cases) {
      const response = await correct(l.lab.id, facilitatorA, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      const fields = problem.parse(response.json()).errors?.map((e) => e.field) ?? [];
      expect(fields, JSON.stringify(body)).toContain(field);
    }
    expect(await storedOverrides(l.lab.id)).toEqual(before);
  });

  it('renames, merges (new notes follow), splits, moves and resets', async () => {
    const { l, section, ids, target } = await labWithGroups();
    const post = async (body: Record<string, unknown>) => {
      const response = await correct(l.lab.id, facilitatorA, { ...target, ...body });
      expect(response.statusCode, response.body).toBe(200);
      return groupsOf(synthesisSchema.parse(response.json()), section);
    };
    expect(groupsOf(await synthesisOf(l.lab.id), section).map((g) => g.key)).toEqual([
      'stem:groen',
      'stem:winkel',
      OTHER_GROUP_KEY,
    ]);

    let groups = await post({ op: 'rename', groupKey: 'stem:groen', label: 'Groen en ruimte' });
    expect(groups[0]).toMatchObject({
      key: 'stem:groen',
      label: 'Groen en ruimte',
      automatic: false,
    });

    groups = await post({
      op: 'merge',
      groupKeys: ['stem:winkel', 'stem:groen'],
      label: 'Centrum',
    });
    expect(groups.map((g) => [g.key, g.label, g.noteIds])).toEqual([
      ['stem:winkel', 'Centrum', ids.slice(0, 4)],
      [OTHER_GROUP_KEY, 'Overig', [ids[4]]],
    ]);

    // Two new notes that share "groen": they follow the merged group without another correction.
    const [later1, later2] = await addNotes(l, section, ['Groene gevels', 'Groen licht']);
    groups = groupsOf(await synthesisOf(l.lab.id), section);
    expect(groups[0]?.noteIds).toEqual([...ids.slice(0, 4), later1, later2]);

    groups = await post({ op: 'split', noteIds: [ids[2], ids[3]], label: 'Groen' });
    const custom = groups.find((g) => g.label === 'Groen');
    expect(custom?.key.startsWith('custom:')).toBe(true);
    expect(custom?.noteIds).toEqual([ids[2], ids[3]]);

    groups = await post({ op: 'move', noteId: ids[4], groupKey: custom?.key });
    expect(groups.find((g) => g.key === custom?.key)?.noteIds).toEqual([ids[2], ids[3], ids[4]]);
    expect(groups.some((g) => g.key === OTHER_GROUP_KEY)).toBe(false);

    groups = await post({ op: 'reset' });
    expect(groups.every((g) => g.automatic)).toBe(true);
    expect(await storedOverrides(l.lab.id)).toMatchObject({ overrides: {} });
  });
});
