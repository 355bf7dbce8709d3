// Tells screen-reader users what others change on the canvas, in a few words (never their own edits).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  canvasRoots,
  noteValue,
  type CanvasSection,
  type NoteValue,
} from '../../../common/activities/canvas.ts';
import type { ActivityState } from '../../../common/activities/control.ts';
import { formatNumber } from '../../i18n/i18n.ts';
import { isNoteVisible, type CanvasViewer } from './canvasModel.ts';

/**
 * The first sync after opening brings every existing note as "new"; changes this soon after the
 * view appears are the document catching up, not news.
 */
const SETTLE_MS = 2000;

function parseNote(value: unknown): NoteValue | null {
  const parsed = noteValue.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Announces notes others add, move or delete (only those the viewer may see) and, for
 * participants, the facilitator opening or revealing a vote and ending private mode.
 */
export function useCanvasAnnouncements({
  doc,
  sections,
  viewer,
  state,
  announce,
}: {
  doc: Y.Doc;
  sections: readonly CanvasSection[];
  viewer: CanvasViewer;
  state: ActivityState;
  announce: (message: string) => void;
}): void {
  const { t } = useTranslation('activities');
  // The observer is registered once per document; it reads the latest values through this ref.
  const latest = useRef({ sections, viewer, state, announce, t });
  latest.current = { sections, viewer, state, announce, t };

  useEffect(() => {
    const openedAt = Date.now();
    const notes = doc.getMap<unknown>(canvasRoots.notes);
    const observe = (event: Y.YMapEvent<unknown>) => {
      if (event.transaction.local || Date.now() - openedAt < SETTLE_MS) return;
      const { sections, viewer, state, announce, t } = latest.current;
      const titleOf = (key: string) => sections.find((s) => s.key === key)?.title ?? key;
      const isNews = (note: NoteValue | null): note is NoteValue =>
        note !== null &&
        note.authorId !== viewer.participantId &&
        isNoteVisible(note, viewer, state.private);
      const added: NoteValue[] = [];
      const moved: NoteValue[] = [];
      let deleted = 0;
      for (const [key, change] of event.changes.keys) {
        const before = parseNote(change.oldValue);
        const after = change.action === 'delete' ? null : parseNote(notes.get(key));
        if (change.action === 'add' && isNews(after)) added.push(after);
        else if (change.action === 'update' && isNews(after) && before?.section !== after.section)
          moved.push(after);
        else if (change.action === 'delete' && isNews(before)) deleted += 1;
      }
      const [firstAdded] = added;
      if (added.length === 1 && firstAdded) {
        announce(t('canvas.announce.added', { section: titleOf(firstAdded.section) }));
      } else if (added.length > 1) {
        announce(t('canvas.announce.addedMany', { formatted: formatNumber(added.length) }));
      }
      const [firstMoved] = moved;
      if (moved.length === 1 && firstMoved) {
        announce(t('canvas.announce.moved', { section: titleOf(firstMoved.section) }));
      }
      if (deleted > 0) {
        announce(
          t('canvas.announce.deleted', { count: deleted, formatted: formatNumber(deleted) }),
        );
      }
    };
    notes.observe(observe);
    return () => notes.unobserve(observe);
  }, [doc]);

  const previous = useRef(state);
  useEffect(() => {
    const before = previous.current;
    previous.current = state;
    const { announce, t } = latest.current;
    if (viewer.isFacilitator) return;
    if (state.vote?.open && !before.vote?.open) {
      announce(
        t('canvas.announce.voteOpened', {
          count: state.vote.dotsPerPerson,
          formatted: formatNumber(state.vote.dotsPerPerson),
        }),
      );
    } else if (before.vote?.open && state.vote && !state.vote.open) {
      announce(t('canvas.announce.voteClosed'));
    }
    if (state.vote?.revealed && !before.vote?.revealed) announce(t('canvas.announce.revealed'));
    if (before.private && !state.private) announce(t('canvas.announce.privateEnded'));
    else if (!before.private && state.private) announce(t('canvas.announce.privateStarted'));
  }, [state, viewer.isFacilitator]);
}
