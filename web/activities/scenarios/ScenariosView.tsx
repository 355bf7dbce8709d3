// What participants and facilitators see and do in a scenario round: four scenarios, their lanes, and actions.
import { Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addScenarioNote,
  deleteScenarioNote,
  proposeAction,
  recordVerdict,
  updateScenarioNote,
  withdrawAction,
  writeQuadrant,
} from '../../../common/activities/scenarios.doc.ts';
import type {
  LaneKey,
  QuadrantKey,
  ScenariosConfig,
} from '../../../common/activities/scenarios.ts';
import { formatNumber } from '../../i18n/i18n.ts';
import type { ActivityViewProps } from '../registry.types.ts';
import type { LaneNoteActions } from './LaneNotes.tsx';
import { QuadrantPanel } from './QuadrantPanel.tsx';
import { ScenarioActions, type ScenarioActionHandlers } from './ScenarioActions.tsx';
import { AxesDescription, usePolesLabel } from './ScenarioAxes.tsx';
import { gridOrder } from './scenariosModel.ts';
import { useScenariosData, type ScenariosData } from './useScenariosData.ts';

/** The scenarios activity's participant view (facilitators record verdicts in it too). */
export function ScenariosView(props: ActivityViewProps) {
  if (props.activity.config.kind !== 'scenarios') return null;
  return <Scenarios {...props} config={props.activity.config} />;
}

/**
 * Tells screen-reader users politely what others added: new notes, new actions, and actions that
 * became robust. What this person did themselves is said by the status line instead.
 */
function useScenarioAnnouncements(
  data: ScenariosData,
  viewerId: string,
  titleOf: (quadrant: QuadrantKey) => string,
  announce: (message: string) => void,
) {
  const { t } = useTranslation('scenarios');
  const seen = useRef<{ notes: Set<string>; actions: Set<string>; robust: Set<string> } | null>(
    null,
  );
  const say = useRef({ t, titleOf, announce });
  say.current = { t, titleOf, announce };

  useEffect(() => {
    const now = {
      notes: new Set(data.notes.map((n) => n.id)),
      actions: new Set(data.actions.map((a) => a.action.id)),
      robust: new Set(data.actions.filter((a) => a.robust).map((a) => a.action.id)),
    };
    const before = seen.current;
    seen.current = now;
    // The first reading is what was there already; only later changes are news.
    if (!before) return;
    const { t: translate, titleOf: title, announce: speak } = say.current;
    const newNotes = data.notes.filter((n) => !before.notes.has(n.id) && n.authorId !== viewerId);
    const [onlyNote] = newNotes;
    if (newNotes.length === 1 && onlyNote) {
      speak(translate('announce.note', { scenario: title(onlyNote.quadrant) }));
    } else if (newNotes.length > 1) {
      speak(translate('announce.notes', { formatted: formatNumber(newNotes.length) }));
    }
    for (const { action } of data.actions) {
      if (!before.actions.has(action.id) && action.authorId !== viewerId) {
        speak(translate('announce.action', { title: action.title }));
      }
    }
    for (const item of data.actions) {
      if (item.robust && !before.robust.has(item.action.id)) {
        speak(translate('announce.robust', { title: item.action.title }));
      }
    }
  }, [data, viewerId]);
}

function Scenarios({
  lab,
  activity,
  doc,
  me,
  readOnly,
  config,
  ...props
}: ActivityViewProps & { config: ScenariosConfig }) {
  const { t } = useTranslation('scenarios');
  const data = useScenariosData(doc);
  const [status, setStatus] = useState('');
  const isFacilitator = me.role === 'facilitator';
  const canWrite = !readOnly;
  // In an anonymous lab names are not stored at all (docs/COLLAB_SPEC.md, S14).
  const authorName = lab.anonymous ? '' : me.displayName;
  const polesLabel = usePolesLabel(config);
  const titleOf = (quadrant: QuadrantKey) =>
    data.quadrants[quadrant].name.trim() || polesLabel(quadrant);
  useScenarioAnnouncements(data, me.participantId, titleOf, (message) => props.announce(message));
  const idPrefix = `scenarios-${activity.id}`;

  const noteActionsFor =
    (quadrant: QuadrantKey) =>
    (lane: LaneKey): LaneNoteActions => ({
      add(text) {
        addScenarioNote(doc, { quadrant, lane, text, authorId: me.participantId, authorName });
        setStatus(t('status.noteAdded', { scenario: titleOf(quadrant) }));
      },
      edit(noteId, text) {
        updateScenarioNote(doc, noteId, text);
        setStatus(t('status.noteSaved'));
      },
      remove(noteId) {
        deleteScenarioNote(doc, noteId);
        setStatus(t('status.noteDeleted'));
      },
    });

  const actionHandlers: ScenarioActionHandlers = {
    propose(title, origin) {
      proposeAction(doc, { title, origin, authorId: me.participantId, authorName });
    },
    withdraw(actionId) {
      withdrawAction(doc, actionId);
      setStatus(t('status.actionWithdrawn'));
    },
    judge(actionId, quadrant, holds) {
      recordVerdict(doc, actionId, quadrant, holds);
      const action = data.actions.find((a) => a.action.id === actionId)?.action;
      const verdict = holds === null ? 'open' : holds ? 'holds' : 'fails';
      setStatus(
        t('status.verdict', {
          action: action?.title ?? '',
          scenario: titleOf(quadrant),
          verdict: t(`actions.${verdict}`),
        }),
      );
    },
  };

  return (
    <div className="stadshart-scenarios">
      <Paragraph>{t('axes.intro')}</Paragraph>
      <AxesDescription config={config} />
      <ul className="stadshart-scenarios-grid" aria-label={t('grid.label')}>
        {gridOrder.map((quadrant) => (
          <li key={quadrant} className="stadshart-scenarios-grid__cell">
            <QuadrantPanel
              quadrant={quadrant}
              idPrefix={`${idPrefix}-${quadrant}`}
              polesLabel={polesLabel(quadrant)}
              value={data.quadrants[quadrant]}
              notesByLane={data.notesByLane.get(quadrant) ?? new Map()}
              viewerId={me.participantId}
              isFacilitator={isFacilitator}
              showAuthors={!lab.anonymous}
              canWrite={canWrite}
              onWrite={(patch) => writeQuadrant(doc, quadrant, patch)}
              noteActionsFor={noteActionsFor(quadrant)}
            />
          </li>
        ))}
      </ul>
      <ScenarioActions
        idPrefix={`${idPrefix}-actions`}
        judged={data.actions}
        titleOf={titleOf}
        viewerId={me.participantId}
        isFacilitator={isFacilitator}
        showAuthors={!lab.anonymous}
        canWrite={canWrite}
        handlers={actionHandlers}
      />
      <p className="stadshart-visually-hidden" role="status">
        {status}
      </p>
    </div>
  );
}
