// Who may answer a poll (docs/COLLAB_SPEC.md, rules W20–W25). Pure: no database, no clock.
import { isValidPollAnswer, pollAnswer, pollRoots } from '../../../common/activities/poll.ts';
import type { MapChange, WriteContext, WriteVerdict } from '../registry.types.ts';
import { hasOnlyKnownKeys, refuse } from '../shared/verdicts.ts';

/** Judges one update to a poll document: everyone writes only their own, valid answer. */
export function checkPollChanges(changes: readonly MapChange[], ctx: WriteContext): WriteVerdict {
  const config = ctx.config;
  if (config.kind !== 'poll') return refuse('not a poll activity');
  // W24
  if (!ctx.isFacilitator && ctx.state.locked) return refuse('the activity is locked');
  for (const change of changes) {
    // W20
    if (change.root !== pollRoots.answers)
      return refuse(`root ${change.root} is not part of a poll`);
    // W21: facilitators too, nobody answers for someone else.
    if (change.key !== ctx.participantId) return refuse('answer of someone else');
    // W23
    if (change.op === 'delete') continue;
    // W22
    const parsed = pollAnswer.safeParse(change.value);
    if (!parsed.success || !hasOnlyKnownKeys(change.value, parsed.data)) {
      return refuse('not an answer');
    }
    if (!isValidPollAnswer(config, parsed.data)) return refuse('answer does not fit the poll');
  }
  return { ok: true };
}

/** W25: poll answers replace one another per person, so an update never adds rate-limited items. */
export function countCreatedAnswers(_changes: readonly MapChange[]): number {
  return 0;
}
