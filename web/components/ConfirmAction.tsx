// A button for an action that cannot be undone: it first asks, in words, and only the second button acts.
import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiForm } from './useApiForm.ts';

/**
 * Shows `label`; pressing it reveals `question` with a confirm and a cancel button (focus moves
 * to the confirm button, and back after cancelling), and only confirming runs `onConfirm`.
 * A failure is shown beside the buttons in the words of the problem code.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  onConfirm,
  isDanger = true,
  isDisabled = false,
}: {
  label: ReactNode;
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  isDanger?: boolean;
  isDisabled?: boolean;
}) {
  const { t } = useTranslation();
  const { describe } = useApiForm();
  const [isAsking, setAsking] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const hasAsked = useRef(false);
  const questionId = useId();
  const hint = isDanger ? 'danger' : undefined;

  useEffect(() => {
    if (isAsking) confirmRef.current?.focus();
    else if (hasAsked.current) startRef.current?.focus();
    hasAsked.current ||= isAsking;
  }, [isAsking]);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setAsking(false);
    } catch (caught) {
      setError(describe(caught).general ?? t('errors.unexpected'));
      setAsking(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stadshart-confirm">
      {error && (
        <Alert type="error">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      {isAsking ? (
        <>
          <Paragraph id={questionId}>{question}</Paragraph>
          <ButtonGroup>
            <Button
              ref={confirmRef}
              appearance="primary-action-button"
              hint={hint}
              busy={isBusy}
              aria-describedby={questionId}
              onClick={() => void confirm()}
            >
              {confirmLabel}
            </Button>
            <Button appearance="secondary-action-button" onClick={() => setAsking(false)}>
              {t('form.cancel')}
            </Button>
          </ButtonGroup>
        </>
      ) : (
        <ButtonGroup>
          <Button
            ref={startRef}
            appearance="secondary-action-button"
            hint={hint}
            disabled={isDisabled}
            onClick={() => {
              setError(null);
              setAsking(true);
            }}
          >
            {label}
          </Button>
        </ButtonGroup>
      )}
    </div>
  );
}
