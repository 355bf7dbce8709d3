// What happened to an item, oldest first: created, submitted, returned (with the note), published.
import { Heading, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { knowledgeHistory } from '../../../common/knowledge.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { formatDateTime } from '../../i18n/i18n.ts';

/** The history list, loaded once; the editor remounts it (a new `key`) after a workflow step. */
export function KnowledgeHistory({
  orgSlug,
  itemId,
  headingLevel,
}: {
  orgSlug: string;
  itemId: string;
  headingLevel: number;
}) {
  const { t } = useTranslation('knowledge');
  const headingId = useId();
  const history = useApiData(`/orgs/${orgSlug}/knowledge/${itemId}/history`, knowledgeHistory);

  return (
    <section aria-labelledby={headingId}>
      <Heading level={headingLevel} id={headingId}>
        {t('history.title')}
      </Heading>
      <LoadState resource={history}>
        {(data) =>
          data.events.length === 0 ? (
            <Paragraph>{t('history.empty')}</Paragraph>
          ) : (
            <OrderedList>
              {data.events.map((event) => (
                <OrderedListItem key={event.id}>
                  <time dateTime={event.at}>{formatDateTime(event.at)}</time>:{' '}
                  {t(`history.actions.${event.action}`)}{' '}
                  {t('history.by', { name: event.actor ?? t('history.someone') })}
                  {event.note && <> — {t('history.note', { note: event.note })}</>}
                </OrderedListItem>
              ))}
            </OrderedList>
          )
        }
      </LoadState>
    </section>
  );
}
