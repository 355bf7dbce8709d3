// Who may write what in a positioning document (docs/COLLAB_SPEC.md, rules O1–O9). Pure: it reads
// the document before the update and the update's changes, and never touches the database.
import {
  AGREEMENT_TEXT_MAX,
  agreementValue,
  positioningRoots,
  ROLE_LABEL_MAX,
  roleValue,
  verdictValue,
  type PositioningConfig,
  type RoleValue,
} from '../../../common/activities/positioning.ts';
import {
  isNormalisedRoleKey,
  normaliseRoleLabel,
  parseOverlapKey,
} from '../../../common/activities/positioning.overlap.ts';
import type { MapChange, WriteContext, WriteVerdict } from '../registry.types.ts';
import { ACCEPTED, hasOnlyKnownKeys, refuse } from '../shared/verdicts.ts';

/** O3: a role is well-formed for this activity (facilitators included). */
function checkRoleShape(
  key: string,
  value: unknown,
  config: PositioningConfig,
): { ok: true; role: RoleValue } | { ok: false; reason: string } {
  const parsed = roleValue.safeParse(value);
  if (!parsed.success) return { ok: false, reason: `role ${key} is not a role` };
  const role = parsed.data;
  if (!hasOnlyKnownKeys(value, role))
    return { ok: false, reason: `role ${key} has unknown fields` };
  if (role.id !== key) return { ok: false, reason: `role ${key} carries another id` };
  if (!config.placeIds.includes(role.placeId)) {
    return { ok: false, reason: `role ${key} names a place outside this activity` };
  }
  if (!config.programmes.some((p) => p.key === role.programme)) {
    return { ok: false, reason: `role ${key} is in an unknown programme` };
  }
  if (role.label !== role.label.trim() || role.label === '') {
    return { ok: false, reason: `role ${key} is empty or not trimmed` };
  }
  if (role.label.length > ROLE_LABEL_MAX) {
    return { ok: false, reason: `role ${key} is longer than ${ROLE_LABEL_MAX}` };
  }
  if (normaliseRoleLabel(role.label) === '') {
    return { ok: false, reason: `role ${key} has no letters or digits` };
  }
  return { ok: true, role };
}

/** O4, O5: what a participant may do to roles. */
function checkParticipantRole(change: MapChange, ctx: WriteContext): WriteVerdict {
  if (change.previous === undefined) {
    // Deleting what is not there changes nothing.
    if (change.op === 'delete') return ACCEPTED;
    const role = change.value as RoleValue;
    if (role.authorId !== ctx.participantId) {
      return refuse(`role ${change.key} names another author`);
    }
    if (role.authorName !== (ctx.anonymous ? '' : ctx.displayName)) {
      return refuse(`role ${change.key} carries the wrong author name`);
    }
    return ACCEPTED;
  }
  const previous = roleValue.safeParse(change.previous);
  if (!previous.success || previous.data.authorId !== ctx.participantId) {
    return refuse(`role ${change.key} belongs to someone else`);
  }
  if (change.op === 'delete') return ACCEPTED;
  const role = change.value as RoleValue;
  if (role.authorId !== previous.data.authorId)
    return refuse(`role ${change.key}: author is fixed`);
  if (role.authorName !== previous.data.authorName) {
    return refuse(`role ${change.key}: author name is fixed`);
  }
  if (role.createdAt !== previous.data.createdAt) {
    return refuse(`role ${change.key}: creation time is fixed`);
  }
  return ACCEPTED;
}

/** O6: a verdict names an overlap of this activity's programmes and says what the room decided. */
function checkVerdict(change: MapChange, config: PositioningConfig): WriteVerdict {
  const parsedKey = parseOverlapKey(change.key);
  if (!parsedKey || !isNormalisedRoleKey(parsedKey.roleKey)) {
    return refuse(`verdict key ${change.key} is not <programme>|<normalised role>`);
  }
  if (!config.programmes.some((p) => p.key === parsedKey.programme)) {
    return refuse(`verdict ${change.key} is in an unknown programme`);
  }
  if (change.op === 'delete') return ACCEPTED;
  const parsed = verdictValue.safeParse(change.value);
  if (!parsed.success || !hasOnlyKnownKeys(change.value, parsed.data)) {
    return refuse(`verdict ${change.key} is not a verdict`);
  }
  if (parsed.data.note !== parsed.data.note.trim()) {
    return refuse(`verdict ${change.key}: the note is not trimmed`);
  }
  return ACCEPTED;
}

/**
 * O7: an agreement is well-formed, names only this activity's places and programmes, and a new
 * one carries the name of the facilitator who records it.
 */
function checkAgreement(
  change: MapChange,
  config: PositioningConfig,
  ctx: WriteContext,
): WriteVerdict {
  if (change.op === 'delete') return ACCEPTED;
  const parsed = agreementValue.safeParse(change.value);
  if (!parsed.success || !hasOnlyKnownKeys(change.value, parsed.data)) {
    return refuse(`agreement ${change.key} is not an agreement`);
  }
  const agreement = parsed.data;
  if (agreement.id !== change.key) return refuse(`agreement ${change.key} carries another id`);
  if (agreement.text !== agreement.text.trim() || agreement.text === '') {
    return refuse(`agreement ${change.key} is empty or not trimmed`);
  }
  if (agreement.text.length > AGREEMENT_TEXT_MAX) {
    return refuse(`agreement ${change.key} is longer than ${AGREEMENT_TEXT_MAX}`);
  }
  if (new Set(agreement.placeIds).size !== agreement.placeIds.length) {
    return refuse(`agreement ${change.key} names a place twice`);
  }
  if (!agreement.placeIds.every((id) => config.placeIds.includes(id))) {
    return refuse(`agreement ${change.key} names a place outside this activity`);
  }
  if (
    agreement.programme !== null &&
    !config.programmes.some((p) => p.key === agreement.programme)
  ) {
    return refuse(`agreement ${change.key} is in an unknown programme`);
  }
  if (change.previous === undefined) {
    if (agreement.authorId !== ctx.participantId) {
      return refuse(`agreement ${change.key} names another author`);
    }
    if (agreement.authorName !== (ctx.anonymous ? '' : ctx.displayName)) {
      return refuse(`agreement ${change.key} carries the wrong author name`);
    }
  }
  return ACCEPTED;
}

/** Judges one update to a positioning document: every change together, per the O rules. */
export function checkPositioningChanges(
  changes: readonly MapChange[],
  ctx: WriteContext,
): WriteVerdict {
  const config = ctx.config;
  if (config.kind !== 'positioning') return refuse('not a positioning activity');
  // O2
  if (!ctx.isFacilitator && ctx.state.locked) return refuse('the activity is locked');
  for (const change of changes) {
    if (change.root === positioningRoots.roles) {
      if (change.op === 'set') {
        const shape = checkRoleShape(change.key, change.value, config);
        if (!shape.ok) return shape;
      }
      // O5: facilitators may change and remove anyone's role.
      if (!ctx.isFacilitator) {
        const verdict = checkParticipantRole(change, ctx);
        if (!verdict.ok) return verdict;
      }
    } else if (change.root === positioningRoots.verdicts) {
      if (!ctx.isFacilitator) return refuse('only facilitators record verdicts');
      const verdict = checkVerdict(change, config);
      if (!verdict.ok) return verdict;
    } else if (change.root === positioningRoots.agreements) {
      if (!ctx.isFacilitator) return refuse('only facilitators record agreements');
      const verdict = checkAgreement(change, config, ctx);
      if (!verdict.ok) return verdict;
    } else {
      // O1
      return refuse(`root ${change.root} is not part of a positioning`);
    }
  }
  return ACCEPTED;
}

/** O8: counts the roles an update creates, for the notes-per-minute limit. */
export function countCreatedRoles(changes: readonly MapChange[]): number {
  return changes.filter(
    (c) => c.root === positioningRoots.roles && c.op === 'set' && c.previous === undefined,
  ).length;
}
