// The public knowledge-base pages as HTML: layout, search page, item page and error pages. Pure
// functions from data to markup; the routes decide who sees what and how long it may be cached.
import type {
  PublicKnowledgeItem,
  SearchFacetName,
  SearchHit,
  SearchQuery,
  SearchResult,
} from '../../../common/knowledge.ts';
import {
  barometerThemes,
  knowledgeKinds,
  searchFacetNames,
  sizeClasses,
  type KnowledgeStatus,
} from '../../../common/knowledge.ts';
import { licenceInfo } from '../../../common/reports.ts';
import { richBlocks, type RichDoc, type RichSpan } from '../../../common/richtext.ts';
import { isSafeHref, markup, rawHtml, type SafeHtml } from './public-site.html.ts';
import {
  messagesFor,
  type PublicSiteLocale,
  type PublicSiteMessages,
} from './public-site.messages.ts';

export const KNOWLEDGE_PATH = '/kennisbank';
export const FEED_PATH = '/kennisbank/feed.atom';

/** What every page needs besides its content. */
export interface PageFrame {
  locale: PublicSiteLocale;
  /** Absolute base URL of the site (config.PUBLIC_URL), for canonical and Open Graph links. */
  publicUrl: string;
  /** Where the one stylesheet is served, with its content hash. */
  stylesheetHref: string;
  /** The current path and query, so the language switch returns to the same page. */
  currentPath: string;
}

const rel = 'nofollow noopener';
const linkClass = 'utrecht-link utrecht-link--html-a';

/** The path with ?lang=en added when the page is English, so links keep the chosen language. */
export function withLocale(path: string, locale: PublicSiteLocale): string {
  if (locale === 'nl') return path;
  return `${path}${path.includes('?') ? '&' : '?'}lang=en`;
}

function switchLocalePath(currentPath: string, locale: PublicSiteLocale): string {
  const url = new URL(currentPath, 'http://localhost');
  url.searchParams.delete('lang');
  if (locale === 'nl') url.searchParams.set('lang', 'en');
  return url.pathname + url.search;
}

// Only a path on this site: an edit link never leads to another host.
function isLocalPath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !path.includes('\\');
}

function formatDate(iso: string, locale: PublicSiteLocale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
}

/** The whole document around a page's main content. */
export function renderLayout(
  frame: PageFrame,
  page: {
    title: string;
    main: SafeHtml;
    head?: SafeHtml;
    /** Pages only some people may see must not end up in a search engine. */
    noindex?: boolean;
  },
): string {
  const m = messagesFor(frame.locale);
  const other = frame.locale === 'nl' ? 'en' : 'nl';
  const doc = markup`<!doctype html>
<html lang="${frame.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${page.title} · ${m.siteName}</title>
<link rel="stylesheet" href="${frame.stylesheetHref}">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="alternate" type="application/atom+xml" title="${m.feed.title}" href="${frame.publicUrl}${FEED_PATH}">
${page.noindex ? rawHtml('<meta name="robots" content="noindex">\n') : ''}${page.head ?? ''}
</head>
<body class="utrecht-document voorbeeld-theme stadshart-theme">
<div class="utrecht-page ps-page">
<a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">${m.skipLink}</a>
<header class="utrecht-page-header"><div class="stadshart-header">
<a class="stadshart-header__brand" href="/">${m.siteName}</a>
<nav aria-label="${m.navLabel}"><ul class="stadshart-nav">
<li><a class="${linkClass}" href="${withLocale(KNOWLEDGE_PATH, frame.locale)}">${m.navKnowledge}</a></li>
<li><a class="${linkClass}" href="${FEED_PATH}">${m.navFeed}</a></li>
<li><a class="${linkClass}" href="/sign-in">${m.navApp}</a></li>
<li><a class="${linkClass}" lang="${other}" hreflang="${other}" href="${switchLocalePath(frame.currentPath, frame.locale)}">${m.switchLanguage}</a></li>
</ul></nav>
</div></header>
<main id="inhoud" tabindex="-1" class="utrecht-page-content stadshart-main ps-main">
${page.main}
</main>
<footer class="utrecht-page-footer ps-footer">
<p class="utrecht-paragraph">${m.footer}</p>
<p class="utrecht-paragraph"><a class="${linkClass}" href="/.well-known/security.txt">${m.footerSecurity}</a></p>
</footer>
</div>
</body>
</html>
`;
  return doc.value;
}

// ---------------------------------------------------------------------------------------------
// Rich text

function renderSpans(spans: readonly RichSpan[]): SafeHtml {
  return markup`${spans.map((span) => {
    const lines = span.text.split('\n');
    let inner = markup`${lines.map((line, i) => markup`${i > 0 ? rawHtml('<br>') : ''}${line}`)}`;
    if (span.italic) inner = markup`<em>${inner}</em>`;
    if (span.bold) inner = markup`<strong>${inner}</strong>`;
    if (span.href && isSafeHref(span.href)) {
      inner = markup`<a class="${linkClass}" href="${span.href.trim()}" rel="${rel}">${inner}</a>`;
    }
    return inner;
  })}`;
}

/** Renders a rich text (through richBlocks, the one reader of editor JSON) as escaped HTML. */
export function renderRichText(doc: RichDoc | null | undefined): SafeHtml {
  const out: SafeHtml[] = [];
  const lists: { tag: 'ul' | 'ol'; level: number }[] = [];
  let quote: SafeHtml[] | null = null;
  const closeList = () => {
    const list = lists.pop();
    if (list) out.push(rawHtml(`</li></${list.tag}>`));
  };
  const closeQuote = () => {
    if (quote) out.push(markup`<blockquote class="utrecht-blockquote">${quote}</blockquote>`);
    quote = null;
  };
  for (const block of richBlocks(doc)) {
    if (block.type === 'bulletItem' || block.type === 'orderedItem') {
      closeQuote();
      const tag = block.type === 'bulletItem' ? 'ul' : 'ol';
      let top = lists.at(-1);
      while (top && (top.level > block.level || (top.level === block.level && top.tag !== tag))) {
        closeList();
        top = lists.at(-1);
      }
      if (top && top.level === block.level) {
        out.push(rawHtml('</li><li>'));
      } else {
        // A nested list opens inside the open item of its parent list.
        const cls = tag === 'ul' ? 'utrecht-unordered-list' : 'utrecht-ordered-list';
        out.push(rawHtml(`<${tag} class="${cls}"><li>`));
        lists.push({ tag, level: block.level });
      }
      out.push(renderSpans(block.spans));
      continue;
    }
    while (lists.length > 0) closeList();
    if (block.type === 'quote') {
      quote ??= [];
      quote.push(markup`<p class="utrecht-paragraph">${renderSpans(block.spans)}</p>`);
      continue;
    }
    closeQuote();
    if (block.spans.length === 0) continue;
    if (block.type === 'heading') {
      const level = block.level === 3 ? 3 : 2;
      out.push(
        rawHtml(`<h${level} class="utrecht-heading-${level}">`),
        renderSpans(block.spans),
        rawHtml(`</h${level}>`),
      );
    } else {
      out.push(markup`<p class="utrecht-paragraph">${renderSpans(block.spans)}</p>`);
    }
  }
  while (lists.length > 0) closeList();
  closeQuote();
  return markup`${out}`;
}

// ---------------------------------------------------------------------------------------------
// Search page

function labelOfFacet(m: PublicSiteMessages, facet: SearchFacetName, value: string): string {
  if (facet === 'kind' && (knowledgeKinds as readonly string[]).includes(value)) {
    return m.kinds[value as keyof PublicSiteMessages['kinds']];
  }
  if (facet === 'theme' && (barometerThemes as readonly string[]).includes(value)) {
    return m.themes[value as keyof PublicSiteMessages['themes']];
  }
  if (facet === 'size' && (sizeClasses as readonly string[]).includes(value)) {
    return m.sizes[value as keyof PublicSiteMessages['sizes']];
  }
  return value;
}

/** The /kennisbank URL for a query; defaults are left out so links stay short and shareable. */
export function searchPath(query: SearchQuery, locale: PublicSiteLocale): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const facet of searchFacetNames) {
    for (const value of query[facet]) params.append(facet, String(value));
  }
  if (query.sort !== 'relevance') params.set('sort', query.sort);
  if (query.page !== 1) params.set('page', String(query.page));
  if (query.pageSize !== 20) params.set('pageSize', String(query.pageSize));
  if (locale === 'en') params.set('lang', 'en');
  const search = params.toString();
  return search ? `${KNOWLEDGE_PATH}?${search}` : KNOWLEDGE_PATH;
}

function statusBadges(
  m: PublicSiteMessages,
  item: { status: KnowledgeStatus; membersOnly: boolean },
): SafeHtml {
  const badges: string[] = [];
  if (item.status !== 'published') badges.push(m.status[item.status]);
  if (item.membersOnly) badges.push(m.membersOnly);
  if (badges.length === 0) return markup``;
  return markup`<ul class="ps-badges">${badges.map(
    (b) => markup`<li><span class="utrecht-badge-status ps-badge">${b}</span></li>`,
  )}</ul>`;
}

function renderHit(hit: SearchHit, locale: PublicSiteLocale): SafeHtml {
  const m = messagesFor(locale);
  const meta = [m.kinds[hit.kind], hit.orgName, ...hit.places];
  const snippet = hit.snippet.length > 0 ? hit.snippet : [{ text: hit.summary, hit: false }];
  const editPath = hit.editPath && isLocalPath(hit.editPath) ? hit.editPath : null;
  // Only published items have a public page; a member's draft opens in the web app's editor.
  const href =
    hit.status === 'published'
      ? withLocale(`${KNOWLEDGE_PATH}/${encodeURIComponent(hit.slug)}`, locale)
      : editPath;
  const date = hit.publishedAt
    ? markup` · <time datetime="${hit.publishedAt}">${formatDate(hit.publishedAt, locale)}</time>`
    : '';
  return markup`<li class="ps-hit">
<h3 class="utrecht-heading-3">${href ? markup`<a class="${linkClass}" href="${href}">${hit.title}</a>` : hit.title}</h3>
${statusBadges(m, hit)}
<p class="utrecht-paragraph ps-meta">${meta.join(' · ')}${date}</p>
<p class="utrecht-paragraph ps-snippet">${snippet.map((part) => (part.hit ? markup`<mark class="utrecht-mark">${part.text}</mark>` : part.text))}</p>
${editPath ? markup`<p class="utrecht-paragraph"><a class="${linkClass}" href="${editPath}">${m.search.edit}<span class="ps-visually-hidden">: ${hit.title}</span></a></p>` : ''}
</li>`;
}

function renderFacet(
  facet: SearchFacetName,
  query: SearchQuery,
  result: SearchResult,
  locale: PublicSiteLocale,
): SafeHtml {
  const m = messagesFor(locale);
  const selected = query[facet].map(String);
  const values = [...result.facets[facet]];
  // A chosen value with no matches left must stay visible, or it could not be unticked.
  for (const value of selected) {
    if (!values.some((v) => v.value === value)) values.push({ value, count: 0 });
  }
  if (values.length === 0) return markup``;
  const options = values.map((v, i) => {
    const id = `facet-${facet}-${i}`;
    const checked = selected.includes(v.value) ? rawHtml(' checked') : '';
    return markup`<div class="utrecht-form-field utrecht-form-field--checkbox">
<input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" form="kennisbank-zoeken" id="${id}" name="${facet}" value="${v.value}"${checked}>
<label class="utrecht-form-label utrecht-form-label--checkbox" for="${id}">${labelOfFacet(m, facet, v.value)} <span class="ps-count">(${v.count})</span></label>
</div>`;
  });
  return markup`<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ps-facet">
<legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${m.facets[facet]}</legend>
${options}
</fieldset>`;
}

function renderPagination(
  query: SearchQuery,
  result: SearchResult,
  locale: PublicSiteLocale,
): SafeHtml {
  const m = messagesFor(locale);
  const pages = Math.ceil(result.total / result.pageSize);
  if (pages <= 1) return markup``;
  const current = Math.min(result.page, pages);
  const link = (page: number) => searchPath({ ...query, page }, locale);
  const numbers: SafeHtml[] = [];
  for (let p = Math.max(1, current - 2); p <= Math.min(pages, current + 2); p++) {
    numbers.push(
      p === current
        ? markup`<li><a class="${linkClass}" aria-current="page" href="${link(p)}">${p}<span class="ps-visually-hidden"> (${m.search.pageOf(p, pages)})</span></a></li>`
        : markup`<li><a class="${linkClass}" href="${link(p)}" aria-label="${m.search.pageN(p)}">${p}</a></li>`,
    );
  }
  const previous =
    current > 1
      ? markup`<li><a class="${linkClass}" rel="prev" href="${link(current - 1)}">${m.search.previous}</a></li>`
      : '';
  const next =
    current < pages
      ? markup`<li><a class="${linkClass}" rel="next" href="${link(current + 1)}">${m.search.next}</a></li>`
      : '';
  return markup`<nav class="ps-pagination" aria-label="${m.search.pagination}"><ul>
${previous}${numbers}${next}
</ul></nav>`;
}

/** The search page: form, facets with counts, highlighted results, paging and a suggestion. */
export function renderSearchPage(
  frame: PageFrame,
  query: SearchQuery,
  result: SearchResult,
  options: { personal: boolean },
): string {
  const { locale } = frame;
  const s = messagesFor(locale).search;
  const hasFilters = searchFacetNames.some((f) => query[f].length > 0);
  const heading = query.q ? s.resultsFor(result.total, query.q) : s.results(result.total);
  const selected = (value: boolean) => (value ? rawHtml(' selected') : '');
  const noFilters = { kind: [], trend: [], theme: [], region: [], place: [], size: [], year: [] };
  const suggestion = result.suggestion
    ? markup`<p class="utrecht-paragraph ps-suggestion">${s.didYouMean} <a class="${linkClass}" href="${searchPath({ ...query, q: result.suggestion, page: 1 }, locale)}">${result.suggestion}</a>?</p>`
    : '';
  const clear = hasFilters
    ? markup`<p class="utrecht-paragraph"><a class="${linkClass}" href="${searchPath({ ...query, ...noFilters, page: 1 }, locale)}">${s.clearFilters}</a></p>`
    : '';
  const hits =
    result.hits.length === 0
      ? markup`<p class="utrecht-paragraph">${s.noResults}</p>`
      : markup`<ol class="ps-hits">${result.hits.map((hit) => renderHit(hit, locale))}</ol>`;
  const main = markup`<h1 class="utrecht-heading-1">${s.title}</h1>
<p class="utrecht-paragraph">${s.intro}</p>
<form id="kennisbank-zoeken" class="ps-search" role="search" method="get" action="${KNOWLEDGE_PATH}" aria-label="${s.formLabel}">
${locale === 'en' ? rawHtml('<input type="hidden" name="lang" value="en">') : ''}
<div class="utrecht-form-field ps-search__q">
<label class="utrecht-form-label" for="q">${s.queryLabel}</label>
<p class="utrecht-form-field-description" id="q-hint">${s.queryHint}</p>
<input class="utrecht-textbox utrecht-textbox--html-input" type="search" id="q" name="q" value="${query.q}" maxlength="200" aria-describedby="q-hint">
</div>
<div class="utrecht-form-field ps-search__sort">
<label class="utrecht-form-label" for="sort">${s.sortLabel}</label>
<select class="utrecht-select utrecht-select--html-select" id="sort" name="sort">
<option value="relevance"${selected(query.sort === 'relevance')}>${s.sortRelevance}</option>
<option value="date"${selected(query.sort === 'date')}>${s.sortDate}</option>
</select>
</div>
<button class="utrecht-button utrecht-button--primary-action ps-search__submit" type="submit">${s.submit}</button>
</form>
${suggestion}
<div class="ps-columns">
<section class="ps-facets" aria-labelledby="filters-title">
<h2 class="utrecht-heading-2" id="filters-title">${s.filtersTitle}</h2>
${searchFacetNames.map((facet) => renderFacet(facet, query, result, locale))}
<button class="utrecht-button utrecht-button--secondary-action" type="submit" form="kennisbank-zoeken">${s.applyFilters}</button>
${clear}
</section>
<section class="ps-results" aria-labelledby="results-title">
<h2 class="utrecht-heading-2" id="results-title">${heading}</h2>
${hits}
${renderPagination(query, result, locale)}
</section>
</div>`;
  return renderLayout(frame, {
    title: query.q ? `${query.q} · ${s.title}` : s.title,
    main,
    head: markup`<link rel="canonical" href="${frame.publicUrl}${KNOWLEDGE_PATH}">
<meta name="description" content="${s.intro}">`,
    // Result pages of searches are not worth indexing; the items themselves are.
    noindex: options.personal || query.q !== '' || hasFilters || query.page > 1,
  });
}

// ---------------------------------------------------------------------------------------------
// Item page

/** What only the route knows about an item: its state and what this viewer may do with it. */
export interface ItemPageState {
  status: KnowledgeStatus;
  membersOnly: boolean;
  /** Where a member of the item's organisation edits it; null for everybody else. */
  editPath: string | null;
}

function descriptionOf(item: PublicKnowledgeItem): string {
  const text = item.summary.trim() || item.title;
  return text.length > 200 ? `${text.slice(0, 197).trimEnd()}…` : text;
}

function detail(term: string, value: SafeHtml | string | null): SafeHtml {
  if (value === null || value === '') return markup``;
  return markup`<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">${term}</dt><dd class="utrecht-data-list__item-value">${value}</dd></div>
`;
}

/** The item page: metadata, body, images, licence with attribution, related items. */
export function renderItemPage(
  frame: PageFrame,
  item: PublicKnowledgeItem,
  state: ItemPageState,
): string {
  const { locale } = frame;
  const m = messagesFor(locale);
  const t = m.item;
  const canonical = `${frame.publicUrl}${KNOWLEDGE_PATH}/${encodeURIComponent(item.slug)}`;
  const licence = licenceInfo[item.licence];
  const isPublic = state.status === 'published' && !state.membersOnly;
  const images = item.images.filter((image) => isLocalPath(image.url));
  const join = (values: readonly string[]) => (values.length > 0 ? values.join(', ') : null);
  const time = (iso: string) => markup`<time datetime="${iso}">${formatDate(iso, locale)}</time>`;
  const edit =
    state.editPath && isLocalPath(state.editPath)
      ? markup`<p class="utrecht-paragraph"><a class="${linkClass}" href="${state.editPath}">${t.edit}</a></p>`
      : '';
  const imageSection =
    images.length > 0
      ? markup`<section aria-labelledby="afbeeldingen"><h2 class="utrecht-heading-2" id="afbeeldingen">${t.images}</h2>
${images.map((image) => markup`<figure class="utrecht-figure ps-figure"><img class="utrecht-img" src="${image.url}" alt="${image.alt}" loading="lazy"></figure>`)}
</section>`
      : '';
  const licenceText = licence.url
    ? markup`<a class="${linkClass}" rel="license ${rel}" href="${licence.url}">${licence.name}</a>. ${t.licenceIntro}`
    : markup`${licence.name}. ${t.allRightsReserved}`;
  const related =
    item.related.length > 0
      ? markup`<section class="ps-related" aria-labelledby="gerelateerd">
<h2 class="utrecht-heading-2" id="gerelateerd">${t.related}</h2>
<ul class="utrecht-unordered-list">${item.related.map(
          (r) =>
            markup`<li><a class="${linkClass}" href="${withLocale(`${KNOWLEDGE_PATH}/${encodeURIComponent(r.slug)}`, locale)}">${r.title}</a> <span class="ps-meta">(${m.kinds[r.kind]})</span></li>`,
        )}</ul>
</section>`
      : '';
  const main = markup`<article class="utrecht-article ps-item">
<p class="utrecht-paragraph ps-kicker">${m.kinds[item.kind]}</p>
<h1 class="utrecht-heading-1">${item.title}</h1>
${statusBadges(m, state)}
${edit}
${item.summary ? markup`<p class="utrecht-paragraph utrecht-paragraph--lead">${item.summary}</p>` : ''}
<h2 class="utrecht-heading-2 ps-visually-hidden">${t.details}</h2>
<dl class="utrecht-data-list ps-details">
${detail(t.kind, m.kinds[item.kind])}${detail(t.org, item.orgName)}${detail(t.places, join(item.places))}${detail(t.region, item.region)}${detail(t.trends, join(item.trends))}${detail(t.themes, join(item.themes.map((theme) => m.themes[theme])))}${detail(t.size, item.sizeClass ? m.sizes[item.sizeClass] : null)}${detail(t.date, time(item.publishedAt))}${item.updatedAt.slice(0, 10) !== item.publishedAt.slice(0, 10) ? detail(t.updated, time(item.updatedAt)) : ''}</dl>
<div class="ps-body">
${renderRichText(item.body)}
</div>
${imageSection}
<section class="ps-licence" aria-labelledby="licentie">
<h2 class="utrecht-heading-2" id="licentie">${t.licence}</h2>
<p class="utrecht-paragraph">${item.attributionLine}</p>
<p class="utrecht-paragraph">${licenceText}</p>
</section>
</article>
${related}
<p class="utrecht-paragraph"><a class="${linkClass}" href="${withLocale(KNOWLEDGE_PATH, locale)}">${t.backToSearch}</a></p>`;
  const firstImage = images[0];
  const description = descriptionOf(item);
  const head = markup`<link rel="canonical" href="${canonical}">
<meta name="description" content="${description}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="${m.siteName}">
<meta property="og:title" content="${item.title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${canonical}">
<meta property="og:locale" content="${locale === 'nl' ? 'nl_NL' : 'en_GB'}">
<meta property="article:published_time" content="${item.publishedAt}">
<meta property="article:modified_time" content="${item.updatedAt}">
${firstImage ? markup`<meta property="og:image" content="${frame.publicUrl}${firstImage.url}">\n<meta property="og:image:alt" content="${firstImage.alt}">` : ''}`;
  return renderLayout(frame, { title: item.title, main, head, noindex: !isPublic });
}

// ---------------------------------------------------------------------------------------------
// Errors

/** A 404 page that does not tell a visitor whether a hidden item exists. */
export function renderNotFoundPage(frame: PageFrame): string {
  const m = messagesFor(frame.locale);
  return renderLayout(frame, {
    title: m.errors.notFoundTitle,
    noindex: true,
    main: markup`<h1 class="utrecht-heading-1">${m.errors.notFoundTitle}</h1>
<p class="utrecht-paragraph">${m.errors.notFound}</p>
<p class="utrecht-paragraph"><a class="${linkClass}" href="${withLocale(KNOWLEDGE_PATH, frame.locale)}">${m.item.backToSearch}</a></p>`,
  });
}

/** A 400 page naming each wrong part of the query in words. */
export function renderBadRequestPage(
  frame: PageFrame,
  problems: readonly { field: string; message: string }[],
): string {
  const m = messagesFor(frame.locale);
  return renderLayout(frame, {
    title: m.errors.badRequestTitle,
    noindex: true,
    main: markup`<h1 class="utrecht-heading-1">${m.errors.badRequestTitle}</h1>
<p class="utrecht-paragraph">${m.errors.badRequest}</p>
<ul class="utrecht-unordered-list">${problems.map(
      (p) => markup`<li><strong>${m.fields[p.field] ?? p.field}</strong>: ${p.message}</li>`,
    )}</ul>
<p class="utrecht-paragraph"><a class="${linkClass}" href="${withLocale(KNOWLEDGE_PATH, frame.locale)}">${m.errors.badRequestHelp}</a></p>`,
  });
}

/** A 500 page without any detail of what failed (that goes to the log). */
export function renderServerErrorPage(frame: PageFrame): string {
  const m = messagesFor(frame.locale);
  return renderLayout(frame, {
    title: m.errors.serverTitle,
    noindex: true,
    main: markup`<h1 class="utrecht-heading-1">${m.errors.serverTitle}</h1>
<p class="utrecht-paragraph">${m.errors.server}</p>`,
  });
}
