// The images of a knowledge item: upload one with its alt text, change an alt text, remove one.
import {
  Alert,
  Button,
  ButtonGroup,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IMAGE_ALT_MAX,
  imageMediaTypes,
  knowledgeImage,
  updateImageRequest,
  type KnowledgeImage,
} from '../../../common/knowledge.ts';
import { api, ApiError } from '../../api/client.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { TextField } from '../../components/Fields.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useApiForm } from '../../components/useApiForm.ts';
import {
  checkChosenFile,
  uploadLimits,
  uploadProblemOf,
  type UploadProblem,
} from './knowledgeModel.ts';

/** The upload form's fields; `problem` and `altError` are shown beside the fields they concern. */
export function ImageUploadFields({
  alt,
  onAltChange,
  problem,
  altError,
  generalError,
  isBusy,
  fileRef,
}: {
  alt: string;
  onAltChange: (alt: string) => void;
  problem: UploadProblem | null;
  altError: string | undefined;
  generalError: string | null;
  isBusy: boolean;
  fileRef?: React.RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation('knowledge');
  const fileError = problem ? t(`images.errors.${problem}`, uploadLimits) : undefined;
  return (
    <>
      {generalError && (
        <Alert type="error">
          <Paragraph>{generalError}</Paragraph>
        </Alert>
      )}
      <FormField invalid={Boolean(fileError)} type="text">
        <Paragraph className="utrecht-form-field__label">
          <FormLabel htmlFor="field-file">{t('images.file')}</FormLabel>
        </Paragraph>
        <FormFieldDescription id="field-file-description">
          {t('images.intro', uploadLimits)}
        </FormFieldDescription>
        {fileError && (
          <FormFieldErrorMessage id="field-file-error">{fileError}</FormFieldErrorMessage>
        )}
        <Paragraph className="utrecht-form-field__input">
          <input
            ref={fileRef}
            id="field-file"
            name="file"
            type="file"
            accept={imageMediaTypes.join(',')}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={
              fileError ? 'field-file-description field-file-error' : 'field-file-description'
            }
          />
        </Paragraph>
      </FormField>
      <TextField
        name="alt"
        label={t('images.alt')}
        description={t('images.altHint')}
        value={alt}
        onChange={onAltChange}
        error={altError}
        required
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={isBusy}>
          {t('images.upload')}
        </Button>
      </ButtonGroup>
    </>
  );
}

function ImageUploadForm({
  basePath,
  onAdded,
}: {
  basePath: string;
  onAdded: (image: KnowledgeImage) => void;
}) {
  const { t } = useTranslation('knowledge');
  const { describe } = useApiForm();
  const fileRef = useRef<HTMLInputElement>(null);
  const [alt, setAlt] = useState('');
  const [problem, setProblem] = useState<UploadProblem | null>(null);
  const [altError, setAltError] = useState<string | undefined>(undefined);
  const [generalError, setGeneralError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0] ?? null;
    const parsedAlt = updateImageRequest.shape.alt.safeParse(alt);
    const chosenProblem = checkChosenFile(file);
    setProblem(chosenProblem);
    setAltError(
      parsedAlt.success
        ? undefined
        : t(alt.trim() === '' ? 'common:errors.field.required' : 'common:errors.field.too_big'),
    );
    setGeneralError(null);
    if (chosenProblem || !parsedAlt.success || !file) {
      (chosenProblem ? fileRef.current : document.getElementById('field-alt'))?.focus();
      return;
    }
    const form = new FormData();
    form.append('alt', parsedAlt.data);
    form.append('file', file);
    setBusy(true);
    try {
      const image = await api('POST', `${basePath}/images`, { form, schema: knowledgeImage });
      setAlt('');
      if (fileRef.current) fileRef.current.value = '';
      onAdded(image);
    } catch (error) {
      const fromStatus = error instanceof ApiError ? uploadProblemOf(error.status) : null;
      if (fromStatus) {
        setProblem(fromStatus);
        fileRef.current?.focus();
      } else {
        const described = describe(error);
        if (described.fields.alt) setAltError(described.fields.alt);
        else if (described.fields.file) setProblem('wrongType');
        else setGeneralError(described.general);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={(event) => void handleSubmit(event)} className="stadshart-form">
      <ImageUploadFields
        alt={alt}
        onAltChange={setAlt}
        problem={problem}
        altError={altError}
        generalError={generalError}
        isBusy={isBusy}
        fileRef={fileRef}
      />
    </form>
  );
}

function ImageRow({
  basePath,
  image,
  canEdit,
  onChanged,
  onRemoved,
}: {
  basePath: string;
  image: KnowledgeImage;
  canEdit: boolean;
  onChanged: (image: KnowledgeImage) => void;
  onRemoved: (image: KnowledgeImage) => void;
}) {
  const { t } = useTranslation('knowledge');
  const { errors, isSubmitting, submit } = useApiForm();
  const [alt, setAlt] = useState(image.alt);
  const altName = `alt-${image.id}`;

  async function saveAlt(event: FormEvent) {
    event.preventDefault();
    const answer = await submit(updateImageRequest, { alt }, (input) =>
      api('PATCH', `${basePath}/images/${image.id}`, { body: input, schema: knowledgeImage }),
    );
    if (answer) onChanged(answer);
  }

  return (
    <li className="stadshart-knowledge-image">
      <img src={image.url} alt={image.alt} width={200} />
      <Paragraph>{image.fileName}</Paragraph>
      {canEdit ? (
        <>
          <form noValidate onSubmit={(event) => void saveAlt(event)}>
            <TextField
              name={altName}
              label={t('images.alt')}
              value={alt}
              onChange={setAlt}
              error={errors.fields.alt ?? errors.general ?? undefined}
              required
            />
            <ButtonGroup>
              <Button
                type="submit"
                appearance="secondary-action-button"
                busy={isSubmitting}
                disabled={alt.length > IMAGE_ALT_MAX}
              >
                {t('images.saveAlt')}
              </Button>
            </ButtonGroup>
          </form>
          <ConfirmAction
            label={t('images.remove')}
            question={t('images.confirmRemove', { name: image.fileName })}
            confirmLabel={t('images.confirmRemoveButton')}
            onConfirm={async () => {
              await api('DELETE', `${basePath}/images/${image.id}`);
              onRemoved(image);
            }}
          />
        </>
      ) : (
        <Paragraph>{image.alt}</Paragraph>
      )}
    </li>
  );
}

/** The images section of the editor; `onChange` receives the new list after every change. */
export function KnowledgeImages({
  orgSlug,
  itemId,
  images,
  canEdit,
  headingLevel,
  onChange,
}: {
  orgSlug: string;
  itemId: string;
  images: readonly KnowledgeImage[];
  canEdit: boolean;
  headingLevel: number;
  onChange: (images: KnowledgeImage[]) => void;
}) {
  const { t } = useTranslation('knowledge');
  const headingId = useId();
  const [status, setStatus] = useState<string | null>(null);
  const basePath = `/orgs/${orgSlug}/knowledge/${itemId}`;

  return (
    <section aria-labelledby={headingId}>
      <Heading level={headingLevel} id={headingId}>
        {t('images.title')}
      </Heading>
      <StatusMessage message={status} />
      {images.length === 0 ? (
        <Paragraph>{t('images.empty')}</Paragraph>
      ) : (
        <ul className="stadshart-knowledge-images" aria-label={t('images.listCaption')}>
          {images.map((image) => (
            <ImageRow
              key={image.id}
              basePath={basePath}
              image={image}
              canEdit={canEdit}
              onChanged={(changed) => {
                onChange(images.map((i) => (i.id === changed.id ? changed : i)));
                setStatus(t('images.altSaved'));
              }}
              onRemoved={(removed) => {
                onChange(images.filter((i) => i.id !== removed.id));
                setStatus(t('images.removed', { name: removed.fileName }));
              }}
            />
          ))}
        </ul>
      )}
      {canEdit && (
        <ImageUploadForm
          basePath={basePath}
          onAdded={(image) => {
            onChange([...images, image]);
            setStatus(t('images.uploaded', { name: image.fileName }));
          }}
        />
      )}
    </section>
  );
}
