// A report document (cover, sections, blocks, licence) as accessible HTML. The report page shows
// its preview and finalised versions with it; other pages (the knowledge base) may reuse it.
import {
  Blockquote,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Link,
  OrderedList,
  OrderedListItem,
  Paragraph,
  TableCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  licenceInfo,
  type ReportBlock,
  type ReportCover,
  type ReportDocument,
} from '../../../common/reports.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { NoValue } from '../../components/NoValue.tsx';
import { formatDateTime, formatNumber } from '../../i18n/i18n.ts';
import { ReportChart } from './ReportChart.tsx';
import { RichTextView } from './RichTextView.tsx';

function level(n: number): number {
  return Math.min(6, n);
}

function Cover({ cover }: { cover: ReportCover }) {
  const { t } = useTranslation('reports');
  const rows: { key: string; label: string; value: string | null }[] = [
    { key: 'org', label: t('document.org'), value: cover.orgName },
    {
      key: 'places',
      label: t('document.places'),
      value: cover.places.length > 0 ? cover.places.join(', ') : null,
    },
    { key: 'region', label: t('document.region'), value: cover.region },
    {
      key: 'date',
      label: t('document.date'),
      value: cover.date ? formatDateTime(cover.date, { dateStyle: 'long' }) : null,
    },
    { key: 'venue', label: t('document.venue'), value: cover.venue || null },
    {
      key: 'facilitators',
      label: t('document.facilitators'),
      value: cover.facilitators.length > 0 ? cover.facilitators.join(', ') : null,
    },
    {
      key: 'participants',
      label: t('document.participants'),
      value: formatNumber(cover.participantCount),
    },
  ];
  return (
    <>
      {cover.question && <Paragraph lead>{cover.question}</Paragraph>}
      <DataList>
        {rows.map((row) => (
          <DataListItem key={row.key}>
            <DataListKey>{row.label}</DataListKey>
            <DataListValue>{row.value ?? <NoValue />}</DataListValue>
          </DataListItem>
        ))}
      </DataList>
      {cover.anonymous && <Paragraph>{t('document.anonymous')}</Paragraph>}
    </>
  );
}

function Cell({ value }: { value: string | number | null }) {
  if (value === null || value === '') return <NoValue />;
  return <>{typeof value === 'number' ? formatNumber(value) : value}</>;
}

/** One block of a section; `headingLevel` is the level of headings inside the section. */
export function ReportBlockView({
  block,
  headingLevel,
}: {
  block: ReportBlock;
  headingLevel: number;
}) {
  const { t } = useTranslation('reports');
  switch (block.type) {
    case 'paragraph':
      return <Paragraph className="stadshart-multiline">{block.text}</Paragraph>;
    case 'heading':
      return <Heading level={level(headingLevel)}>{block.text}</Heading>;
    case 'list':
      return block.ordered ? (
        <OrderedList>
          {block.items.map((item, index) => (
            <OrderedListItem key={index}>{item}</OrderedListItem>
          ))}
        </OrderedList>
      ) : (
        <UnorderedList>
          {block.items.map((item, index) => (
            <UnorderedListItem key={index}>{item}</UnorderedListItem>
          ))}
        </UnorderedList>
      );
    case 'table':
      return (
        <div className="stadshart-trendscan-table">
          <DataTable caption={block.caption} columns={block.columns}>
            {block.rows.length === 0 ? (
              <TableRow>
                <TableCell colSpan={Math.max(1, block.columns.length)}>
                  {t('document.emptyTable')}
                </TableCell>
              </TableRow>
            ) : (
              block.rows.map((row, rowIndex) => (
                <TableRow key={rowIndex}>
                  {row.map((value, cellIndex) => (
                    <TableCell key={cellIndex}>
                      <Cell value={value} />
                    </TableCell>
                  ))}
                </TableRow>
              ))
            )}
          </DataTable>
        </div>
      );
    case 'chart':
      return <ReportChart block={block} />;
    case 'quote':
      return (
        <Blockquote
          className="stadshart-multiline"
          caption={block.author ? `— ${block.author}` : t('document.anonymousQuote')}
        >
          <Paragraph>{block.text}</Paragraph>
        </Blockquote>
      );
    case 'rich':
      return <RichTextView doc={block.doc} headingLevel={level(headingLevel)} />;
  }
}

/**
 * Renders a report document. `headingLevel` is the level of its title (2 by default, so it fits
 * under a page's Heading1); sections sit one level deeper and their headings deeper still.
 */
export function ReportDocumentView({
  document,
  headingLevel = 2,
}: {
  document: ReportDocument;
  headingLevel?: number;
}) {
  const { t } = useTranslation('reports');
  const id = useId();
  const licence = licenceInfo[document.licence.code];
  return (
    <article className="stadshart-report-document" aria-labelledby={`${id}-title`}>
      <Heading level={level(headingLevel)} id={`${id}-title`}>
        {document.cover.title}
      </Heading>
      <Cover cover={document.cover} />
      {document.sections.map((section, index) => (
        <section key={section.key} aria-labelledby={`${id}-section-${index}`}>
          <Heading level={level(headingLevel + 1)} id={`${id}-section-${index}`}>
            {section.title}
          </Heading>
          {section.blocks.length === 0 && <Paragraph>{t('document.emptySection')}</Paragraph>}
          {section.blocks.map((block, blockIndex) => (
            <ReportBlockView key={blockIndex} block={block} headingLevel={headingLevel + 2} />
          ))}
        </section>
      ))}
      <footer>
        <Paragraph small>
          {document.licence.line}
          {licence.url && (
            <>
              {' · '}
              <Link href={licence.url} rel="license">
                {t('document.licenceLink', { licence: licence.name })}
              </Link>
            </>
          )}
        </Paragraph>
      </footer>
    </article>
  );
}
