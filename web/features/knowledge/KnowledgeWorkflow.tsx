// The review workflow of an item: submit, send back with a note, publish after a preview, and
// unpublish. Which buttons show depends on the item's status and what the server says the person
// may do (`can`); the server checks again.
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  knowledgeItem,
  publicKnowledgeItem,
  type KnowledgeItem,
  type PublicKnowledgeItem,
} from '../../../common/knowledge.ts';
import { api } from '../../api/client.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { TextareaField } from '../../components/Fields.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useApiForm } from '../../components/useApiForm.ts';
import { KnowledgePreview } from './KnowledgePreview.tsx';
import { workflowStepsFor, type PublishPhase } from './knowledgeModel.ts';

export interface WorkflowViewProps {
  item: Pick<KnowledgeItem, 'status' | 'can' | 'membersOnly'>;
  headingLevel: number;
  phase: PublishPhase;
  /** The preview once loaded (null while loading). */
  preview: PublicKnowledgeItem | null;
  isReturning: boolean;
  returnNote: string;
  isBusy: boolean;
  error: string | null;
  status: string | null;
  onSubmit: () => void;
  onReturnOpen: () => void;
  onReturnNoteChange: (note: string) => void;
  onReturnSend: () => void;
  onReturnCancel: () => void;
  onPublishOpen: () => void;
  onPublishConfirm: () => Promise<void>;
  onPublishCancel: () => void;
  onUnpublish: () => Promise<void>;
}

/** The panel as it looks in a given state, for the stateful panel below and for tests. */
export function KnowledgeWorkflowView(props: WorkflowViewProps) {
  const { t } = useTranslation('knowledge');
  const headingId = useId();
  const { item, phase, preview } = props;
  const steps = workflowStepsFor(item);
  const audience = item.membersOnly ? t('workflow.audienceMembers') : '';

  return (
    <section aria-labelledby={headingId}>
      <Heading level={props.headingLevel} id={headingId}>
        {t('workflow.title')}
      </Heading>
      <StatusMessage message={props.status} />
      {props.error && (
        <Alert type="error">
          <Paragraph>{props.error}</Paragraph>
        </Alert>
      )}
      {steps.length === 0 && <Paragraph>{t('workflow.nothing')}</Paragraph>}
      {steps.includes('submit') && (
        <ButtonGroup>
          <Button appearance="primary-action-button" busy={props.isBusy} onClick={props.onSubmit}>
            {t('workflow.submit')}
          </Button>
        </ButtonGroup>
      )}
      {steps.includes('return') &&
        (props.isReturning ? (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              props.onReturnSend();
            }}
          >
            <TextareaField
              name="note"
              label={t('workflow.returnNote')}
              description={t('workflow.returnNoteHint')}
              value={props.returnNote}
              onChange={props.onReturnNoteChange}
              rows={3}
            />
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button" busy={props.isBusy}>
                {t('workflow.returnSend')}
              </Button>
              <Button appearance="secondary-action-button" onClick={props.onReturnCancel}>
                {t('common:form.cancel')}
              </Button>
            </ButtonGroup>
          </form>
        ) : (
          <ButtonGroup>
            <Button appearance="secondary-action-button" onClick={props.onReturnOpen}>
              {t('workflow.return')}
            </Button>
          </ButtonGroup>
        ))}
      {steps.includes('publish') &&
        (phase === 'closed' ? (
          <ButtonGroup>
            <Button appearance="primary-action-button" onClick={props.onPublishOpen}>
              {t('workflow.publish')}
            </Button>
          </ButtonGroup>
        ) : (
          <div className="stadshart-knowledge-publish">
            <Heading level={Math.min(6, props.headingLevel + 1)}>
              {t('workflow.previewTitle')}
            </Heading>
            {preview ? (
              <>
                <div className="stadshart-knowledge-preview-frame">
                  <KnowledgePreview
                    item={preview}
                    headingLevel={Math.min(6, props.headingLevel + 2)}
                  />
                </div>
                <ConfirmAction
                  label={t('workflow.publish')}
                  question={t('workflow.confirmPublish', { audience })}
                  confirmLabel={t('workflow.confirmPublishButton')}
                  isDanger={false}
                  onConfirm={props.onPublishConfirm}
                />
              </>
            ) : (
              !props.error && <Paragraph role="status">{t('workflow.previewLoading')}</Paragraph>
            )}
            <ButtonGroup>
              <Button appearance="subtle-button" onClick={props.onPublishCancel}>
                {t('workflow.closePreview')}
              </Button>
            </ButtonGroup>
          </div>
        ))}
      {steps.includes('unpublish') && (
        <ConfirmAction
          label={t('workflow.unpublish')}
          question={t('workflow.confirmUnpublish')}
          confirmLabel={t('workflow.confirmUnpublishButton')}
          onConfirm={props.onUnpublish}
        />
      )}
    </section>
  );
}

/** The workflow panel of the editor; `onChanged` receives the item after each step. */
export function KnowledgeWorkflow({
  orgSlug,
  item,
  headingLevel,
  onChanged,
}: {
  orgSlug: string;
  item: KnowledgeItem;
  headingLevel: number;
  onChanged: (item: KnowledgeItem) => void;
}) {
  const { t } = useTranslation('knowledge');
  const { describe } = useApiForm();
  const [phase, setPhase] = useState<PublishPhase>('closed');
  const [preview, setPreview] = useState<PublicKnowledgeItem | null>(null);
  const [isReturning, setReturning] = useState(false);
  const [returnNote, setReturnNote] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const base = `/orgs/${orgSlug}/knowledge/${item.id}`;

  async function step(path: string, body: unknown, done: string): Promise<void> {
    const answer = await api('POST', `${base}/${path}`, { body, schema: knowledgeItem });
    setPhase('closed');
    setPreview(null);
    setReturning(false);
    setReturnNote('');
    onChanged(answer);
    setStatus(done);
  }

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      await action();
    } catch (caught) {
      setError(describe(caught).general);
    } finally {
      setBusy(false);
    }
  }

  async function openPreview() {
    setPhase('preview');
    setPreview(null);
    setStatus(null);
    await run(async () => {
      setPreview(await api('GET', `${base}/preview`, { schema: publicKnowledgeItem }));
    });
  }

  return (
    <KnowledgeWorkflowView
      item={item}
      headingLevel={headingLevel}
      phase={phase}
      preview={preview}
      isReturning={isReturning}
      returnNote={returnNote}
      isBusy={isBusy}
      error={error}
      status={status}
      onSubmit={() => void run(() => step('submit', {}, t('workflow.submitted')))}
      onReturnOpen={() => setReturning(true)}
      onReturnNoteChange={setReturnNote}
      onReturnSend={() =>
        void run(() =>
          step(
            'return',
            returnNote.trim() ? { note: returnNote.trim() } : {},
            t('workflow.returned'),
          ),
        )
      }
      onReturnCancel={() => setReturning(false)}
      onPublishOpen={() => void openPreview()}
      // ConfirmAction shows its own failure, so these rethrow rather than set `error`.
      onPublishConfirm={() => step('publish', {}, t('workflow.published'))}
      onPublishCancel={() => {
        setPhase('closed');
        setPreview(null);
        setError(null);
      }}
      onUnpublish={() => step('unpublish', {}, t('workflow.unpublished'))}
    />
  );
}
