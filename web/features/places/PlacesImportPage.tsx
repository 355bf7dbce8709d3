// Importing many places at once from a CSV file: all rows go in, or none and a report says why.
import {
  Alert,
  Button,
  ButtonGroup,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading1,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_BYTES_MAX, importResult, placeCsvColumns } from '../../../common/places.ts';
import { api, ApiError } from '../../api/client.ts';
import { TextareaField } from '../../components/Fields.tsx';
import { useApiForm } from '../../components/useApiForm.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber } from '../../i18n/i18n.ts';
import { ActionLink } from '../../components/ActionLink.tsx';
import { NoValue } from '../../components/NoValue.tsx';
import { useOrgRole } from '../orgs/useOrgRole.ts';
import { parseImportErrors, type ImportCellError } from './importErrors.ts';
import { OnlyManagers } from './OnlyManagers.tsx';

/** The example of docs/places-import.md (docs/examples/places-ijmond.csv), as Dutch Excel saves it. */
const EXAMPLE_CSV = [
  placeCsvColumns.join(';'),
  'IJmuiden;Velsen;GM0453;"Havenstad aan het Noordzeekanaal; het centrum ligt tussen de sluizen, de visafslag en het strand.";industrie|staal|vis|haven',
  'Beverwijk;Beverwijk;GM0375;Compacte binnenstad met een grote weekendmarkt net buiten het centrum.;markt|winkelen|bereikbaarheid',
  'Heemskerk;Heemskerk;GM0396;Dorpse kern met veel groen en een winkelhart dat vooral de eigen inwoners bedient.;groen|wonen|dorps',
].join('\n');

const csvType = 'text/csv';

type Outcome =
  | { kind: 'imported'; count: number }
  | { kind: 'refused'; cells: ImportCellError[] }
  | { kind: 'failed'; message: string };

function kilobytes(bytes: number): string {
  return formatNumber(Math.ceil(bytes / 1024));
}

/** Lets facilitators and admins paste or upload a CSV of places and shows the per-row report. */
export function PlacesImportPage() {
  const { t, i18n } = useTranslation('places');
  const { orgSlug, canManagePlaces } = useOrgRole();
  const { describe } = useApiForm();
  usePageTitle(t('import.title'));
  const [text, setText] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [textError, setTextError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [isBusy, setBusy] = useState(false);
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const maxKb = kilobytes(IMPORT_BYTES_MAX);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    setFileError(null);
    setFileNote(null);
    setOutcome(null);
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > IMPORT_BYTES_MAX) {
      setFileError(t('import.tooLarge', { size: kilobytes(file.size), max: maxKb }));
      event.target.value = '';
      return;
    }
    // Read into the text area, so the person sees what will be sent and can still fix it.
    setText(await file.text());
    setFileNote(t('import.fileRead', { name: file.name }));
  }

  function describeCell(cell: ImportCellError): string {
    const keys = [
      `import.codes.${cell.column ?? 'file'}_${cell.code}`,
      `import.codes.${cell.code}`,
      `common:errors.field.${cell.code}`,
    ];
    for (const key of keys) {
      if (i18n.exists(key, { ns: 'places' })) return t(key);
    }
    return cell.message;
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setOutcome(null);
    setTextError(null);
    if (text.trim() === '') {
      setTextError(t('import.emptyText'));
      document.getElementById('field-csv')?.focus();
      return;
    }
    const size = new Blob([text]).size;
    if (size > IMPORT_BYTES_MAX) {
      setTextError(t('import.tooLarge', { size: kilobytes(size), max: maxKb }));
      document.getElementById('field-csv')?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await api('POST', `/orgs/${orgSlug}/places/import`, {
        raw: { data: text, contentType: csvType },
        schema: importResult,
      });
      setOutcome({ kind: 'imported', count: result.imported });
      setText('');
      setFileNote(null);
    } catch (error) {
      if (error instanceof ApiError && error.problem.code === 'import_failed') {
        setOutcome({ kind: 'refused', cells: parseImportErrors(error.problem.errors ?? []) });
      } else {
        setOutcome({ kind: 'failed', message: describe(error).general ?? '' });
      }
    } finally {
      setBusy(false);
    }
  }

  if (!canManagePlaces) {
    return (
      <>
        <Heading1>{t('import.title')}</Heading1>
        <OnlyManagers />
      </>
    );
  }

  return (
    <>
      <Heading1>{t('import.title')}</Heading1>
      <Paragraph>{t('import.intro')}</Paragraph>

      <Heading2>{t('import.columnsTitle')}</Heading2>
      <Paragraph>{t('import.columnsIntro')}</Paragraph>
      <Table>
        <TableCaption>{t('import.columnsCaption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('import.column')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('import.meaning')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {placeCsvColumns.map((column) => (
            <TableRow key={column}>
              <TableHeaderCell scope="row">
                <code>{column}</code>
              </TableHeaderCell>
              <TableCell>{t(`import.columns.${column}`)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Paragraph>{t('import.exampleIntro')}</Paragraph>
      <pre className="stadshart-mail">{EXAMPLE_CSV}</pre>
      <Paragraph>{t('import.allOrNothing', { max: maxKb })}</Paragraph>

      <Heading2>{t('import.formTitle')}</Heading2>
      <form noValidate className="stadshart-form" onSubmit={(event) => void handleSubmit(event)}>
        <FormField invalid={Boolean(fileError)} type="text">
          <Paragraph className="utrecht-form-field__label">
            <FormLabel htmlFor="field-file">{t('import.file')}</FormLabel>
          </Paragraph>
          <FormFieldDescription id="field-file-description">
            {t('import.fileHint', { max: maxKb })}
          </FormFieldDescription>
          {fileError && (
            <FormFieldErrorMessage id="field-file-error" role="alert">
              {fileError}
            </FormFieldErrorMessage>
          )}
          <Paragraph className="utrecht-form-field__input">
            <input
              id="field-file"
              name="file"
              type="file"
              accept={`.csv,${csvType}`}
              aria-invalid={fileError ? true : undefined}
              aria-describedby={
                fileError ? 'field-file-description field-file-error' : 'field-file-description'
              }
              onChange={(event) => void choose(event)}
            />
          </Paragraph>
        </FormField>
        <div role="status">{fileNote && <Paragraph>{fileNote}</Paragraph>}</div>
        <TextareaField
          name="csv"
          label={t('import.text')}
          description={t('import.textHint')}
          value={text}
          onChange={(value) => {
            setText(value);
            setTextError(null);
          }}
          error={textError ?? undefined}
          rows={10}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={isBusy}>
            {t('import.submit')}
          </Button>
        </ButtonGroup>
      </form>

      <div ref={outcomeRef} tabIndex={-1} className="stadshart-outcome">
        {outcome?.kind === 'imported' && (
          <Alert type="ok">
            <Paragraph>
              {t('import.imported', {
                count: outcome.count,
                formatted: formatNumber(outcome.count),
              })}
            </Paragraph>
            <Paragraph>
              <ActionLink to={`/o/${orgSlug}/places`}>{t('import.toList')}</ActionLink>
            </Paragraph>
          </Alert>
        )}
        {outcome?.kind === 'failed' && (
          <Alert type="error">
            <Paragraph>{outcome.message}</Paragraph>
          </Alert>
        )}
        {outcome?.kind === 'refused' && (
          <>
            <Alert type="error">
              <Heading2>{t('import.refusedTitle')}</Heading2>
              <Paragraph>
                {t('import.refused', {
                  count: outcome.cells.length,
                  formatted: formatNumber(outcome.cells.length),
                })}
              </Paragraph>
            </Alert>
            {outcome.cells.length > 0 && (
              <Table>
                <TableCaption>{t('import.reportCaption')}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('import.row')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('import.column')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('import.problem')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {outcome.cells.map((cell, index) => (
                    <TableRow key={`${cell.row}-${cell.column}-${index}`}>
                      <TableCell>
                        {cell.row === null ? (
                          <NoValue label={t('import.wholeFile')} />
                        ) : (
                          formatNumber(cell.row)
                        )}
                      </TableCell>
                      <TableCell>
                        {cell.column === null ? (
                          <NoValue label={t('import.wholeRow')} />
                        ) : (
                          <code>{cell.column}</code>
                        )}
                      </TableCell>
                      <TableCell>{describeCell(cell)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </>
        )}
      </div>
    </>
  );
}
