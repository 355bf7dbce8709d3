// The organisation's knowledge items with their status, filters by status and kind, and the form
// that starts a new item (kind + title) and opens it in the editor.
import {
  Button,
  ButtonGroup,
  Heading1,
  Heading2,
  Paragraph,
  StatusBadge,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  createKnowledgeRequest,
  knowledgeItem,
  knowledgeItemList,
  knowledgeKinds,
  knowledgeStatuses,
  type KnowledgeItemSummary,
  type KnowledgeKind,
} from '../../../common/knowledge.ts';
import { api } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { flashState, FlashMessage } from '../../components/FlashMessage.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { useApiForm } from '../../components/useApiForm.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime } from '../../i18n/i18n.ts';
import { useOrgRole } from '../orgs/useOrgRole.ts';
import { filterItems, type ListFilter } from './knowledgeModel.ts';

/** The filters and the table, for the page below and for tests. */
export function KnowledgeListView({
  orgSlug,
  items,
  filter,
  onFilter,
}: {
  orgSlug: string;
  items: readonly KnowledgeItemSummary[];
  filter: ListFilter;
  onFilter: (filter: ListFilter) => void;
}) {
  const { t } = useTranslation('knowledge');
  const shown = filterItems(items, filter);
  if (items.length === 0) return <Paragraph>{t('list.empty')}</Paragraph>;
  return (
    <>
      <div role="group" className="stadshart-filters" aria-label={t('list.filtersTitle')}>
        <SelectField
          name="statusFilter"
          label={t('list.statusFilter')}
          value={filter.status}
          onChange={(status) => onFilter({ ...filter, status: status as ListFilter['status'] })}
          options={[
            { value: 'all', label: t('list.all') },
            ...knowledgeStatuses.map((status) => ({
              value: status,
              label: t(`statuses.${status}`),
            })),
          ]}
        />
        <SelectField
          name="kindFilter"
          label={t('list.kindFilter')}
          value={filter.kind}
          onChange={(kind) => onFilter({ ...filter, kind: kind as ListFilter['kind'] })}
          options={[
            { value: 'all', label: t('list.all') },
            ...knowledgeKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) })),
          ]}
        />
      </div>
      {shown.length === 0 ? (
        <Paragraph role="status">{t('list.noMatch')}</Paragraph>
      ) : (
        <Table>
          <TableCaption>{t('list.caption', { count: shown.length })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('list.columns.title')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('list.columns.kind')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('list.columns.status')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('list.columns.updated')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((item) => (
              <TableRow key={item.id}>
                <TableHeaderCell scope="row">
                  <Link to={`/o/${orgSlug}/kennisbank/${item.id}`} className="utrecht-link">
                    {item.title}
                  </Link>
                </TableHeaderCell>
                <TableCell>{t(`kinds.${item.kind}`)}</TableCell>
                <TableCell>
                  <StatusBadge status={item.status}>{t(`statuses.${item.status}`)}</StatusBadge>
                  {item.membersOnly && <> ({t('list.membersOnly')})</>}
                </TableCell>
                <TableCell>
                  <time dateTime={item.updatedAt}>{formatDateTime(item.updatedAt)}</time>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}

/** The "new item" form: kind and title; on success it opens the editor. */
export function CreateKnowledgeForm({ orgSlug }: { orgSlug: string }) {
  const { t } = useTranslation('knowledge');
  const navigate = useNavigate();
  const { errors, isSubmitting, submit } = useApiForm();
  const [kind, setKind] = useState<KnowledgeKind>('best_practice');
  const [title, setTitle] = useState('');

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const created = await submit(createKnowledgeRequest, { kind, title }, (input) =>
      api('POST', `/orgs/${orgSlug}/knowledge`, { body: input, schema: knowledgeItem }),
    );
    if (!created) return;
    await navigate(`/o/${orgSlug}/kennisbank/${created.id}`, {
      state: flashState(t('create.created', { title: created.title })),
    });
  }

  return (
    <section aria-labelledby="knowledge-new">
      <Heading2 id="knowledge-new">{t('create.title')}</Heading2>
      <Paragraph>{t('create.intro')}</Paragraph>
      <ErrorSummary
        errors={errors}
        fieldLabels={{ kind: t('fields.kind'), title: t('fields.title') }}
      />
      <form noValidate onSubmit={(event) => void handleSubmit(event)} className="stadshart-form">
        <SelectField
          name="kind"
          label={t('fields.kind')}
          value={kind}
          onChange={(value) => setKind(value as KnowledgeKind)}
          options={knowledgeKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          error={errors.fields.kind}
          required
        />
        <TextField
          name="title"
          label={t('fields.title')}
          value={title}
          onChange={setTitle}
          error={errors.fields.title}
          required
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={isSubmitting}>
            {t('create.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** /o/:orgSlug/kennisbank: every item of the organisation, and a new one. */
export function KnowledgeListPage() {
  const { t } = useTranslation('knowledge');
  const { orgSlug } = useOrgRole();
  usePageTitle(t('list.title'));
  const items = useApiData(`/orgs/${orgSlug}/knowledge`, knowledgeItemList);
  const [filter, setFilter] = useState<ListFilter>({ status: 'all', kind: 'all' });

  return (
    <>
      <Heading1>{t('list.title')}</Heading1>
      <FlashMessage />
      <Paragraph>{t('list.intro')}</Paragraph>
      <Paragraph>
        {/* The public pages are rendered by the server: a full page load, not an app route. */}
        <a href="/kennisbank" className="utrecht-link">
          {t('list.publicLink')}
        </a>
      </Paragraph>
      <LoadState resource={items}>
        {(data) => (
          <KnowledgeListView
            orgSlug={orgSlug}
            items={data.items}
            filter={filter}
            onFilter={setFilter}
          />
        )}
      </LoadState>
      <CreateKnowledgeForm orgSlug={orgSlug} />
    </>
  );
}
