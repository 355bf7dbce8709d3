// The admin's member list: invite people, change roles, deactivate and reactivate memberships.
import {
  Alert,
  Button,
  ButtonGroup,
  Heading1,
  Heading2,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  changeRoleRequest,
  inviteRequest,
  member as memberSchema,
  memberList,
  type Member,
} from '../../../common/orgs.ts';
import { orgRoles } from '../../../common/roles.ts';
import { api, ApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { useApiForm } from '../../components/useApiForm.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime } from '../../i18n/i18n.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { NoValue } from '../../components/NoValue.tsx';
import { useOrg } from './OrgContext.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useApiData } from '../../api/useApiData.ts';
import { useOrgRole } from './useOrgRole.ts';

/** A member's name as the list shows it; invited people may not have given one yet. */
function nameOf(member: Member): string {
  return member.name || member.email;
}

/** Puts a member changed by the server back into the list, or adds a newly invited one. */
function withMember(members: Member[], changed: Member): Member[] {
  const exists = members.some((member) => member.userId === changed.userId);
  return exists
    ? members.map((member) => (member.userId === changed.userId ? changed : member))
    : [...members, changed];
}

function InviteForm({
  orgSlug,
  onInvited,
}: {
  orgSlug: string;
  onInvited: (member: Member) => void;
}) {
  const { t } = useTranslation('orgs');
  const { errors, setErrors, isSubmitting, submit } = useApiForm();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<string>('member');
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setSentTo(null);
    const values = { email, role, name: name.trim() === '' ? undefined : name };
    const invited = await submit(inviteRequest, values, async (input) => {
      try {
        return await api('POST', `/orgs/${orgSlug}/invitations`, {
          body: input,
          schema: memberSchema,
        });
      } catch (error) {
        // 409 here has one meaning the generic "conflict" text would hide: already a member.
        if (error instanceof ApiError && error.status === 409) {
          setErrors({ general: null, fields: { email: t('members.invite.alreadyMember') } });
          return undefined;
        }
        throw error;
      }
    });
    if (!invited) return;
    setSentTo(invited.email);
    setEmail('');
    setName('');
    setRole('member');
    onInvited(invited);
  }

  return (
    <section aria-labelledby="invite-title" className="stadshart-form">
      <Heading2 id="invite-title">{t('members.invite.title')}</Heading2>
      <Paragraph>{t('members.invite.intro')}</Paragraph>
      <ErrorSummary
        errors={errors}
        fieldLabels={{
          email: t('members.invite.email'),
          name: t('members.invite.name'),
          role: t('members.invite.role'),
        }}
      />
      <form noValidate onSubmit={(event) => void handleSubmit(event)}>
        <TextField
          name="email"
          type="email"
          autoComplete="off"
          label={t('members.invite.email')}
          value={email}
          onChange={setEmail}
          error={errors.fields.email}
          required
        />
        <TextField
          name="name"
          label={`${t('members.invite.name')} ${t('common:form.optional')}`}
          description={t('members.invite.nameHint')}
          value={name}
          onChange={setName}
          error={errors.fields.name}
        />
        <SelectField
          name="role"
          label={t('members.invite.role')}
          value={role}
          onChange={setRole}
          error={errors.fields.role}
          options={orgRoles.map((value) => ({ value, label: t(`common:roles.${value}`) }))}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={isSubmitting}>
            {t('members.invite.submit')}
          </Button>
        </ButtonGroup>
      </form>
      <StatusMessage message={sentTo ? t('members.invite.sent', { email: sentTo }) : null} />
    </section>
  );
}

type MemberAction = 'role' | 'deactivate' | 'reactivate' | 'resend';

/** Shows the members of the organisation with an invite form; only admins get the list from the API. */
export function MembersPage() {
  const { t } = useTranslation('orgs');
  const { orgSlug } = useOrgRole();
  const sessionState = useSession();
  const session = sessionState.session;
  const orgState = useOrg();
  const { describe } = useApiForm();
  usePageTitle(t('members.title'));

  const members = useApiData(`/orgs/${orgSlug}/members`, memberList);
  const [draftRoles, setDraftRoles] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  // Buttons appear and disappear as a row changes; keep keyboard focus on the row's next step.
  useEffect(() => {
    const target = focusId ? document.getElementById(focusId) : null;
    if (!target) return;
    target.focus();
    setFocusId(null);
  }, [focusId, members.data, confirming]);

  useEffect(() => {
    if (actionError) errorRef.current?.focus();
  }, [actionError]);

  function replaceMember(changed: Member) {
    members.update((current) => ({ members: withMember(current.members, changed) }));
  }

  function forgetDraftRole(userId: string) {
    setDraftRoles((drafts) =>
      Object.fromEntries(Object.entries(drafts).filter(([id]) => id !== userId)),
    );
  }

  async function run(member: Member, action: MemberAction) {
    const base = `/orgs/${orgSlug}/members/${member.userId}`;
    const name = nameOf(member);
    setBusy(`${member.userId}-${action}`);
    setStatus(null);
    setActionError(null);
    try {
      if (action === 'role') {
        const body = changeRoleRequest.parse({ role: draftRoles[member.userId] ?? member.role });
        replaceMember(await api('PATCH', base, { body, schema: memberSchema }));
        forgetDraftRole(member.userId);
        setStatus(t('members.roleChanged', { name, role: t(`common:roles.${body.role}`) }));
        // Changing one's own role changes what the rest of the app may offer.
        if (member.userId === session?.user?.id) {
          await sessionState.refresh();
          await orgState?.reload();
        }
      } else if (action === 'deactivate') {
        replaceMember(await api('POST', `${base}/deactivate`, { schema: memberSchema }));
        setConfirming(null);
        setStatus(t('members.deactivated', { name }));
        setFocusId(`member-${member.userId}-reactivate`);
      } else if (action === 'reactivate') {
        replaceMember(await api('POST', `${base}/reactivate`, { schema: memberSchema }));
        setStatus(t('members.reactivated', { name }));
        setFocusId(`member-${member.userId}-deactivate`);
      } else {
        const body = inviteRequest.parse({ email: member.email, role: member.role });
        replaceMember(
          await api('POST', `/orgs/${orgSlug}/invitations`, { body, schema: memberSchema }),
        );
        setStatus(t('members.invite.sent', { email: member.email }));
      }
    } catch (error) {
      setConfirming(null);
      // The select should show the role the person still has, not the one that was refused.
      if (action === 'role') forgetDraftRole(member.userId);
      const message = describe(error).general ?? t('common:errors.unexpected');
      setActionError(t('members.actionFailed', { name, message }));
    } finally {
      setBusy(null);
    }
  }

  function renderActions(member: Member) {
    const name = nameOf(member);
    const isSelf = member.userId === session?.user?.id;
    if (confirming === member.userId) {
      return (
        <div className="stadshart-confirm">
          <Paragraph id={`member-${member.userId}-confirm-text`}>
            {t('members.confirmDeactivate', { name })}
          </Paragraph>
          <ButtonGroup>
            <Button
              id={`member-${member.userId}-confirm`}
              appearance="primary-action-button"
              hint="danger"
              aria-describedby={`member-${member.userId}-confirm-text`}
              busy={busy === `${member.userId}-deactivate`}
              onClick={() => void run(member, 'deactivate')}
            >
              {t('members.confirmDeactivateButton')}
            </Button>
            <Button
              appearance="secondary-action-button"
              onClick={() => {
                setConfirming(null);
                setFocusId(`member-${member.userId}-deactivate`);
              }}
            >
              {t('common:form.cancel')}
            </Button>
          </ButtonGroup>
        </div>
      );
    }
    return (
      <ButtonGroup>
        {member.status === 'deactivated' ? (
          <Button
            id={`member-${member.userId}-reactivate`}
            appearance="secondary-action-button"
            busy={busy === `${member.userId}-reactivate`}
            aria-label={t('members.reactivateOf', { name })}
            onClick={() => void run(member, 'reactivate')}
          >
            {t('members.reactivate')}
          </Button>
        ) : (
          !isSelf && (
            <Button
              id={`member-${member.userId}-deactivate`}
              appearance="secondary-action-button"
              aria-label={t('members.deactivateOf', { name })}
              onClick={() => {
                setStatus(null);
                setConfirming(member.userId);
                setFocusId(`member-${member.userId}-confirm`);
              }}
            >
              {t('members.deactivate')}
            </Button>
          )
        )}
        {member.status === 'invited' && (
          <Button
            appearance="subtle-button"
            busy={busy === `${member.userId}-resend`}
            aria-label={t('members.resendOf', { name })}
            onClick={() => void run(member, 'resend')}
          >
            {t('members.resend')}
          </Button>
        )}
      </ButtonGroup>
    );
  }

  return (
    <>
      <Heading1>{t('members.title')}</Heading1>
      <LoadState resource={members} forbidden={t('members.onlyAdmins')}>
        {(data) => (
          <>
            <Paragraph>{t('members.intro')}</Paragraph>
            <StatusMessage message={status} />
            {actionError && (
              <div ref={errorRef} tabIndex={-1}>
                <Alert type="error">
                  <Paragraph>{actionError}</Paragraph>
                </Alert>
              </div>
            )}
            <TableContainer overflowInline>
              <Table>
                <TableCaption>{t('members.caption', { count: data.members.length })}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('members.columns.name')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('members.columns.email')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('members.columns.function')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('members.columns.role')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('members.columns.status')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('members.columns.since')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('members.columns.actions')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.members.map((member) => {
                    const name = nameOf(member);
                    const roleId = `member-${member.userId}-role`;
                    return (
                      <TableRow key={member.userId}>
                        <TableHeaderCell scope="row">
                          <span className="stadshart-member-name">
                            <span className="stadshart-avatar" aria-hidden="true">
                              {member.initials}
                            </span>
                            <span>
                              {name}
                              {member.userId === session?.user?.id && ` ${t('members.you')}`}
                            </span>
                          </span>
                        </TableHeaderCell>
                        <TableCell>{member.email}</TableCell>
                        <TableCell>{member.function || <NoValue />}</TableCell>
                        <TableCell>
                          <span className="stadshart-inline-form">
                            <Select
                              id={roleId}
                              aria-label={t('members.roleOf', { name })}
                              value={draftRoles[member.userId] ?? member.role}
                              onChange={(event: ChangeEvent<HTMLSelectElement>) =>
                                setDraftRoles({
                                  ...draftRoles,
                                  [member.userId]: event.target.value,
                                })
                              }
                            >
                              {orgRoles.map((value) => (
                                <SelectOption key={value} value={value}>
                                  {t(`common:roles.${value}`)}
                                </SelectOption>
                              ))}
                            </Select>
                            <Button
                              appearance="secondary-action-button"
                              aria-label={t('members.saveRoleOf', { name })}
                              busy={busy === `${member.userId}-role`}
                              onClick={() => void run(member, 'role')}
                            >
                              {t('members.saveRole')}
                            </Button>
                          </span>
                        </TableCell>
                        <TableCell>{t(`common:statuses.${member.status}`)}</TableCell>
                        <TableCell>
                          <time dateTime={member.since}>
                            {formatDateTime(member.since, { dateStyle: 'medium' })}
                          </time>
                        </TableCell>
                        <TableCell>{renderActions(member)}</TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </TableContainer>
            <InviteForm orgSlug={orgSlug} onInvited={replaceMember} />
          </>
        )}
      </LoadState>
    </>
  );
}
