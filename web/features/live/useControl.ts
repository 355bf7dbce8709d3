// The control document as plain values: current step, timer, spotlight and each step's state.
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { readControl, type ControlView } from '../../../common/activities/control.doc.ts';
import { CONTROL_ROOT } from '../../../common/activities/control.ts';
import { useYMap } from '../../collab/useYMap.ts';

/** Reads the control document, again after every change to it; null without a document. */
export function useControl(doc: Y.Doc | null): ControlView | null {
  const values = useYMap(doc, CONTROL_ROOT);
  // `values` is a new copy after each change, so the view is read again exactly then.
  return useMemo(() => (doc ? readControl(doc) : null), [doc, values]);
}
