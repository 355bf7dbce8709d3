// Demo content for the knowledge base: a published best practice about the IJmond regional lab, a
// publication, a blog and an event report, plus one members-only item and one draft, tagged so
// the search facets (kind, trend, theme, region, place, size class, year) have something to show.
// Written in our own words from the facts of the two source texts.
import { randomBytes } from 'node:crypto';
import { knowledgeSlug, type KnowledgeMetadata } from '../../common/knowledge.ts';
import { richDoc, richPlainText, type RichDoc, type RichNode } from '../../common/richtext.ts';
import type { Db } from './client.ts';
import { knowledgeItemEvents, knowledgeItems } from './schema.ts';

const text = (value: string, marks?: RichNode['marks']): RichNode =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const p = (...content: (RichNode | string)[]): RichNode => ({
  type: 'paragraph',
  content: content.map((c) => (typeof c === 'string' ? text(c) : c)),
});
const h2 = (value: string): RichNode => ({
  type: 'heading',
  attrs: { level: 2 },
  content: [text(value)],
});
const ul = (...items: string[]): RichNode => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [p(item)] })),
});
const bold = (value: string) => text(value, [{ type: 'bold' }]);
const link = (value: string, href: string) => text(value, [{ type: 'link', attrs: { href } }]);
const doc = (...content: RichNode[]): RichDoc => richDoc.parse({ type: 'doc', content });

export interface DemoKnowledgeItem {
  metadata: KnowledgeMetadata;
  body: RichDoc;
  status: 'published' | 'draft';
  /** When it was published (null for the draft). */
  publishedAt: string | null;
}

const common = {
  licence: 'CC-BY-SA-4.0',
  attribution: 'Kennisnetwerk Binnensteden',
} as const;

/** The demo items, oldest first. */
export const demoKnowledgeItems: readonly DemoKnowledgeItem[] = [
  {
    status: 'published',
    publishedAt: '2018-09-12T09:00:00+02:00',
    metadata: {
      ...common,
      kind: 'publication',
      title: 'Zes trends die de binnenstad veranderen',
      summary:
        'Een beknopte gids langs zes verschuivingen in samenleving en techniek, van de manier waarop mensen kopen en werken tot hoe ze reizen en geld beleggen, en wat die betekenen voor het centrum.',
      membersOnly: false,
      places: [],
      region: null,
      trends: [
        'Anders samenleven',
        'Anders produceren',
        'Anders consumeren',
        'Anders werken',
        'Anders investeren',
        'Anders vervoeren',
      ],
      themes: ['economie', 'veerkracht', 'levendigheid'],
      sizeClass: null,
    },
    body: doc(
      p(
        'Veel gemeenten richten hun binnenstadsbeleid nog vooral op het winkelaanbod. Deze publicatie kijkt verder: welke ontwikkelingen komen de komende jaren op het centrum af, ook als de economie er goed voor staat?',
      ),
      h2('De zes trends in het kort'),
      ul(
        'Anders samenleven: de samenleving wordt ingewikkelder en het centrum wordt vaker de plek waar mensen elkaar tegenkomen.',
        'Anders produceren: circulaire productie, 3D-printen en deelplatforms brengen maken en repareren terug in de stad.',
        'Anders consumeren: online en in de winkel kopen lopen door elkaar, en duurzaamheid weegt zwaarder.',
        'Anders werken: kleinschalige bedrijvigheid en nieuwe banen zoeken juist de levendigheid van het centrum op.',
        'Anders investeren: vertrouwen schuift van banken naar netwerken, en nieuwe betaalvormen zoals cryptovaluta komen op.',
        'Anders vervoeren: mobiliteit als dienst, elektrisch en zelfrijdend vervoer veranderen wat een centrum aan ruimte nodig heeft.',
      ),
      h2('Wat u ermee kunt'),
      p(
        'Gebruik de trends als gespreksstof in een trendscan: welke raken uw centrum het meest, en hoe zeker bent u daarvan? Zo ontstaan ideeën die verder gaan dan meer functies en meer beleving.',
      ),
    ),
  },
  {
    status: 'published',
    publishedAt: '2018-10-22T10:00:00+02:00',
    metadata: {
      ...common,
      kind: 'event_report',
      title: 'Verslag: trend- en scenarioworkshop De nieuwe binnenstad',
      summary:
        'Gemeenten kozen samen de trends die voor hun centrum het zwaarst wegen en verkenden vier toekomstbeelden langs twee assen: digitalisering en circulaire economie.',
      membersOnly: false,
      places: [],
      region: null,
      trends: ['Anders consumeren', 'Anders vervoeren', 'Anders werken'],
      themes: ['veerkracht', 'governance'],
      sizeClass: null,
    },
    body: doc(
      p(
        'Op 16 oktober kwamen binnenstadsprofessionals van verschillende gemeenten bij elkaar om te bepalen waar hun leervragen liggen. De middag was ook de start van de community of practice rond de nieuwe binnenstad.',
      ),
      h2('Trends kiezen'),
      p(
        'Iedere deelnemer gaf per trend aan hoe belangrijk die is voor de eigen binnenstad. Uit het gesprek kwamen vier thema’s naar voren waar de groep dieper op in wil gaan.',
      ),
      h2('Vier scenario’s'),
      p(
        'Met twee assen, ',
        bold('weinig of veel digitalisering'),
        ' en ',
        bold('weinig of veel circulaire economie'),
        ', ontstonden vier toekomstbeelden. Per beeld bespraken de deelnemers wat het betekent voor het centrum en welk beleid dan werkt. Maatregelen die in alle vier de beelden overeind blijven, gelden als robuust.',
      ),
    ),
  },
  {
    status: 'published',
    publishedAt: '2019-03-18T09:30:00+01:00',
    metadata: {
      ...common,
      kind: 'best_practice',
      title: 'Regiolab IJmond: drie binnensteden die elkaar versterken',
      summary:
        'Heemskerk, Velsen (IJmuiden) en Beverwijk onderzochten in één avond wat hun centra uniek maakt en hoe ze als regio samen sterker worden in plaats van elkaar te beconcurreren.',
      membersOnly: false,
      places: ['Heemskerk', 'IJmuiden', 'Beverwijk'],
      region: 'IJmond',
      trends: ['Anders consumeren', 'Anders werken', 'Anders samenleven'],
      themes: ['identiteit', 'governance', 'levendigheid'],
      sizeClass: '50k-100k',
    },
    body: doc(
      p(
        'Op 6 februari 2019 zaten ambtenaren, wethouders en voorzitters van winkeliers- en ondernemersverenigingen uit de IJmond samen aan tafel. De vraag: hoe maken de drie gemeenten hun binnensteden aantrekkelijker, ieder op eigen kracht en als regio samen?',
      ),
      h2('Eerst het eigen DNA'),
      p(
        'Het lab begon bij wat elk centrum onderscheidt. IJmuiden bleek een sterk eigen verhaal te hebben: het industriële karakter, het staal, de vis en de haven. Dat zijn geen zwakke plekken om weg te moffelen, maar juist aanknopingspunten voor de toekomst.',
      ),
      h2('Dan verder dan winkelen'),
      p(
        'Daarna ging het over meer dan winkels alleen: hoe kunnen wonen, werken, verblijven en winkelen in het centrum elkaar versterken? Ideeën die op tafel kwamen:',
      ),
      ul(
        'nieuwe plekken om te werken en elkaar te ontmoeten;',
        'activiteiten die mensen naar het centrum trekken;',
        'een andere bestemming voor panden en straten die hun winkelfunctie verliezen;',
        'nieuwe woningen en woonmilieus in en rond het centrum.',
      ),
      p(
        'Het ',
        bold('Canvas Nieuwe Binnensteden'),
        ' hielp om die kansen per plaats en voor de regio zichtbaar te maken.',
      ),
      h2('Wat het opleverde'),
      p(
        'De deelnemers concludeerden dat regionale samenwerking helpt om ieders identiteit en positie te versterken en onnodige concurrentie te voorkomen. En in alle drie de centra is genoeg ruimte om van een winkelgebied een veelzijdig, levendig stadshart te maken.',
      ),
      p(
        'Zelf een lab houden? In Stadshart kunt u een regionaal lab starten met één canvas per plaats en één voor de regio. Meer over de licentie: ',
        link('CC BY-SA 4.0', 'https://creativecommons.org/licenses/by-sa/4.0/deed.nl'),
        '.',
      ),
    ),
  },
  {
    status: 'published',
    publishedAt: '2024-05-14T08:00:00+02:00',
    metadata: {
      ...common,
      kind: 'blog',
      title: 'Kastelen, duinen en de dagelijkse boodschap: het centrum van Heemskerk',
      summary:
        'Een korte wandeling door een groen centrum met een dorpse schaal, en de vraag hoe je zo’n centrum levendig houdt zonder het karakter te verliezen.',
      membersOnly: false,
      places: ['Heemskerk'],
      region: 'IJmond',
      trends: ['Anders consumeren', 'Anders samenleven'],
      themes: ['identiteit', 'inclusiviteit'],
      sizeClass: '20k-50k',
    },
    body: doc(
      p(
        'Wie door Heemskerk loopt, merkt dat het centrum vooral voor de buurt werkt: supermarkten en speciaalzaken voor de dagelijkse boodschap, en binnen een paar minuten fietsen de kastelen en het duingebied.',
      ),
      p(
        'Die rust is een kracht. De uitdaging is om er iets aan toe te voegen, zoals ontmoetingsplekken en wonen boven winkels, zonder dat het centrum een kopie wordt van de buren in de regio.',
      ),
    ),
  },
  {
    status: 'published',
    publishedAt: '2025-02-03T09:00:00+01:00',
    metadata: {
      ...common,
      kind: 'event_report',
      title: 'Intake leertraject: welke trends wegen voor onze gemeenten het zwaarst?',
      summary:
        'De uitkomsten van de intake van het leertraject, per gemeente. Alleen voor leden, omdat de antwoorden over lopend beleid gaan.',
      membersOnly: true,
      places: ['Beverwijk', 'IJmuiden'],
      region: 'IJmond',
      trends: ['Anders vervoeren', 'Anders investeren'],
      themes: ['economie', 'governance'],
      sizeClass: '20k-50k',
    },
    body: doc(
      p(
        'Iedere deelnemende gemeente gaf bij de intake aan welke trends voor haar binnenstad het meest tellen. Mobiliteit en nieuwe manieren van investeren scoorden het hoogst; daar begint het leertraject mee.',
      ),
    ),
  },
  {
    status: 'draft',
    publishedAt: null,
    metadata: {
      ...common,
      kind: 'blog',
      title: 'Concept: de Beverwijkse Bazaar als motor voor het centrum',
      summary:
        'Hoe kan de overdekte markt aan de rand van de stad bezoekers ook naar de historische kern brengen?',
      membersOnly: false,
      places: ['Beverwijk'],
      region: 'IJmond',
      trends: ['Anders consumeren', 'Anders vervoeren'],
      themes: ['economie', 'levendigheid'],
      sizeClass: '20k-50k',
    },
    body: doc(
      p(
        'Elk weekend trekt de Bazaar bezoekers van ver buiten de regio. Dit stuk verkent hoe een deel van die stroom de weg vindt naar de winkelstraten in de kern.',
      ),
    ),
  },
];

/**
 * Adds the demo knowledge items to the organisation, each with the history a real item would
 * have (created, and published for the published ones). Runs inside the seed's transaction.
 */
export async function seedDemoKnowledge(
  db: Db,
  input: { orgId: string; authorId: string; reviewerId: string },
): Promise<void> {
  for (const demo of demoKnowledgeItems) {
    const publishedAt = demo.publishedAt ? new Date(demo.publishedAt) : null;
    const createdAt = publishedAt
      ? new Date(publishedAt.getTime() - 3 * 24 * 3600 * 1000)
      : new Date();
    const [row] = await db
      .insert(knowledgeItems)
      .values({
        orgId: input.orgId,
        slug: knowledgeSlug(demo.metadata.title, randomBytes(3).toString('hex')),
        ...demo.metadata,
        status: demo.status,
        body: demo.body,
        bodyText: richPlainText(demo.body),
        createdBy: input.authorId,
        publishedBy: publishedAt ? input.reviewerId : null,
        publishedAt,
        firstPublishedAt: publishedAt,
        createdAt,
        updatedAt: publishedAt ?? createdAt,
      })
      .returning({ id: knowledgeItems.id });
    if (!row) throw new Error(`the demo item "${demo.metadata.title}" was not created`);
    await db.insert(knowledgeItemEvents).values([
      {
        itemId: row.id,
        action: 'created',
        actorId: input.authorId,
        title: demo.metadata.title,
        createdAt,
      },
      ...(publishedAt
        ? [
            {
              itemId: row.id,
              action: 'published' as const,
              actorId: input.reviewerId,
              title: demo.metadata.title,
              snapshot: { ...demo.metadata, body: demo.body },
              createdAt: publishedAt,
            },
          ]
        : []),
    ]);
  }
}
