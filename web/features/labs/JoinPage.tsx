// Joining a lab with the code on the screen: one page, big targets, no account needed.
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
  Textbox,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  JOIN_CODE_LENGTH,
  joinLookup as joinLookupSchema,
  joinLookupRequest,
  joinRequest,
  joinResult,
  type JoinLookup,
} from '../../../common/labs.ts';
import { api, ApiError } from '../../api/client.ts';
import { saveGuestSecret } from '../../collab/guestSecrets.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/Fields.tsx';
import { useApiForm } from '../../components/useApiForm.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSession } from '../../session/SessionProvider.tsx';

/** Extra room for the spaces and dashes people may type between the characters. */
const CODE_INPUT_MAX = JOIN_CODE_LENGTH * 3;

function CodeField({
  value,
  error,
  onChange,
  inputRef,
}: {
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  inputRef: React.Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation('labs');
  return (
    <FormField invalid={Boolean(error)} type="text">
      <Paragraph className="utrecht-form-field__label">
        <FormLabel htmlFor="field-code">{t('join.codeLabel')}</FormLabel>
      </Paragraph>
      <FormFieldDescription id="field-code-description">{t('join.codeHint')}</FormFieldDescription>
      {error && <FormFieldErrorMessage id="field-code-error">{error}</FormFieldErrorMessage>}
      <Paragraph className="utrecht-form-field__input">
        <Textbox
          ref={inputRef}
          id="field-code"
          name="code"
          className="stadshart-join__code-input"
          value={value}
          inputMode="text"
          autoCapitalize="characters"
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          maxLength={CODE_INPUT_MAX}
          invalid={Boolean(error)}
          required
          aria-describedby={
            error ? 'field-code-description field-code-error' : 'field-code-description'
          }
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        />
      </Paragraph>
    </FormField>
  );
}

/** The join page (/join and /join/:code): look the code up, then join as member or as guest. */
export function JoinPage() {
  const { t } = useTranslation('labs');
  const { code: codeInUrl = '' } = useParams<{ code: string }>();
  const navigate = useNavigate();
  const { session } = useSession();
  const user = session?.user ?? null;
  const userName = user ? user.name || user.email : '';
  const { errors, setErrors, isSubmitting, submit, clearErrors } = useApiForm();
  const [code, setCode] = useState(codeInUrl);
  const [found, setFound] = useState<{ code: string; lab: JoinLookup } | null>(null);
  const [displayName, setDisplayName] = useState('');
  const codeRef = useRef<HTMLInputElement>(null);
  const foundRef = useRef<HTMLHeadingElement>(null);
  const lookedUpFromUrl = useRef<string | null>(null);
  usePageTitle(t('join.title'));

  async function lookUp(typed: string) {
    const result = await submit(joinLookupRequest, { code: typed }, async (input) => {
      try {
        const lab = await api('POST', '/join/lookup', { body: input, schema: joinLookupSchema });
        return { code: input.code, lab };
      } catch (error) {
        // A wrong code is a problem with the code field: say so beside it as well.
        if (error instanceof ApiError && error.problem.code === 'join_code_unknown') {
          setErrors({
            general: null,
            fields: { code: t('common:errors.codes.join_code_unknown') },
          });
          return undefined;
        }
        throw error;
      }
    });
    if (!result) return;
    setFound(result);
  }

  // A link or QR code with the code in it looks it up at once: one tap less on a phone.
  useEffect(() => {
    if (!codeInUrl || lookedUpFromUrl.current === codeInUrl) return;
    lookedUpFromUrl.current = codeInUrl;
    setCode(codeInUrl);
    setFound(null);
    void lookUp(codeInUrl);
    // Once per code in the URL; lookUp is a new function every render and must not re-run it.
  }, [codeInUrl]);

  useEffect(() => {
    if (found) foundRef.current?.focus();
  }, [found]);

  async function handleLookUp(event: FormEvent) {
    event.preventDefault();
    await lookUp(code);
  }

  async function handleJoin(event: FormEvent) {
    event.preventDefault();
    if (!found) return;
    const values = user ? { code: found.code } : { code: found.code, displayName };
    // Signed-in people join under their account's name; a guest's empty name fails the schema.
    const joined = await submit(joinRequest, values, (input) =>
      api('POST', '/join', { body: input, schema: joinResult }),
    );
    if (!joined) return;
    if (joined.guestSecret) saveGuestSecret(joined.labId, joined.guestSecret);
    // The live page writes notes under this name; the server refuses any other author name.
    await navigate(`/lab/${joined.labId}`, { state: { participant: joined.participant } });
  }

  function enterAnotherCode() {
    setFound(null);
    clearErrors();
    setCode('');
    requestAnimationFrame(() => codeRef.current?.focus());
  }

  return (
    <div className="stadshart-join">
      <Heading1>{t('join.title')}</Heading1>
      <ErrorSummary
        errors={errors}
        fieldLabels={{ code: t('join.codeLabel'), displayName: t('join.nameLabel') }}
      />
      {!found ? (
        <form noValidate onSubmit={(event) => void handleLookUp(event)}>
          <Paragraph>{t('join.intro')}</Paragraph>
          <CodeField
            value={code}
            error={errors.fields.code}
            onChange={setCode}
            inputRef={codeRef}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={isSubmitting}>
              {t('join.next')}
            </Button>
          </ButtonGroup>
        </form>
      ) : (
        <section aria-labelledby="join-found-title">
          <Paragraph>{t('join.found')}</Paragraph>
          <Heading2 id="join-found-title" ref={foundRef} tabIndex={-1}>
            {found.lab.title}
          </Heading2>
          <Paragraph>{t('join.labOf', { org: found.lab.orgName })}</Paragraph>
          {!found.lab.hasRoom ? (
            <Alert type="warning">
              <Paragraph>{t('join.full')}</Paragraph>
            </Alert>
          ) : (
            <form noValidate onSubmit={(event) => void handleJoin(event)}>
              {user ? (
                <Paragraph>{t('join.signedInAs', { name: userName })}</Paragraph>
              ) : (
                <TextField
                  name="displayName"
                  label={t('join.nameLabel')}
                  description={t('join.nameHint')}
                  value={displayName}
                  onChange={setDisplayName}
                  error={errors.fields.displayName}
                  autoComplete="nickname"
                  required
                />
              )}
              <ButtonGroup>
                <Button type="submit" appearance="primary-action-button" busy={isSubmitting}>
                  {user ? t('join.joinAs', { name: userName }) : t('join.join')}
                </Button>
              </ButtonGroup>
            </form>
          )}
          <ButtonGroup>
            <Button appearance="subtle-button" onClick={enterAnotherCode}>
              {t('join.otherCode')}
            </Button>
          </ButtonGroup>
        </section>
      )}
    </div>
  );
}
