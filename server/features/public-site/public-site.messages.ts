// The words of the public knowledge-base pages and the feed, Dutch first. The pages are rendered on
// the server, so they cannot use the web app's i18next bundles; the same keys are translated here.
import type {
  BarometerTheme,
  KnowledgeKind,
  KnowledgeStatus,
  SearchFacetName,
  SizeClass,
} from '../../../common/knowledge.ts';

export const publicSiteLocales = ['nl', 'en'] as const;
export type PublicSiteLocale = (typeof publicSiteLocales)[number];

const nl = {
  siteName: 'Stadshart',
  skipLink: 'Naar de inhoud',
  navLabel: 'Hoofdmenu',
  navKnowledge: 'Kennisbank',
  navFeed: 'Atom-feed met nieuwe items',
  navApp: 'Inloggen',
  switchLanguage: 'English',
  footer:
    'De kennisbank van Stadshart: praktijkvoorbeelden en publicaties over de binnenstad van morgen.',
  footerSecurity: 'Beveiliging melden',
  search: {
    title: 'Kennisbank',
    intro:
      'Zoek in praktijkvoorbeelden, publicaties, blogs en verslagen van bijeenkomsten die gemeenten en hun partners hebben gedeeld.',
    formLabel: 'Zoeken in de kennisbank',
    queryLabel: 'Zoekwoorden',
    queryHint: 'Bijvoorbeeld: leegstand, regionale samenwerking, winkelen',
    sortLabel: 'Sorteren op',
    sortRelevance: 'Relevantie',
    sortDate: 'Datum, nieuwste eerst',
    submit: 'Zoeken',
    filtersTitle: 'Filteren',
    applyFilters: 'Filters toepassen',
    clearFilters: 'Alle filters wissen',
    results: (total: number) =>
      total === 1 ? '1 resultaat' : `${total.toLocaleString('nl-NL')} resultaten`,
    resultsFor: (total: number, query: string) =>
      `${total === 1 ? '1 resultaat' : `${total.toLocaleString('nl-NL')} resultaten`} voor “${query}”`,
    noResults:
      'Er is niets gevonden. Probeer andere of minder woorden, of zet een paar filters uit.',
    didYouMean: 'Bedoelde u',
    edit: 'Bewerken',
    pagination: 'Paginering',
    previous: 'Vorige pagina',
    next: 'Volgende pagina',
    pageN: (page: number) => `Pagina ${page}`,
    pageOf: (page: number, pages: number) => `Pagina ${page} van ${pages}`,
  },
  facets: {
    kind: 'Soort',
    trend: 'Trend',
    theme: 'Thema',
    region: 'Regio',
    place: 'Plaats',
    size: 'Grootte van de gemeente',
    year: 'Jaar',
  } satisfies Record<SearchFacetName, string>,
  item: {
    details: 'Over dit item',
    kind: 'Soort',
    org: 'Organisatie',
    places: 'Plaatsen',
    region: 'Regio',
    trends: 'Trends',
    themes: 'Thema’s',
    size: 'Grootte van de gemeente',
    date: 'Gepubliceerd',
    updated: 'Bijgewerkt',
    images: 'Afbeeldingen',
    licence: 'Licentie',
    licenceIntro: 'U mag dit werk delen en bewerken onder de voorwaarden van de licentie.',
    allRightsReserved: 'Neem contact op met de organisatie als u dit werk wilt hergebruiken.',
    related: 'Gerelateerde items',
    edit: 'Dit item bewerken',
    backToSearch: 'Terug naar de kennisbank',
  },
  status: {
    draft: 'Concept',
    in_review: 'Ter beoordeling',
    published: 'Gepubliceerd',
    unpublished: 'Teruggetrokken',
  } satisfies Record<KnowledgeStatus, string>,
  membersOnly: 'Alleen voor leden',
  kinds: {
    best_practice: 'Praktijkvoorbeeld',
    publication: 'Publicatie',
    blog: 'Blog',
    event_report: 'Verslag van een bijeenkomst',
  } satisfies Record<KnowledgeKind, string>,
  themes: {
    economie: 'Economie',
    veerkracht: 'Veerkracht',
    inclusiviteit: 'Inclusiviteit',
    identiteit: 'Identiteit',
    governance: 'Governance',
    levendigheid: 'Levendigheid',
  } satisfies Record<BarometerTheme, string>,
  sizes: {
    lt20k: 'Minder dan 20.000 inwoners',
    '20k-50k': '20.000 tot 50.000 inwoners',
    '50k-100k': '50.000 tot 100.000 inwoners',
    '100k-250k': '100.000 tot 250.000 inwoners',
    gt250k: 'Meer dan 250.000 inwoners',
  } satisfies Record<SizeClass, string>,
  errors: {
    notFoundTitle: 'Niet gevonden',
    notFound:
      'Dit item bestaat niet, is niet (meer) gepubliceerd of is alleen zichtbaar voor leden van de organisatie die het schreef.',
    badRequestTitle: 'Deze zoekopdracht klopt niet',
    badRequest: 'Een of meer onderdelen van het adres zijn niet geldig:',
    badRequestHelp: 'Begin opnieuw vanaf de kennisbank.',
    serverTitle: 'Er ging iets mis',
    server: 'De pagina kon nu niet worden gemaakt. Probeer het over een paar minuten opnieuw.',
  },
  fields: {
    q: 'zoekwoorden',
    kind: 'soort',
    trend: 'trend',
    theme: 'thema',
    region: 'regio',
    place: 'plaats',
    size: 'grootte',
    year: 'jaar',
    sort: 'sortering',
    page: 'pagina',
    pageSize: 'aantal per pagina',
  } as Record<string, string>,
  feed: {
    title: 'Stadshart kennisbank: nieuwe items',
    subtitle: 'De nieuwste openbare praktijkvoorbeelden, publicaties, blogs en verslagen.',
  },
};

export type PublicSiteMessages = typeof nl;

const en: PublicSiteMessages = {
  siteName: 'Stadshart',
  skipLink: 'Skip to content',
  navLabel: 'Main menu',
  navKnowledge: 'Knowledge base',
  navFeed: 'Atom feed of new items',
  navApp: 'Sign in',
  switchLanguage: 'Nederlands',
  footer: 'The Stadshart knowledge base: practice and publications on the city centre of tomorrow.',
  footerSecurity: 'Report a security issue',
  search: {
    title: 'Knowledge base',
    intro:
      'Search the best practices, publications, blogs and event reports that municipalities and their partners have shared.',
    formLabel: 'Search the knowledge base',
    queryLabel: 'Search words',
    queryHint: 'For example: vacancy, regional cooperation, shopping',
    sortLabel: 'Sort by',
    sortRelevance: 'Relevance',
    sortDate: 'Date, newest first',
    submit: 'Search',
    filtersTitle: 'Filter',
    applyFilters: 'Apply filters',
    clearFilters: 'Clear all filters',
    results: (total: number) =>
      total === 1 ? '1 result' : `${total.toLocaleString('en-GB')} results`,
    resultsFor: (total: number, query: string) =>
      `${total === 1 ? '1 result' : `${total.toLocaleString('en-GB')} results`} for “${query}”`,
    noResults: 'Nothing was found. Try other or fewer words, or turn off some filters.',
    didYouMean: 'Did you mean',
    edit: 'Edit',
    pagination: 'Pagination',
    previous: 'Previous page',
    next: 'Next page',
    pageN: (page: number) => `Page ${page}`,
    pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
  },
  facets: {
    kind: 'Kind',
    trend: 'Trend',
    theme: 'Theme',
    region: 'Region',
    place: 'Place',
    size: 'Size of the municipality',
    year: 'Year',
  },
  item: {
    details: 'About this item',
    kind: 'Kind',
    org: 'Organisation',
    places: 'Places',
    region: 'Region',
    trends: 'Trends',
    themes: 'Themes',
    size: 'Size of the municipality',
    date: 'Published',
    updated: 'Updated',
    images: 'Images',
    licence: 'Licence',
    licenceIntro: 'You may share and adapt this work under the terms of the licence.',
    allRightsReserved: 'Please contact the organisation if you want to reuse this work.',
    related: 'Related items',
    edit: 'Edit this item',
    backToSearch: 'Back to the knowledge base',
  },
  status: {
    draft: 'Draft',
    in_review: 'In review',
    published: 'Published',
    unpublished: 'Unpublished',
  },
  membersOnly: 'Members only',
  kinds: {
    best_practice: 'Best practice',
    publication: 'Publication',
    blog: 'Blog',
    event_report: 'Event report',
  },
  themes: {
    economie: 'Economy',
    veerkracht: 'Resilience',
    inclusiviteit: 'Inclusiveness',
    identiteit: 'Identity',
    governance: 'Governance',
    levendigheid: 'Liveliness',
  },
  sizes: {
    lt20k: 'Fewer than 20,000 inhabitants',
    '20k-50k': '20,000 to 50,000 inhabitants',
    '50k-100k': '50,000 to 100,000 inhabitants',
    '100k-250k': '100,000 to 250,000 inhabitants',
    gt250k: 'More than 250,000 inhabitants',
  },
  errors: {
    notFoundTitle: 'Not found',
    notFound:
      'This item does not exist, is not published (any more) or is only visible to members of the organisation that wrote it.',
    badRequestTitle: 'This search is not valid',
    badRequest: 'One or more parts of the address are not valid:',
    badRequestHelp: 'Start again from the knowledge base.',
    serverTitle: 'Something went wrong',
    server: 'The page could not be made just now. Please try again in a few minutes.',
  },
  fields: {
    q: 'search words',
    kind: 'kind',
    trend: 'trend',
    theme: 'theme',
    region: 'region',
    place: 'place',
    size: 'size',
    year: 'year',
    sort: 'sort order',
    page: 'page',
    pageSize: 'results per page',
  },
  feed: {
    title: 'Stadshart knowledge base: new items',
    subtitle: 'The newest public best practices, publications, blogs and event reports.',
  },
};

/** The messages of one locale. */
export function messagesFor(locale: PublicSiteLocale): PublicSiteMessages {
  return locale === 'en' ? en : nl;
}

/** The locale a request asks for with ?lang=en; Dutch otherwise. */
export function localeOf(lang: unknown): PublicSiteLocale {
  return lang === 'en' ? 'en' : 'nl';
}
