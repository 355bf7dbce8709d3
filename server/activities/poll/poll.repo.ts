// The poll projection: one row per answer of one activity. The only code that writes
// lab_poll_answers.
import { eq } from 'drizzle-orm';
import type * as Y from 'yjs';
import { readAnswers } from '../../../common/activities/poll.doc.ts';
import { isValidPollAnswer } from '../../../common/activities/poll.ts';
import type { Db } from '../../db/client.ts';
import { labPollAnswers } from '../../db/schema.ts';
import type { ProjectionTarget } from '../registry.types.ts';
import { findParticipantIds } from '../shared/participants.repo.ts';

type AnswerRow = typeof labPollAnswers.$inferInsert;

// PostgreSQL's text cannot hold U+0000; JavaScript strings can. One odd answer must not stop the
// projection of all the others.
const NUL = '\u0000';

/** Replaces the activity's answer rows with the valid answers the poll document holds, in one transaction. */
export async function projectPoll(db: Db, doc: Y.Doc, target: ProjectionTarget): Promise<void> {
  const config = target.config;
  if (config.kind !== 'poll') throw new Error(`activity ${target.activityId} is not a poll`);
  const answers = readAnswers(doc);

  await db.transaction(async (tx) => {
    const participants = await findParticipantIds(tx, target.labId);
    const rows: AnswerRow[] = [];
    for (const [participantId, answer] of answers) {
      // A changed poll (options edited after people answered) keeps only answers that still fit.
      if (!participants.has(participantId) || !isValidPollAnswer(config, answer)) continue;
      rows.push({
        activityId: target.activityId,
        participantId,
        choices: 'choices' in answer ? answer.choices : null,
        value: 'value' in answer ? answer.value : null,
        text: 'text' in answer ? answer.text.replaceAll(NUL, '') : null,
      });
    }
    await tx.delete(labPollAnswers).where(eq(labPollAnswers.activityId, target.activityId));
    if (rows.length > 0) await tx.insert(labPollAnswers).values(rows);
  });
}
