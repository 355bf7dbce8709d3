// Actions tested against the four scenarios: the form to propose one, and the table of verdicts.
import {
  Button,
  ButtonGroup,
  Heading3,
  Heading4,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JudgedAction } from '../../../common/activities/scenarios.doc.ts';
import { ACTION_TITLE_MAX, type QuadrantKey } from '../../../common/activities/scenarios.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { formatNumber } from '../../i18n/i18n.ts';
import { gridOrder } from './scenariosModel.ts';

export interface ScenarioActionHandlers {
  propose: (title: string, origin: QuadrantKey) => void;
  withdraw: (actionId: string) => void;
  /** null takes the verdict back: not yet discussed. */
  judge: (actionId: string, quadrant: QuadrantKey, holds: boolean | null) => void;
}

type CellState = 'origin' | 'holds' | 'fails' | 'open';

/** Icons say the same as the words beside them, so colour or shape is never the only signal. */
const icons: Record<CellState, string> = { origin: '◆', holds: '✓', fails: '✗', open: '?' };

function cellStateOf(judged: JudgedAction, quadrant: QuadrantKey): CellState {
  if (judged.action.origin === quadrant) return 'origin';
  const verdict = judged.verdicts.get(quadrant);
  if (verdict === undefined) return 'open';
  return verdict ? 'holds' : 'fails';
}

function ProposeActionForm({
  idPrefix,
  titleOf,
  onPropose,
}: {
  idPrefix: string;
  titleOf: (quadrant: QuadrantKey) => string;
  onPropose: (title: string, origin: QuadrantKey) => void;
}) {
  const { t } = useTranslation('scenarios');
  const [title, setTitle] = useState('');
  const [origin, setOrigin] = useState<QuadrantKey>(gridOrder[0] ?? 'hh');
  const [error, setError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const headingId = `${idPrefix}-propose`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = title.trim();
    if (trimmed === '') return setError(t('actions.emptyTitle'));
    if (trimmed.length > ACTION_TITLE_MAX) {
      return setError(t('actions.tooLong', { max: formatNumber(ACTION_TITLE_MAX) }));
    }
    setError(undefined);
    onPropose(trimmed, origin);
    setTitle('');
    setStatus(t('actions.proposed'));
  }

  return (
    <section aria-labelledby={headingId} className="stadshart-scenarios-propose">
      <Heading4 id={headingId}>{t('actions.proposeTitle')}</Heading4>
      <form onSubmit={submit} noValidate>
        <TextField
          name={`${idPrefix}-title`}
          label={t('actions.titleLabel')}
          value={title}
          onChange={setTitle}
          error={error}
          autoComplete="off"
        />
        <SelectField
          name={`${idPrefix}-origin`}
          label={t('actions.originLabel')}
          value={origin}
          onChange={(next) => setOrigin(gridOrder.find((q) => q === next) ?? origin)}
          options={gridOrder.map((quadrant) => ({ value: quadrant, label: titleOf(quadrant) }))}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">
            {t('actions.submit')}
          </Button>
        </ButtonGroup>
      </form>
      <p className="stadshart-visually-hidden" role="status">
        {status}
      </p>
    </section>
  );
}

function VerdictCell({
  judged,
  quadrant,
  scenarioTitle,
  canJudge,
  onJudge,
}: {
  judged: JudgedAction;
  quadrant: QuadrantKey;
  scenarioTitle: string;
  canJudge: boolean;
  onJudge: (holds: boolean | null) => void;
}) {
  const { t } = useTranslation('scenarios');
  const state = cellStateOf(judged, quadrant);
  const context = (
    <span className="stadshart-visually-hidden">
      {' '}
      {t('actions.context', { action: judged.action.title, scenario: scenarioTitle })}
    </span>
  );
  return (
    <TableCell className={`stadshart-scenarios-verdict stadshart-scenarios-verdict--${state}`}>
      <span className="stadshart-scenarios-verdict__state">
        <span aria-hidden="true" className="stadshart-scenarios-verdict__icon">
          {icons[state]}
        </span>{' '}
        {t(`actions.${state}`)}
      </span>
      {canJudge && state !== 'origin' && (
        <ButtonGroup className="stadshart-scenarios-verdict__buttons">
          <Button
            type="button"
            appearance="subtle-button"
            aria-pressed={state === 'holds'}
            onClick={() => onJudge(true)}
          >
            {t('actions.markHolds')}
            {context}
          </Button>
          <Button
            type="button"
            appearance="subtle-button"
            aria-pressed={state === 'fails'}
            onClick={() => onJudge(false)}
          >
            {t('actions.markFails')}
            {context}
          </Button>
          {state !== 'open' && (
            <Button type="button" appearance="subtle-button" onClick={() => onJudge(null)}>
              {t('actions.markOpen')}
              {context}
            </Button>
          )}
        </ButtonGroup>
      )}
    </TableCell>
  );
}

/** Shows the actions and their verdicts; facilitators record verdicts, authors withdraw their own. */
export function ScenarioActions({
  idPrefix,
  judged,
  titleOf,
  viewerId,
  isFacilitator,
  showAuthors,
  canWrite,
  handlers,
}: {
  idPrefix: string;
  judged: readonly JudgedAction[];
  titleOf: (quadrant: QuadrantKey) => string;
  viewerId: string;
  isFacilitator: boolean;
  showAuthors: boolean;
  canWrite: boolean;
  handlers: ScenarioActionHandlers;
}) {
  const { t } = useTranslation('scenarios');
  const headingId = `${idPrefix}-heading`;
  const canJudge = canWrite && isFacilitator;
  return (
    <section aria-labelledby={headingId} className="stadshart-scenarios-actions">
      <Heading3 id={headingId}>{t('actions.title')}</Heading3>
      <Paragraph>{t('actions.intro')}</Paragraph>
      {canJudge && <Paragraph>{t('actions.facilitatorHint')}</Paragraph>}
      {canWrite && (
        <ProposeActionForm idPrefix={idPrefix} titleOf={titleOf} onPropose={handlers.propose} />
      )}
      {judged.length === 0 ? (
        <Paragraph>{t('actions.none')}</Paragraph>
      ) : (
        // The table may be wider than a phone; the region scrolls and can be reached by keyboard.
        <div
          className="stadshart-scenarios-table"
          role="region"
          aria-labelledby={`${idPrefix}-caption`}
          tabIndex={0}
        >
          <Table>
            <TableCaption id={`${idPrefix}-caption`}>{t('actions.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('actions.action')}</TableHeaderCell>
                {gridOrder.map((quadrant) => (
                  <TableHeaderCell key={quadrant} scope="col">
                    {titleOf(quadrant)}
                  </TableHeaderCell>
                ))}
                <TableHeaderCell scope="col">{t('actions.verdict')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {judged.map((item) => {
                const { action } = item;
                const isOwn = action.authorId === viewerId;
                const holds = formatNumber(item.holdsIn.length);
                return (
                  <TableRow key={action.id}>
                    <TableHeaderCell scope="row" className="stadshart-scenarios-actions__title">
                      <span className="stadshart-multiline">{action.title}</span>
                      {showAuthors && action.authorName && (
                        <span className="stadshart-scenarios-note__meta">
                          {t('actions.by', { name: action.authorName })}
                        </span>
                      )}
                      {canWrite && (isOwn || isFacilitator) && (
                        <ConfirmAction
                          label={t('actions.withdraw')}
                          question={t('actions.withdrawQuestion')}
                          confirmLabel={t('actions.withdrawConfirm')}
                          onConfirm={() => {
                            handlers.withdraw(action.id);
                            return Promise.resolve();
                          }}
                        />
                      )}
                    </TableHeaderCell>
                    {gridOrder.map((quadrant) => (
                      <VerdictCell
                        key={quadrant}
                        judged={item}
                        quadrant={quadrant}
                        scenarioTitle={titleOf(quadrant)}
                        canJudge={canJudge}
                        onJudge={(verdict) => handlers.judge(action.id, quadrant, verdict)}
                      />
                    ))}
                    <TableCell>
                      {item.robust ? (
                        <strong className="stadshart-scenarios-robust">
                          <span aria-hidden="true">★ </span>
                          {t('actions.robust')}: {t('actions.holdsCount', { holds })}
                        </strong>
                      ) : (
                        t('actions.notRobust', { holds })
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
