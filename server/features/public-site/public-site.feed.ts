// The Atom 1.0 feed (RFC 4287) of the newest public knowledge items.
import { attributionLine, licenceCode } from '../../../common/reports.ts';
import { messagesFor, type PublicSiteLocale } from './public-site.messages.ts';
import { FEED_PATH, KNOWLEDGE_PATH } from './public-site.pages.ts';
import type { FeedItemRow } from './public-site.repo.ts';

/** How many items the feed lists. */
export const FEED_SIZE = 50;

/** Escapes text for XML content and attributes, dropping characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- these are exactly the characters XML forbids
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[&<>"']/g, (c) =>
        c === '&'
          ? '&amp;'
          : c === '<'
            ? '&lt;'
            : c === '>'
              ? '&gt;'
              : c === '"'
                ? '&quot;'
                : '&apos;',
      )
  );
}

/** When an entry last changed: its last edit or its last publication, whichever is later. */
export function entryUpdated(row: FeedItemRow): Date {
  const published = row.publishedAt?.getTime() ?? 0;
  return new Date(Math.max(row.updatedAt.getTime(), published));
}

/** When the feed as a whole last changed (the newest entry), or the epoch for an empty feed. */
export function feedUpdated(rows: readonly FeedItemRow[]): Date {
  return new Date(Math.max(0, ...rows.map((row) => entryUpdated(row).getTime())));
}

/** Renders the feed document; ids are urn:uuid of the item so they survive a new slug. */
export function renderAtomFeed(
  rows: readonly FeedItemRow[],
  options: { publicUrl: string; locale: PublicSiteLocale },
): string {
  const m = messagesFor(options.locale);
  const base = options.publicUrl;
  const lines: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${options.locale}">`,
    `  <id>${escapeXml(`${base}${FEED_PATH}`)}</id>`,
    `  <title type="text">${escapeXml(m.feed.title)}</title>`,
    `  <subtitle type="text">${escapeXml(m.feed.subtitle)}</subtitle>`,
    `  <updated>${feedUpdated(rows).toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${base}${FEED_PATH}`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(`${base}${KNOWLEDGE_PATH}`)}"/>`,
    `  <author><name>${escapeXml(m.siteName)}</name></author>`,
    '  <generator>Stadshart</generator>',
  ];
  for (const row of rows) {
    const published = row.firstPublishedAt ?? row.publishedAt ?? row.updatedAt;
    const licence = licenceCode.safeParse(row.licence);
    const rights = attributionLine({
      attribution: row.attribution,
      orgName: row.orgName,
      // The same year as the item page's line (knowledge.presenter.ts presentAttributionLine).
      year: (row.firstPublishedAt ?? row.createdAt).getFullYear(),
      licence: licence.success ? licence.data : 'all-rights-reserved',
    });
    const href = `${base}${KNOWLEDGE_PATH}/${encodeURIComponent(row.slug)}`;
    lines.push(
      '  <entry>',
      `    <id>urn:uuid:${escapeXml(row.id)}</id>`,
      `    <title type="text">${escapeXml(row.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(href)}"/>`,
      `    <published>${published.toISOString()}</published>`,
      `    <updated>${entryUpdated(row).toISOString()}</updated>`,
      `    <author><name>${escapeXml(row.orgName)}</name></author>`,
      `    <category term="${escapeXml(row.kind)}" label="${escapeXml(m.kinds[row.kind])}"/>`,
      `    <summary type="text">${escapeXml(row.summary.trim() || row.title)}</summary>`,
      `    <rights type="text">${escapeXml(rights)}</rights>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
