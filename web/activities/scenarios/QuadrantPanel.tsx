// One scenario of the grid: named by its poles, with its shared name and narrative and three lanes of notes.
import { Heading3, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import {
  laneKeys,
  QUADRANT_NAME_MAX,
  QUADRANT_NARRATIVE_MAX,
  type LaneKey,
  type QuadrantKey,
  type QuadrantValue,
  type ScenarioNoteValue,
} from '../../../common/activities/scenarios.ts';
import { TextareaField, TextField } from '../../components/Fields.tsx';
import { formatNumber } from '../../i18n/i18n.ts';
import { LaneNotes, type LaneNoteActions } from './LaneNotes.tsx';
import { useSharedText } from './useSharedText.ts';

/** A name or narrative everyone writes together; nothing longer than `max` is written. */
function SharedTextField({
  name,
  label,
  hint,
  value,
  max,
  isMultiline,
  onWrite,
}: {
  name: string;
  label: string;
  hint: string;
  value: string;
  max: number;
  isMultiline: boolean;
  onWrite: (text: string) => void;
}) {
  const { t } = useTranslation('scenarios');
  const shared = useSharedText(value, max, onWrite);
  const description = `${hint} ${t('quadrant.length', {
    length: formatNumber(shared.draft.length),
    max: formatNumber(max),
  })}`;
  const error = shared.isTooLong ? t('quadrant.tooLong', { max: formatNumber(max) }) : undefined;
  const Field = isMultiline ? TextareaField : TextField;
  return (
    // Focus events bubble in React, so the wrapper knows when the field is being edited.
    <div onFocus={shared.onFocus} onBlur={shared.onBlur}>
      <Field
        name={name}
        label={label}
        description={description}
        value={shared.draft}
        onChange={shared.change}
        error={error}
        {...(isMultiline ? { rows: 4 } : {})}
      />
    </div>
  );
}

export interface QuadrantPanelProps {
  quadrant: QuadrantKey;
  /** Unique on the page for this scenario. */
  idPrefix: string;
  /** Both poles, e.g. "Veel digitalisering, weinig circulair": the region's name. */
  polesLabel: string;
  value: QuadrantValue;
  notesByLane: ReadonlyMap<LaneKey, readonly ScenarioNoteValue[]>;
  viewerId: string;
  isFacilitator: boolean;
  showAuthors: boolean;
  canWrite: boolean;
  onWrite(patch: Partial<QuadrantValue>): void;
  noteActionsFor(lane: LaneKey): LaneNoteActions;
}

/** Renders one scenario as a labelled region; read-only viewers see its texts as text. */
export function QuadrantPanel(props: QuadrantPanelProps) {
  const { idPrefix, value, canWrite } = props;
  const { t } = useTranslation('scenarios');
  const headingId = `${idPrefix}-heading`;
  return (
    <section
      className={`stadshart-scenarios-quadrant stadshart-scenarios-quadrant--${props.quadrant}`}
      aria-labelledby={headingId}
    >
      <Heading3 id={headingId}>{props.polesLabel}</Heading3>
      {canWrite ? (
        <>
          <SharedTextField
            name={`${idPrefix}-name`}
            label={t('quadrant.nameLabel')}
            hint={t('quadrant.nameHint')}
            value={value.name}
            max={QUADRANT_NAME_MAX}
            isMultiline={false}
            onWrite={(name) => props.onWrite({ name })}
          />
          <SharedTextField
            name={`${idPrefix}-narrative`}
            label={t('quadrant.narrativeLabel')}
            hint={t('quadrant.narrativeHint')}
            value={value.narrative}
            max={QUADRANT_NARRATIVE_MAX}
            isMultiline={true}
            onWrite={(narrative) => props.onWrite({ narrative })}
          />
        </>
      ) : (
        <>
          <Paragraph className="stadshart-scenarios-quadrant__name">
            {value.name.trim() || t('quadrant.unnamed')}
          </Paragraph>
          <Paragraph className="stadshart-multiline">
            {value.narrative.trim() || t('quadrant.noNarrative')}
          </Paragraph>
        </>
      )}
      {laneKeys.map((lane) => (
        <LaneNotes
          key={lane}
          lane={lane}
          idPrefix={`${idPrefix}-${lane}`}
          scenarioHeadingId={headingId}
          notes={props.notesByLane.get(lane) ?? []}
          viewerId={props.viewerId}
          isFacilitator={props.isFacilitator}
          showAuthors={props.showAuthors}
          canWrite={canWrite}
          actions={props.noteActionsFor(lane)}
        />
      ))}
    </section>
  );
}
