// Where the lab stands (draft, open, live, closed) and the steps a facilitator may take from here.
import { Alert, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  canMoveLab,
  lab as labSchema,
  labStatusRequest,
  labTransitions,
  type Lab,
  type LabStatus,
} from '../../../common/labs.ts';
import { api } from '../../api/client.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useApiForm } from '../../components/useApiForm.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';

/** The moves that take people along (open, start) come first and look like the main action. */
const primaryMoves: readonly LabStatus[] = ['open', 'live'];

/**
 * Shows the lab's status with a button per allowed next status; closing asks first, because a
 * closed lab is read-only for everyone and cannot be reopened. Reports the new lab to `onChange`.
 */
export function LabStatusControls({
  lab,
  orgSlug,
  onChange,
}: {
  lab: Lab;
  orgSlug: string;
  onChange: (next: Lab) => void;
}) {
  const { t } = useTranslation('labs');
  const { describe } = useApiForm();
  const [busyMove, setBusyMove] = useState<LabStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [hasMoved, setMoved] = useState(false);
  const moves = labTransitions[lab.status].filter((to) => canMoveLab(lab.status, to));

  // The pressed button is gone after a move; the heading of this section is the sensible next stop.
  useEffect(() => {
    if (hasMoved) headingRef.current?.focus();
  }, [hasMoved, lab.status]);

  async function move(to: LabStatus) {
    setError(null);
    setStatus(null);
    setBusyMove(to);
    try {
      const next = await api('POST', `/orgs/${orgSlug}/labs/${lab.id}/status`, {
        body: labStatusRequest.parse({ status: to }),
        schema: labSchema,
      });
      onChange(next);
      setStatus(t(`status.moved.${to}`));
      setMoved(true);
    } finally {
      setBusyMove(null);
    }
  }

  /** The plain buttons show their own failure; the close button's confirm step shows its own. */
  async function moveShowingProblems(to: LabStatus) {
    try {
      await move(to);
    } catch (caught) {
      setError(describe(caught).general ?? t('common:errors.unexpected'));
    }
  }

  const ordered = [...moves].sort(
    (a, b) => Number(primaryMoves.includes(b)) - Number(primaryMoves.includes(a)),
  );

  return (
    <section aria-labelledby="lab-status-title">
      <Heading2 id="lab-status-title" ref={headingRef} tabIndex={-1}>
        {t('status.title')}
      </Heading2>
      <Paragraph>
        {t('status.current', { status: t(`statuses.${lab.status}`) })}{' '}
        {t(`status.explain.${lab.status}`)}
      </Paragraph>
      {error && (
        <Alert type="error">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      {ordered.some((to) => to !== 'closed') && (
        <ButtonGroup>
          {ordered
            .filter((to) => to !== 'closed')
            .map((to) => (
              <Button
                key={to}
                appearance={
                  primaryMoves.includes(to) ? 'primary-action-button' : 'secondary-action-button'
                }
                busy={busyMove === to}
                disabled={busyMove !== null}
                onClick={() => void moveShowingProblems(to)}
              >
                {t(`status.actions.${to}`)}
              </Button>
            ))}
        </ButtonGroup>
      )}
      {moves.includes('closed') && (
        <ConfirmAction
          label={t('status.actions.closed')}
          question={t('status.confirmClose')}
          confirmLabel={t('status.confirmCloseButton')}
          isDisabled={busyMove !== null}
          onConfirm={() => move('closed')}
        />
      )}
      <StatusMessage message={status} />
    </section>
  );
}
