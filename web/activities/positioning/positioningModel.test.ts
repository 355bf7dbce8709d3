import { describe, expect, it } from 'vitest';
import { analysePositioning } from '../../../common/activities/positioning.overlap.ts';
import { defaultProgrammes, type RoleValue } from '../../../common/activities/positioning.ts';
import {
  cellKey,
  changesSince,
  matrixCells,
  programmeKeyFromLabel,
  roleLabelProblem,
  snapshotOf,
} from './positioningModel.ts';

const A = 'place-a';
const B = 'place-b';

function role(id: string, placeId: string, programme: string, label: string): RoleValue {
  return { id, placeId, programme, label, authorId: 'p', authorName: 'P', createdAt: 1 };
}

function analyse(roles: RoleValue[]) {
  return analysePositioning({ programmes: defaultProgrammes, placeIds: [A, B], roles });
}

describe('positioning model', () => {
  it('fills each cell with the distinct roles, shared ones marked with the other places', () => {
    const cells = matrixCells(
      analyse([
        role('1', A, 'winkelen', 'Dagelijkse boodschappen'),
        role('2', B, 'winkelen', 'dagelijkse boodschap'),
        role('3', A, 'winkelen', 'Outlet'),
        role('4', A, 'winkelen', 'outlet'),
      ]),
    );
    expect(cells.get(cellKey('winkelen', A))).toEqual([
      {
        label: 'Dagelijkse boodschappen',
        overlapKey: 'winkelen|dagelijkse boodschap',
        otherPlaceIds: [B],
      },
      { label: 'Outlet', overlapKey: null, otherPlaceIds: [] },
    ]);
    expect(cells.get(cellKey('winkelen', B))?.[0]?.otherPlaceIds).toEqual([A]);
    expect(cells.has(cellKey('wonen', A))).toBe(false);
  });

  it('checks a typed role as the server does', () => {
    expect(roleLabelProblem('  ')).toBe('empty');
    expect(roleLabelProblem('x'.repeat(81))).toBe('tooLong');
    expect(roleLabelProblem('?!')).toBe('noLetters');
    expect(roleLabelProblem(' Outlet ')).toBeNull();
  });

  it('makes unique programme keys from labels', () => {
    expect(programmeKeyFromLabel('Cultuur & sport', [])).toBe('cultuur-sport');
    expect(programmeKeyFromLabel('Wonen', ['wonen'])).toBe('wonen-2');
    expect(programmeKeyFromLabel('!!', [])).toBe('programma');
  });

  it('finds new overlaps, new verdicts and new agreements', () => {
    const first = analyse([role('1', A, 'wonen', 'Wonen aan zee')]);
    const before = snapshotOf(first, []);
    const roles = [role('1', A, 'wonen', 'Wonen aan zee'), role('2', B, 'wonen', 'wonen aan zee')];
    const second = analyse(roles);
    expect(changesSince(before, second, []).map((c) => c.kind)).toEqual(['overlap']);
    const third = analysePositioning({
      programmes: defaultProgrammes,
      placeIds: [A, B],
      roles,
      verdicts: new Map([['wonen|wonen zee', { verdict: 'competition', note: '' }]]),
    });
    const agreement = {
      id: 'a1',
      text: 'Samen',
      placeIds: [],
      programme: null,
      authorId: 'f',
      authorName: 'F',
      createdAt: 1,
    };
    expect(changesSince(snapshotOf(second, []), third, [agreement]).map((c) => c.kind)).toEqual([
      'verdict',
      'agreement',
    ]);
    expect(changesSince(snapshotOf(third, [agreement]), third, [agreement])).toEqual([]);
  });
});
