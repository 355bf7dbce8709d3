// A deterministic corpus of Dutch knowledge items about inner cities for `npm run bench:search`:
// titles, summaries and bodies composed from inner-city vocabulary with its inflections
// (winkel/winkels/winkelen, café/cafe/cafés, …), varied tags, kinds, years and size classes, and
// about one item in ten that a visitor may not read (drafts, in review, unpublished, members-only).
import { richDocFromText } from '../../common/richtext.ts';
import {
  barometerThemes,
  knowledgeKinds,
  sizeClasses,
  type KnowledgeKind,
  type KnowledgeStatus,
} from '../../common/knowledge.ts';

/** A small, fast, seeded generator (mulberry32), so every run builds the same corpus. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)]!;
function pickSome<T>(random: Random, list: readonly T[], max: number): T[] {
  const count = Math.floor(random() * (max + 1));
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, list.length)) chosen.add(pick(random, list));
  return [...chosen];
}

/** Places with their region and size class (a realistic spread, not exact figures). */
export const benchPlaces: readonly { name: string; region: string; size: string }[] = [
  ['IJmuiden', 'IJmond', '50k-100k'],
  ['Beverwijk', 'IJmond', '20k-50k'],
  ['Heemskerk', 'IJmond', '20k-50k'],
  ['Haarlem', 'Zuid-Kennemerland', '100k-250k'],
  ['Zandvoort', 'Zuid-Kennemerland', 'lt20k'],
  ['Alkmaar', 'Noord-Holland Noord', '100k-250k'],
  ['Den Helder', 'Noord-Holland Noord', '50k-100k'],
  ['Hoorn', 'West-Friesland', '50k-100k'],
  ['Enkhuizen', 'West-Friesland', 'lt20k'],
  ['Amersfoort', 'Regio Amersfoort', '100k-250k'],
  ['Utrecht', 'Regio Utrecht', 'gt250k'],
  ['Zeist', 'Regio Utrecht', '50k-100k'],
  ['Rotterdam', 'Rijnmond', 'gt250k'],
  ['Schiedam', 'Rijnmond', '50k-100k'],
  ['Vlaardingen', 'Rijnmond', '50k-100k'],
  ['Dordrecht', 'Drechtsteden', '100k-250k'],
  ['Gorinchem', 'Alblasserwaard', '20k-50k'],
  ['Leiden', 'Holland Rijnland', '100k-250k'],
  ['Gouda', 'Midden-Holland', '50k-100k'],
  ['Delft', 'Haaglanden', '100k-250k'],
  ['Zwolle', 'Regio Zwolle', '100k-250k'],
  ['Kampen', 'Regio Zwolle', '50k-100k'],
  ['Deventer', 'Stedendriehoek', '100k-250k'],
  ['Apeldoorn', 'Stedendriehoek', '100k-250k'],
  ['Zutphen', 'Stedendriehoek', '20k-50k'],
  ['Enschede', 'Twente', '100k-250k'],
  ['Hengelo', 'Twente', '50k-100k'],
  ['Almelo', 'Twente', '50k-100k'],
  ['Groningen', 'Groningen', 'gt250k'],
  ['Assen', 'Drenthe', '50k-100k'],
  ['Emmen', 'Drenthe', '100k-250k'],
  ['Leeuwarden', 'Friesland', '100k-250k'],
  ['Sneek', 'Friesland', '20k-50k'],
  ['Heerenveen', 'Friesland', '50k-100k'],
  ['Arnhem', 'Arnhem-Nijmegen', '100k-250k'],
  ['Nijmegen', 'Arnhem-Nijmegen', '100k-250k'],
  ['Tiel', 'Rivierenland', '20k-50k'],
  ['Den Bosch', 'Noordoost-Brabant', '100k-250k'],
  ['Oss', 'Noordoost-Brabant', '50k-100k'],
  ['Tilburg', 'Hart van Brabant', 'gt250k'],
  ['Breda', 'West-Brabant', '100k-250k'],
  ['Roosendaal', 'West-Brabant', '50k-100k'],
  ['Bergen op Zoom', 'West-Brabant', '50k-100k'],
  ['Eindhoven', 'Zuidoost-Brabant', 'gt250k'],
  ['Helmond', 'Zuidoost-Brabant', '50k-100k'],
  ['Venlo', 'Noord-Limburg', '100k-250k'],
  ['Roermond', 'Midden-Limburg', '50k-100k'],
  ['Sittard', 'Westelijke Mijnstreek', '50k-100k'],
  ['Heerlen', 'Parkstad', '50k-100k'],
  ['Maastricht', 'Zuid-Limburg', '100k-250k'],
  ['Middelburg', 'Zeeland', '20k-50k'],
  ['Vlissingen', 'Zeeland', '20k-50k'],
  ['Goes', 'Zeeland', '20k-50k'],
  ['Lelystad', 'Flevoland', '50k-100k'],
  ['Almere', 'Flevoland', 'gt250k'],
  ['Hilversum', 'Gooi en Vechtstreek', '50k-100k'],
  ['Weesp', 'Gooi en Vechtstreek', 'lt20k'],
  ['Purmerend', 'Zaanstreek-Waterland', '50k-100k'],
  ['Zaandam', 'Zaanstreek-Waterland', '100k-250k'],
  ['Harderwijk', 'Noord-Veluwe', '20k-50k'],
].map(([name, region, size]) => ({ name: name!, region: region!, size: size! }));

const trendTitles = [
  'Anders samenleven',
  'Anders produceren',
  'Anders consumeren',
  'Anders werken',
  'Anders investeren',
  'Anders vervoeren',
] as const;

// Subjects with the inflections people actually write; the search must bring them together.
const subjects = [
  'winkel',
  'winkels',
  'winkelen',
  'winkelstraat',
  'winkelgebied',
  'leegstand',
  'lege winkelpanden',
  'horeca',
  'café',
  'cafés',
  'cafe',
  'terrassen',
  'wonen',
  'woningen',
  'wonen boven winkels',
  'parkeren',
  'parkeergarage',
  'fietsparkeren',
  'markt',
  'weekmarkt',
  'markten',
  'evenementen',
  'evenement',
  'cultuur',
  'binnenstad',
  'binnensteden',
  'centrum',
  'kernwinkelgebied',
  'passanten',
  'bezoekers',
  'ondernemers',
  'ondernemersvereniging',
  'vastgoed',
  'vastgoedeigenaren',
  'groen',
  'vergroening',
  'verblijven',
  'ontmoeten',
  'werkplekken',
  'bibliotheek',
  'bereikbaarheid',
  'logistiek',
  'stadsdistributie',
  'toerisme',
  'erfgoed',
  'monumenten',
] as const;

const actions = [
  'Aanpak van',
  'Samen werken aan',
  'Nieuwe kansen voor',
  'Lessen over',
  'Experimenteren met',
  'Een visie op',
  'Transformatie van',
  'Het regiolab over',
  'Data en',
  'Programmeren van',
  'Ruimte voor',
  'Minder',
  'Meer',
] as const;

const sentenceStarts = [
  'De gemeente',
  'Het binnenstadsmanagement',
  'De ondernemersvereniging',
  'Een groep vastgoedeigenaren',
  'Bewoners en ondernemers',
  'Het college',
  'De wethouder economie',
  'De binnenstadsmanager',
  'Het regiolab',
  'Een kwartiermaker',
] as const;

const verbs = [
  'onderzocht',
  'verbeterde',
  'koos voor',
  'investeerde in',
  'bracht in kaart',
  'organiseerde',
  'maakte afspraken over',
  'experimenteerde met',
  'werkte aan',
  'besprak',
  'telde',
  'verplaatste',
] as const;

const objects = [
  'de leegstand in de aanloopstraten',
  'het aantal passanten op zaterdag',
  'de winkels rond de markt',
  'het winkelen in de avonduren',
  'de terrassen op het plein',
  'de cafés aan de haven',
  'een café met een bibliotheek',
  'het parkeren aan de rand van het centrum',
  'wonen boven winkels',
  'nieuwe woningen in lege winkelpanden',
  'evenementen in de zomer',
  'een weekmarkt op donderdag',
  'de bereikbaarheid met de fiets',
  'stadsdistributie met elektrische bakfietsen',
  'het groen langs de gracht',
  'de openingstijden van de winkels',
  'de horeca rond het station',
  'werkplekken voor zzp’ers in oude panden',
  'de beleving van bezoekers',
  'samenwerking tussen gemeenten in de regio',
  'de identiteit van de binnenstad',
  'de veerkracht van de ondernemers',
  'ontmoeten en verblijven',
  'toerisme en erfgoed',
  'de monumenten aan de Lange Straat',
  'data over bestedingen',
  'de veiligheid in het uitgaansgebied',
  'verlichting in donkere stegen',
  'hittestress op stenen pleinen',
  'regenwater dat niet weg kan',
  'een nieuw schoolplein in het centrum',
  'zorg en welzijn dicht bij huis',
  'het busstation als entree van de stad',
  'deelauto’s en deelfietsen',
  'laadpalen voor elektrische auto’s',
  'de kermis op het Marktplein',
  'een festival voor jongeren',
  'kunst in de openbare ruimte',
  'het museum als publiekstrekker',
  'een pop-upstore voor starters',
  'ambachten die terugkeren naar het centrum',
  'kleinschalige productie in oude fabriekshallen',
  'de afvalinzameling bij bedrijven',
  'schone straten en minder zwerfafval',
  'een coöperatie van bewoners',
  'crowdfunding voor een buurtplein',
  'de rol van de woningcorporatie',
  'studenten die in de binnenstad wonen',
  'ouderen die het centrum mijden',
  'toegankelijkheid voor rolstoelgebruikers',
] as const;

const endings = [
  'Dat leverde meer bezoekers op.',
  'De resultaten zijn wisselend.',
  'Andere gemeenten kunnen dit overnemen.',
  'De aanpak vraagt een lange adem.',
  'Ondernemers waren positief.',
  'Het plan wordt in fasen uitgevoerd.',
  'De kosten vielen mee.',
  'Er is nog veel te leren.',
  'De evaluatie volgt na een jaar.',
  'Bewoners werden vroeg betrokken.',
] as const;

/** One item as the benchmark inserts it (column names of knowledge_items). */
export interface BenchItem {
  org_id: string;
  slug: string;
  kind: KnowledgeKind;
  status: KnowledgeStatus;
  members_only: boolean;
  title: string;
  summary: string;
  body: unknown;
  body_text: string;
  places: string[];
  region: string | null;
  trends: string[];
  themes: string[];
  size_class: string | null;
  published_at: string | null;
  updated_at: string;
}

// Each item is about a few things, as a real text is, rather than about everything at once.
function sentence(random: Random, topics: readonly string[]): string {
  return `${pick(random, sentenceStarts)} ${pick(random, verbs)} ${pick(random, topics)}${random() < 0.4 ? ` in ${pick(random, benchPlaces).name}` : ''}.`;
}

/** Builds item number `index` of the corpus; the same index always gives the same item. */
export function buildBenchItem(
  random: Random,
  index: number,
  orgIds: readonly string[],
): BenchItem {
  const place = pick(random, benchPlaces);
  const extraPlaces = random() < 0.3 ? pickSome(random, benchPlaces, 2).map((p) => p.name) : [];
  const places = [...new Set([place.name, ...extraPlaces])];
  const subject = pick(random, subjects);
  const title = `${pick(random, actions)} ${subject} in ${place.name}${random() < 0.3 ? `: ${pick(random, objects)}` : ''}`;
  const topics = Array.from({ length: 4 }, () => pick(random, objects));
  const summary = Array.from({ length: 1 + Math.floor(random() * 2) }, () =>
    sentence(random, topics),
  ).join(' ');
  const paragraphs = Array.from({ length: 3 + Math.floor(random() * 5) }, () =>
    [
      ...Array.from({ length: 2 + Math.floor(random() * 3) }, () => sentence(random, topics)),
      pick(random, endings),
    ].join(' '),
  );
  const bodyText = paragraphs.join('\n\n');
  const roll = random();
  // About one in ten is not for visitors: drafts, in review, unpublished or members-only.
  const status: KnowledgeStatus =
    roll < 0.04 ? 'draft' : roll < 0.06 ? 'in_review' : roll < 0.07 ? 'unpublished' : 'published';
  const membersOnly = random() < 0.04;
  const year = 2012 + Math.floor(random() * 14);
  const date = new Date(Date.UTC(year, Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
  const wasPublished = status === 'published' || status === 'unpublished';
  return {
    org_id: orgIds[index % orgIds.length]!,
    slug: `bench-${index}`,
    kind: pick(random, knowledgeKinds),
    status,
    members_only: membersOnly,
    title,
    summary,
    body: richDocFromText(bodyText),
    body_text: bodyText.replace(/\n\n/g, '\n'),
    places,
    region: random() < 0.85 ? place.region : null,
    trends: pickSome(random, trendTitles, 3),
    themes: pickSome(random, barometerThemes, 3),
    size_class: random() < 0.9 ? place.size : pick(random, sizeClasses),
    published_at: status === 'published' ? date.toISOString() : null,
    updated_at: (wasPublished ? date : new Date(date.getTime() + 86_400_000)).toISOString(),
  };
}
