// The editor of one knowledge item: its details, its body (live, with others), its images, the
// review workflow and its history.
import { Heading1, Heading2, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { knowledgeItem, type KnowledgeItem } from '../../../common/knowledge.ts';
import { useApiData } from '../../api/useApiData.ts';
import { FlashMessage } from '../../components/FlashMessage.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useOrgRole } from '../orgs/useOrgRole.ts';
import { KnowledgeBodyEditor } from './KnowledgeBodyEditor.tsx';
import { KnowledgeHistory } from './KnowledgeHistory.tsx';
import { KnowledgeImages } from './KnowledgeImages.tsx';
import { KnowledgeMetadataForm } from './KnowledgeMetadataForm.tsx';
import { KnowledgeWorkflow } from './KnowledgeWorkflow.tsx';

function KnowledgeEditor({
  orgSlug,
  item,
  onChanged,
}: {
  orgSlug: string;
  item: KnowledgeItem;
  onChanged: (item: KnowledgeItem) => void;
}) {
  const { t } = useTranslation('knowledge');
  return (
    <>
      <Heading1>{item.title}</Heading1>
      <FlashMessage />
      <Paragraph>
        {t(`kinds.${item.kind}`)} ·{' '}
        <StatusBadge status={item.status}>
          {t('editor.statusLine', { status: t(`statuses.${item.status}`) })}
        </StatusBadge>
      </Paragraph>
      {item.reviewNote && item.status === 'draft' && (
        <Paragraph>{t('editor.reviewNote', { note: item.reviewNote })}</Paragraph>
      )}
      {item.status === 'published' && (
        <Paragraph>
          {/* Server-rendered public page: a full page load, not an app route. */}
          <a href={`/kennisbank/${item.slug}`} className="utrecht-link">
            {t('editor.publicPage')}
          </a>
        </Paragraph>
      )}
      {!item.can.edit && <Paragraph>{t('editor.readOnly')}</Paragraph>}

      <section aria-labelledby="knowledge-metadata">
        <Heading2 id="knowledge-metadata">{t('editor.metadataTitle')}</Heading2>
        <KnowledgeMetadataForm orgSlug={orgSlug} item={item} onSaved={onChanged} />
        <Paragraph>{t('editor.attribution', { line: item.attributionLine })}</Paragraph>
      </section>

      <section aria-labelledby="knowledge-body">
        <Heading2 id="knowledge-body">{t('editor.bodyTitle')}</Heading2>
        <KnowledgeBodyEditor
          orgSlug={orgSlug}
          itemId={item.id}
          documentName={item.documentName}
          readOnly={!item.can.edit}
          label={t('fields.body')}
        />
      </section>

      <KnowledgeImages
        orgSlug={orgSlug}
        itemId={item.id}
        images={item.images}
        canEdit={item.can.edit}
        headingLevel={2}
        onChange={(images) => onChanged({ ...item, images })}
      />

      <KnowledgeWorkflow orgSlug={orgSlug} item={item} headingLevel={2} onChanged={onChanged} />

      <KnowledgeHistory
        // Each workflow step changes the status or its moment; a new key loads the history anew.
        key={`${item.status}:${item.publishedAt ?? ''}:${item.reviewNote ?? ''}`}
        orgSlug={orgSlug}
        itemId={item.id}
        headingLevel={2}
      />

      <Paragraph>
        <Link to={`/o/${orgSlug}/kennisbank`} className="utrecht-link">
          {t('editor.back')}
        </Link>
      </Paragraph>
    </>
  );
}

/** /o/:orgSlug/kennisbank/:itemId: the item's editor for members of its organisation. */
export function KnowledgeItemPage() {
  const { t } = useTranslation('knowledge');
  const { orgSlug } = useOrgRole();
  const { itemId = '' } = useParams<{ itemId: string }>();
  const item = useApiData(`/orgs/${orgSlug}/knowledge/${itemId}`, knowledgeItem);
  usePageTitle(item.data?.title ?? t('editor.loadingTitle'));

  if (!item.data) {
    return (
      <>
        <Heading1>{t('editor.loadingTitle')}</Heading1>
        <LoadState resource={item}>{() => null}</LoadState>
      </>
    );
  }
  return (
    <KnowledgeEditor orgSlug={orgSlug} item={item.data} onChanged={(next) => item.setData(next)} />
  );
}
