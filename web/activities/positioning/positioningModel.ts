// Pure helpers of the positioning views: what each cell of the matrix shows, form checks, keys
// for new programmes and what changed since the last render (for announcements).
import {
  normaliseRoleLabel,
  overlapKeyOfRole,
  type PositioningAnalysis,
  type PositioningOverlap,
} from '../../../common/activities/positioning.overlap.ts';
import {
  ROLE_LABEL_MAX,
  type AgreementValue,
  type OverlapVerdict,
  type RoleValue,
} from '../../../common/activities/positioning.ts';
import { uniqueKeyFromText } from '../labelledKeys.ts';

/** The key of one cell: a programme in a place. */
export function cellKey(programme: string, placeId: string): string {
  return `${programme}|${placeId}`;
}

/** Every role by cell, oldest first (the order readRoles gives). */
export function rolesByCell(roles: readonly RoleValue[]): Map<string, RoleValue[]> {
  const cells = new Map<string, RoleValue[]>();
  for (const role of roles) {
    const key = cellKey(role.programme, role.placeId);
    cells.set(key, [...(cells.get(key) ?? []), role]);
  }
  return cells;
}

/** One distinct role in a cell of the matrix; otherPlaceIds is empty when no other place shares it. */
export interface MatrixEntry {
  label: string;
  overlapKey: string | null;
  otherPlaceIds: string[];
}

/**
 * What each cell of the matrix shows: the place's distinct roles in that programme, shared ones
 * (overlaps) first, each in the wording most people used, then its own roles A–Z.
 */
export function matrixCells(analysis: PositioningAnalysis): Map<string, MatrixEntry[]> {
  const cells = new Map<string, MatrixEntry[]>();
  const push = (key: string, entry: MatrixEntry) =>
    cells.set(key, [...(cells.get(key) ?? []), entry]);
  for (const programme of analysis.programmes) {
    for (const overlap of programme.overlaps) {
      for (const placeId of overlap.placeIds) {
        push(cellKey(programme.programme, placeId), {
          label: overlap.role,
          overlapKey: overlap.key,
          otherPlaceIds: overlap.placeIds.filter((id) => id !== placeId),
        });
      }
    }
    for (const own of programme.ownRoles) {
      for (const label of own.roles) {
        push(cellKey(programme.programme, own.placeId), {
          label,
          overlapKey: null,
          otherPlaceIds: [],
        });
      }
    }
  }
  return cells;
}

/** The overlap a role is part of, or null. */
export function overlapOf(
  role: Pick<RoleValue, 'programme' | 'label'>,
  overlaps: ReadonlyMap<string, PositioningOverlap>,
): PositioningOverlap | null {
  const key = overlapKeyOfRole(role);
  return key === null ? null : (overlaps.get(key) ?? null);
}

export type RoleLabelProblem = 'empty' | 'tooLong' | 'noLetters';

/** Why a typed role cannot be added (the server checks the same, O3), or null when it can. */
export function roleLabelProblem(label: string): RoleLabelProblem | null {
  const trimmed = label.trim();
  if (trimmed === '') return 'empty';
  if (trimmed.length > ROLE_LABEL_MAX) return 'tooLong';
  if (normaliseRoleLabel(trimmed) === '') return 'noLetters';
  return null;
}

const FALLBACK_KEY = 'programma';

/** A programme key made from its label, unique among `takenKeys` ("Cultuur & sport" → "cultuur-sport"). */
export function programmeKeyFromLabel(label: string, takenKeys: Iterable<string>): string {
  const plain = label.normalize('NFKD').replace(/\p{M}/gu, '');
  return uniqueKeyFromText(plain, takenKeys, FALLBACK_KEY);
}

/** What a view remembers between renders to say what is new. */
export interface PositioningSnapshot {
  overlapKeys: ReadonlySet<string>;
  verdicts: ReadonlyMap<string, OverlapVerdict | 'open'>;
  agreementIds: ReadonlySet<string>;
}

/** Takes the snapshot of the current state. */
export function snapshotOf(
  analysis: PositioningAnalysis,
  agreements: readonly AgreementValue[],
): PositioningSnapshot {
  return {
    overlapKeys: new Set(analysis.overlaps.map((o) => o.key)),
    verdicts: new Map(analysis.overlaps.map((o) => [o.key, o.verdict])),
    agreementIds: new Set(agreements.map((a) => a.id)),
  };
}

export type PositioningChange =
  | { kind: 'overlap'; overlap: PositioningOverlap }
  | { kind: 'verdict'; overlap: PositioningOverlap }
  | { kind: 'agreement'; agreement: AgreementValue };

/**
 * What is new since `before`: overlaps that appeared, verdicts recorded or changed on overlaps
 * that were there already, agreements added. Removals are not announced.
 */
export function changesSince(
  before: PositioningSnapshot,
  analysis: PositioningAnalysis,
  agreements: readonly AgreementValue[],
): PositioningChange[] {
  const changes: PositioningChange[] = [];
  for (const overlap of analysis.overlaps) {
    if (!before.overlapKeys.has(overlap.key)) {
      changes.push({ kind: 'overlap', overlap });
    } else if (overlap.verdict !== 'open' && before.verdicts.get(overlap.key) !== overlap.verdict) {
      changes.push({ kind: 'verdict', overlap });
    }
  }
  for (const agreement of agreements) {
    if (!before.agreementIds.has(agreement.id)) changes.push({ kind: 'agreement', agreement });
  }
  return changes;
}
