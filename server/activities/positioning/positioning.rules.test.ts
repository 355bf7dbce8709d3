import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { defaultActivityState, type ActivityState } from '../../../common/activities/control.ts';
import {
  addAgreement,
  addRole,
  clearVerdict,
  deleteRole,
  setVerdict,
} from '../../../common/activities/positioning.doc.ts';
import {
  defaultProgrammes,
  positioningRoots,
  ROLE_LABEL_MAX,
  type AgreementValue,
  type PositioningConfig,
  type RoleValue,
} from '../../../common/activities/positioning.ts';
import type { MapChange, WriteContext } from '../registry.types.ts';
import { recordChanges } from '../shared/rules.testing.ts';
import { checkPositioningChanges, countCreatedRoles } from './positioning.rules.ts';

const BEVERWIJK = '00000000-0000-4000-8000-00000000000b';
const HEEMSKERK = '00000000-0000-4000-8000-00000000000e';
const ELSEWHERE = '00000000-0000-4000-8000-000000000999';
const config: PositioningConfig = {
  kind: 'positioning',
  programmes: defaultProgrammes.map((p) => ({ ...p })),
  placeIds: [BEVERWIJK, HEEMSKERK],
};

const ANNA = 'anna';
const BRAM = 'bram';
const FACILITATOR = 'fien';
const NAMES: Record<string, string> = { [ANNA]: 'Anna', [BRAM]: 'Bram', [FACILITATOR]: 'Fien' };

function contextFor(
  participantId: string,
  doc: Y.Doc,
  options: { state?: Partial<ActivityState>; anonymous?: boolean } = {},
): WriteContext {
  return {
    participantId,
    displayName: NAMES[participantId] ?? participantId,
    isFacilitator: participantId === FACILITATOR,
    labId: 'lab',
    anonymous: options.anonymous ?? false,
    activityId: 'activity',
    config,
    state: { ...defaultActivityState, ...options.state },
    doc,
    limits: { noteMaxLength: 500 },
  };
}

function roleOf(authorId: string, id: string, overrides: Partial<RoleValue> = {}): RoleValue {
  return {
    id,
    placeId: BEVERWIJK,
    programme: 'winkelen',
    label: 'Dagelijkse boodschappen',
    authorId,
    authorName: NAMES[authorId] ?? '',
    createdAt: 1,
    ...overrides,
  };
}

function agreementOf(authorId: string, id: string, overrides: Partial<AgreementValue> = {}) {
  return {
    id,
    text: 'Beverwijk trekt de kar bij regionaal winkelen',
    placeIds: [BEVERWIJK],
    programme: 'winkelen',
    authorId,
    authorName: NAMES[authorId] ?? '',
    createdAt: 1,
    ...overrides,
  } satisfies AgreementValue;
}

function setRole(key: string, value: unknown, previous?: unknown): MapChange {
  return { op: 'set', root: positioningRoots.roles, key, value, previous };
}

/** A document holding the given roles, as the server has it before the update. */
function docWith(...roles: RoleValue[]): Y.Doc {
  const doc = new Y.Doc();
  for (const role of roles) doc.getMap(positioningRoots.roles).set(role.id, role);
  return doc;
}

function check(participantId: string, doc: Y.Doc, changes: MapChange[], options = {}) {
  return checkPositioningChanges(changes, contextFor(participantId, doc, options));
}

/** The changes a helper of positioning.doc.ts makes, recorded on a copy of `doc`. */
function changesOf(doc: Y.Doc, edit: (copy: Y.Doc) => void): MapChange[] {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return recordChanges(copy, Object.values(positioningRoots), () => edit(copy)).changes;
}

describe('positioning rules', () => {
  it('O1: only the roots roles, verdicts and agreements', () => {
    const doc = docWith();
    const verdict = check(FACILITATOR, doc, [
      { op: 'set', root: 'notes', key: 'n1', value: {}, previous: undefined },
    ]);
    expect(verdict).toEqual({ ok: false, reason: 'root notes is not part of a positioning' });
  });

  it('O2: nothing from participants while locked; facilitators still write', () => {
    const doc = docWith();
    const locked = { state: { locked: true } };
    expect(check(ANNA, doc, [setRole('r1', roleOf(ANNA, 'r1'))], locked).ok).toBe(false);
    expect(check(ANNA, doc, [setRole('r1', roleOf(ANNA, 'r1'))]).ok).toBe(true);
    expect(check(FACILITATOR, doc, [setRole('r1', roleOf(FACILITATOR, 'r1'))], locked).ok).toBe(
      true,
    );
  });

  it('O3: a role names a place and a programme of the activity, with a short, real label', () => {
    const doc = docWith();
    const refusals: [Partial<RoleValue> | Record<string, unknown>, RegExp][] = [
      [{ placeId: ELSEWHERE }, /place outside this activity/],
      [{ programme: 'sport' }, /unknown programme/],
      [{ label: '' }, /empty/],
      [{ label: ' boodschappen' }, /not trimmed/],
      [{ label: 'x'.repeat(ROLE_LABEL_MAX + 1) }, /longer than 80/],
      [{ label: '?!' }, /no letters or digits/],
      [{ id: 'other' }, /another id/],
      [{ colour: 'red' }, /unknown fields/],
      [{ createdAt: 'gisteren' }, /not a role/],
    ];
    for (const [override, reason] of refusals) {
      for (const who of [ANNA, FACILITATOR]) {
        const verdict = check(who, doc, [setRole('r1', { ...roleOf(who, 'r1'), ...override })]);
        expect(verdict.ok, `${who} ${JSON.stringify(override)}`).toBe(false);
        if (!verdict.ok) expect(verdict.reason).toMatch(reason);
      }
    }
    const longest = roleOf(ANNA, 'r1', { label: 'x'.repeat(ROLE_LABEL_MAX), placeId: HEEMSKERK });
    expect(check(ANNA, doc, [setRole('r1', longest)]).ok).toBe(true);
  });

  it('O4: participants mark roles only as themselves', () => {
    const doc = docWith();
    const forged = check(ANNA, doc, [setRole('r1', roleOf(BRAM, 'r1'))]);
    expect(forged).toEqual({ ok: false, reason: 'role r1 names another author' });
    const renamed = check(ANNA, doc, [setRole('r1', roleOf(ANNA, 'r1', { authorName: 'X' }))]);
    expect(renamed).toEqual({ ok: false, reason: 'role r1 carries the wrong author name' });
    const anonymous = roleOf(ANNA, 'r1', { authorName: '' });
    expect(check(ANNA, doc, [setRole('r1', anonymous)], { anonymous: true }).ok).toBe(true);
    expect(check(ANNA, doc, [setRole('r1', roleOf(ANNA, 'r1'))], { anonymous: true }).ok).toBe(
      false,
    );
    const added = changesOf(doc, (copy) =>
      addRole(copy, {
        placeId: HEEMSKERK,
        programme: 'wonen',
        label: 'Wonen aan het water',
        authorId: ANNA,
        authorName: 'Anna',
      }),
    );
    expect(check(ANNA, doc, added)).toEqual({ ok: true });
  });

  it('O5: participants change and remove only their own roles; facilitators any', () => {
    const own = roleOf(ANNA, 'r1');
    const others = roleOf(BRAM, 'r2');
    const doc = docWith(own, others);
    const removeOthers = changesOf(doc, (copy) => deleteRole(copy, 'r2'));
    expect(check(ANNA, doc, removeOthers)).toEqual({
      ok: false,
      reason: 'role r2 belongs to someone else',
    });
    expect(check(FACILITATOR, doc, removeOthers)).toEqual({ ok: true });
    expect(
      check(
        ANNA,
        doc,
        changesOf(doc, (copy) => deleteRole(copy, 'r1')),
      ),
    ).toEqual({
      ok: true,
    });
    const edited = { ...own, label: 'Regionaal winkelen' };
    expect(check(ANNA, doc, [setRole('r1', edited, own)])).toEqual({ ok: true });
    const takenOver = { ...others, authorId: ANNA, authorName: 'Anna' };
    expect(check(ANNA, doc, [setRole('r2', takenOver, others)]).ok).toBe(false);
    const backdated = { ...own, createdAt: 0 };
    expect(check(ANNA, doc, [setRole('r1', backdated, own)]).ok).toBe(false);
  });

  it('O6: only facilitators record verdicts, on overlap keys of known programmes', () => {
    const doc = docWith();
    const record = changesOf(doc, (copy) =>
      setVerdict(copy, 'winkelen|dagelijkse boodschap', {
        verdict: 'competition',
        note: ' Dezelfde klanten ',
      }),
    );
    expect(check(ANNA, doc, record)).toEqual({
      ok: false,
      reason: 'only facilitators record verdicts',
    });
    expect(check(FACILITATOR, doc, record)).toEqual({ ok: true });
    const badKeys = ['winkelen', 'sport|outlet', 'winkelen|Outlet', 'winkelen|café', '|outlet'];
    for (const key of badKeys) {
      const changes: MapChange[] = [
        {
          op: 'set',
          root: positioningRoots.verdicts,
          key,
          value: { verdict: 'competition', note: '' },
          previous: undefined,
        },
      ];
      expect(check(FACILITATOR, doc, changes).ok, key).toBe(false);
    }
    const badValues = [
      { verdict: 'maybe', note: '' },
      { verdict: 'competition' },
      { verdict: 'competition', note: 'x'.repeat(301) },
      { verdict: 'competition', note: '', by: 'me' },
    ];
    for (const value of badValues) {
      const changes: MapChange[] = [
        {
          op: 'set',
          root: positioningRoots.verdicts,
          key: 'winkelen|outlet',
          value,
          previous: undefined,
        },
      ];
      expect(check(FACILITATOR, doc, changes).ok, JSON.stringify(value)).toBe(false);
    }
    const withVerdict = new Y.Doc();
    setVerdict(withVerdict, 'winkelen|outlet', { verdict: 'competition', note: '' });
    expect(
      check(
        FACILITATOR,
        withVerdict,
        changesOf(withVerdict, (c) => clearVerdict(c, 'winkelen|outlet')),
      ),
    ).toEqual({
      ok: true,
    });
    expect(
      check(
        BRAM,
        withVerdict,
        changesOf(withVerdict, (c) => clearVerdict(c, 'winkelen|outlet')),
      ).ok,
    ).toBe(false);
  });

  it('O7: only facilitators record agreements, well-formed and about the activity', () => {
    const doc = docWith();
    const recorded = changesOf(doc, (copy) =>
      addAgreement(copy, {
        text: 'IJmuiden trekt de kar bij maritieme vrijetijd, Beverwijk bij regionaal winkelen',
        placeIds: [BEVERWIJK, HEEMSKERK],
        programme: null,
        authorId: FACILITATOR,
        authorName: 'Fien',
      }),
    );
    expect(check(FACILITATOR, doc, recorded)).toEqual({ ok: true });
    const byParticipant = changesOf(doc, (copy) =>
      addAgreement(copy, {
        text: 'Wij doen alles',
        placeIds: [],
        programme: null,
        authorId: ANNA,
        authorName: 'Anna',
      }),
    );
    expect(check(ANNA, doc, byParticipant)).toEqual({
      ok: false,
      reason: 'only facilitators record agreements',
    });
    const refusals: [Record<string, unknown>, RegExp][] = [
      [{ placeIds: [ELSEWHERE] }, /place outside/],
      [{ placeIds: [BEVERWIJK, BEVERWIJK] }, /place twice/],
      [{ programme: 'sport' }, /unknown programme/],
      [{ text: '' }, /empty/],
      [{ text: 'x'.repeat(501) }, /longer than 500/],
      [{ authorId: ANNA }, /another author/],
      [{ authorName: 'Anna' }, /wrong author name/],
      [{ id: 'a2' }, /another id/],
      [{ extra: true }, /not an agreement/],
    ];
    for (const [override, reason] of refusals) {
      const changes: MapChange[] = [
        {
          op: 'set',
          root: positioningRoots.agreements,
          key: 'a1',
          value: { ...agreementOf(FACILITATOR, 'a1'), ...override },
          previous: undefined,
        },
      ];
      const verdict = check(FACILITATOR, doc, changes);
      expect(verdict.ok, JSON.stringify(override)).toBe(false);
      if (!verdict.ok) expect(verdict.reason).toMatch(reason);
    }
  });

  it('O8: each new role counts against the notes-per-minute limit; edits, verdicts and agreements do not', () => {
    const own = roleOf(ANNA, 'r1');
    expect(
      countCreatedRoles([
        setRole('r2', roleOf(ANNA, 'r2')),
        setRole('r3', roleOf(ANNA, 'r3')),
        setRole('r1', { ...own, label: 'Outlet' }, own),
        { op: 'delete', root: positioningRoots.roles, key: 'r1', previous: own },
        {
          op: 'set',
          root: positioningRoots.verdicts,
          key: 'winkelen|outlet',
          value: { verdict: 'competition', note: '' },
          previous: undefined,
        },
        {
          op: 'set',
          root: positioningRoots.agreements,
          key: 'a1',
          value: agreementOf(FACILITATOR, 'a1'),
          previous: undefined,
        },
      ]),
    ).toBe(2);
  });

  it('O4, O5: whatever a participant writes, it is accepted only when it is their own role', () => {
    const doc = docWith(roleOf(ANNA, 'r1'), roleOf(BRAM, 'r2'));
    const arbitraryChange = fc.record({
      key: fc.constantFrom('r1', 'r2', 'r3'),
      authorId: fc.constantFrom(ANNA, BRAM),
      isDelete: fc.boolean(),
    });
    fc.assert(
      fc.property(arbitraryChange, ({ key, authorId, isDelete }) => {
        const previous = doc.getMap(positioningRoots.roles).get(key) as RoleValue | undefined;
        const change: MapChange = isDelete
          ? { op: 'delete', root: positioningRoots.roles, key, previous }
          : setRole(
              key,
              {
                ...(previous ?? roleOf(authorId, key)),
                authorId,
                authorName: NAMES[authorId] ?? '',
              },
              previous,
            );
        const verdict = check(ANNA, doc, [change]);
        const isOwnBefore = previous === undefined || previous.authorId === ANNA;
        const isOwnAfter = isDelete || authorId === ANNA;
        expect(verdict.ok).toBe(isOwnBefore && isOwnAfter);
      }),
    );
  });
});
