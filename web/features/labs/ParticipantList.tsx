// Who takes part in a lab, for its facilitators, with a way to remove someone (after a confirm step).
import {
  Button,
  ButtonGroup,
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
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  participant as participantSchema,
  participantList,
  type Lab,
  type Participant,
} from '../../../common/labs.ts';
import { api } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { formatDateTime } from '../../i18n/i18n.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';

/**
 * Lists everyone who joined the lab, removed people included; a facilitator may remove an active
 * participant, whose live connection the server then closes. The outcome is announced.
 */
export function ParticipantList({ lab, orgSlug }: { lab: Lab; orgSlug: string }) {
  const { t } = useTranslation('labs');
  const path = `/orgs/${orgSlug}/labs/${lab.id}/participants`;
  const participants = useApiData(path, participantList);
  const [status, setStatus] = useState<string | null>(null);
  const [focusAfterRemoval, setFocusAfterRemoval] = useState<string | null>(null);
  const rowHeaders = useRef(new Map<string, HTMLTableCellElement>());

  // The remove button disappears with the removal; the person's name in the row is the next stop.
  useEffect(() => {
    if (!focusAfterRemoval) return;
    rowHeaders.current.get(focusAfterRemoval)?.focus();
    setFocusAfterRemoval(null);
  }, [focusAfterRemoval]);

  async function remove(person: Participant) {
    const removed = await api('POST', `${path}/${person.id}/remove`, {
      schema: participantSchema,
    });
    participants.update((current) => ({
      participants: current.participants.map((candidate) =>
        candidate.id === removed.id ? removed : candidate,
      ),
    }));
    setStatus(t('participants.removed', { name: person.displayName }));
    setFocusAfterRemoval(person.id);
  }

  async function refresh() {
    setStatus(null);
    await participants.reload();
    setStatus(t('participants.refreshed'));
  }

  // Nobody can change a closed lab, so its list has no actions at all.
  const hasActions = lab.status !== 'closed';
  const mayRemove = (person: Participant) =>
    person.removedAt === null && person.role !== 'facilitator';

  return (
    <section aria-labelledby="lab-participants-title">
      <Heading2 id="lab-participants-title">{t('participants.title')}</Heading2>
      <Paragraph>{t('participants.intro')}</Paragraph>
      <ButtonGroup>
        <Button
          appearance="secondary-action-button"
          busy={participants.isLoading}
          onClick={() => void refresh()}
        >
          {t('participants.refresh')}
        </Button>
      </ButtonGroup>
      <StatusMessage message={status} />
      <LoadState resource={participants}>
        {(data) =>
          data.participants.length === 0 ? (
            <Paragraph>{t('participants.empty')}</Paragraph>
          ) : (
            <Table>
              <TableCaption>{t('participants.caption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('participants.columns.name')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('participants.columns.kind')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('participants.columns.role')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('participants.columns.joined')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('participants.columns.status')}</TableHeaderCell>
                  {hasActions && (
                    <TableHeaderCell scope="col">
                      {t('participants.columns.actions')}
                    </TableHeaderCell>
                  )}
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.participants.map((person) => (
                  <TableRow key={person.id}>
                    <TableHeaderCell
                      scope="row"
                      tabIndex={-1}
                      ref={(element: HTMLTableCellElement | null) => {
                        if (element) rowHeaders.current.set(person.id, element);
                        else rowHeaders.current.delete(person.id);
                      }}
                    >
                      {person.displayName}
                    </TableHeaderCell>
                    <TableCell>{t(`participantKinds.${person.kind}`)}</TableCell>
                    <TableCell>{t(`participantRoles.${person.role}`)}</TableCell>
                    <TableCell>{formatDateTime(person.joinedAt)}</TableCell>
                    <TableCell>
                      {person.removedAt
                        ? t('participants.removedAt', { date: formatDateTime(person.removedAt) })
                        : t('participants.active')}
                    </TableCell>
                    {hasActions && (
                      <TableCell>
                        {mayRemove(person) && (
                          <ConfirmAction
                            label={
                              <>
                                {t('participants.remove')}
                                <span className="stadshart-visually-hidden">
                                  : {person.displayName}
                                </span>
                              </>
                            }
                            question={t('participants.confirmRemove', { name: person.displayName })}
                            confirmLabel={t('participants.confirmRemoveButton')}
                            onConfirm={() => remove(person)}
                          />
                        )}
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )
        }
      </LoadState>
    </section>
  );
}
