// A published-to-be item as readers will see it: title, summary, tags, body, images and the
// attribution line. Read-only; the body goes through richBlocks like every renderer.
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { PublicKnowledgeItem } from '../../../common/knowledge.ts';
import { RichTextView } from '../reports/RichTextView.tsx';

/** Renders the item under a heading of `headingLevel` (the page's outline decides). */
export function KnowledgePreview({
  item,
  headingLevel,
}: {
  item: PublicKnowledgeItem;
  headingLevel: number;
}) {
  const { t } = useTranslation('knowledge');
  return (
    <article className="stadshart-knowledge-preview">
      <Heading level={headingLevel}>{item.title}</Heading>
      <Paragraph>
        {t(`kinds.${item.kind}`)} · {t('preview.by', { org: item.orgName })}
      </Paragraph>
      {item.summary && <Paragraph lead>{item.summary}</Paragraph>}
      {item.places.length > 0 && (
        <Paragraph>{t('preview.places', { list: item.places.join(', ') })}</Paragraph>
      )}
      {item.trends.length > 0 && (
        <Paragraph>{t('preview.trends', { list: item.trends.join(', ') })}</Paragraph>
      )}
      <RichTextView doc={item.body} headingLevel={Math.min(6, headingLevel + 1)} />
      {item.images.map((image) => (
        <figure key={image.id} className="stadshart-knowledge-figure">
          <img src={image.url} alt={image.alt} width={480} loading="lazy" />
        </figure>
      ))}
      <Paragraph className="stadshart-attribution">{item.attributionLine}</Paragraph>
    </article>
  );
}
