// One kept mail, shown as the plain text it is; only links back to this site are clickable.
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading1,
  Paragraph,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { outboxMessage } from '../../../common/outbox.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime } from '../../i18n/i18n.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { useApiData } from '../../api/useApiData.ts';
import { useOrgRole } from '../orgs/useOrgRole.ts';
import { splitMailText } from './mailText.ts';

/** Shows who a kept mail went to, when, and its full text (never rendered as HTML). */
export function OutboxMessagePage() {
  const { t } = useTranslation('outbox');
  const { orgSlug } = useOrgRole();
  const { messageId = '' } = useParams<{ messageId: string }>();
  const message = useApiData(
    `/orgs/${orgSlug}/outbox/${encodeURIComponent(messageId)}`,
    outboxMessage,
  );
  const title = message.data ? message.data.subject || t('noSubject') : t('message.title');
  usePageTitle(title);

  return (
    <>
      <Heading1>{title}</Heading1>
      <Paragraph>
        <Link to={`/o/${orgSlug}/outbox`} className="utrecht-link">
          {t('message.back')}
        </Link>
      </Paragraph>
      <LoadState resource={message} forbidden={t('onlyAdmins')}>
        {(data) => (
          <>
            <DataList>
              <DataListItem>
                <DataListKey>{t('columns.to')}</DataListKey>
                <DataListValue>{data.to}</DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>{t('columns.time')}</DataListKey>
                <DataListValue>
                  <time dateTime={data.createdAt}>{formatDateTime(data.createdAt)}</time>
                </DataListValue>
              </DataListItem>
            </DataList>
            <Paragraph>{t('message.textHint')}</Paragraph>
            <pre className="stadshart-mail">
              {splitMailText(data.text, window.location.origin).map((segment, index) =>
                segment.kind === 'link' ? (
                  <a key={index} href={segment.href} className="utrecht-link">
                    {segment.href}
                  </a>
                ) : (
                  segment.text
                ),
              )}
            </pre>
          </>
        )}
      </LoadState>
    </>
  );
}
