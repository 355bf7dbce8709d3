// Who sees which parts of a lab's synthesis, and who may correct its grouping. Pure functions.
import type { ActivityState } from '../../../common/activities/control.ts';

/** What the rules need to know about the person reading the synthesis. */
export interface SynthesisReader {
  /** True for the lab's facilitators and the organisation's admins (and so the presenter screen). */
  mayFacilitate: boolean;
}

/** True when the person may rename, merge, split and move groups: whoever may facilitate. */
export function canCorrectGrouping(reader: SynthesisReader): boolean {
  return reader.mayFacilitate;
}

/**
 * True when the person sees a canvas activity's notes: always for facilitators, for everyone
 * else only once the activity is out of private mode.
 */
export function canSeeNotes(reader: SynthesisReader, state: ActivityState): boolean {
  return reader.mayFacilitate || !state.private;
}

/** True when the person sees the dots on notes: facilitators always, others once the tally is revealed. */
export function canSeeTally(reader: SynthesisReader, state: ActivityState): boolean {
  return reader.mayFacilitate || state.vote?.revealed === true;
}

/** True when the person sees a poll's results: facilitators always, others once revealed. */
export function canSeePollResults(reader: SynthesisReader, state: ActivityState): boolean {
  return reader.mayFacilitate || state.resultsRevealed;
}
