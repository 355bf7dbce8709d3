// A delete button that asks once more, in words, before anything is removed.
import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiForm } from '../../components/useApiForm.ts';

/**
 * Shows `label`; pressing it reveals `question` with a confirm and a cancel button (focus moves
 * along), and only the confirm button runs `onConfirm`. Failures are shown beside the buttons.
 */
export function DeleteWithConfirm({
  label,
  question,
  confirmLabel,
  onConfirm,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
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
              hint="danger"
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
            hint="danger"
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
