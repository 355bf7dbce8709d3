// The admin's view of mail kept on disk when no SMTP server is configured.
import {
  Alert,
  Heading1,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { outboxList } from '../../../common/outbox.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime } from '../../i18n/i18n.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { useApiData } from '../../api/useApiData.ts';
import { useOrgRole } from '../orgs/useOrgRole.ts';
import { newestFirst } from './messageOrder.ts';

/** Lists the mail sent to members of this organisation, newest first, each linking to its full text. */
export function OutboxPage() {
  const { t } = useTranslation('outbox');
  const { orgSlug } = useOrgRole();
  usePageTitle(t('list.title'));
  const outbox = useApiData(`/orgs/${orgSlug}/outbox`, outboxList);

  return (
    <>
      <Heading1>{t('list.title')}</Heading1>
      <LoadState resource={outbox} forbidden={t('onlyAdmins')}>
        {(data) =>
          !data.enabled ? (
            <Alert type="info">
              <Paragraph>{t('list.smtp')}</Paragraph>
            </Alert>
          ) : (
            <>
              <Paragraph>{t('list.intro')}</Paragraph>
              {data.messages.length === 0 ? (
                <Paragraph>{t('list.empty')}</Paragraph>
              ) : (
                <Table>
                  <TableCaption>{t('list.caption', { count: data.messages.length })}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('columns.subject')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('columns.to')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('columns.time')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {newestFirst(data.messages).map((message) => (
                      <TableRow key={message.id}>
                        <TableHeaderCell scope="row">
                          <Link
                            to={`/o/${orgSlug}/outbox/${encodeURIComponent(message.id)}`}
                            className="utrecht-link"
                          >
                            {message.subject || t('noSubject')}
                          </Link>
                        </TableHeaderCell>
                        <TableCell>{message.to}</TableCell>
                        <TableCell>
                          <time dateTime={message.createdAt}>
                            {formatDateTime(message.createdAt)}
                          </time>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </>
          )
        }
      </LoadState>
    </>
  );
}
