// A deterministic corpus of Dutch knowledge items about inner cities for `npm run bench:search`.
// Like real items, each is ABOUT something: one to three main subjects (of about 150, with a
// Zipf-like popularity) that its title, summary and most body sentences use; general inner-city
// words (binnenstad, centrum, gemeente) are frequent everywhere, other subjects rare in any one
// item. Varied tags, kinds, years and size classes, and about one item in ten that a visitor may
// not read (drafts, in review, unpublished, members-only).
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

// What an item is about, most popular first (the popularity is Zipf-like by this order). Each
// subject is the forms a text uses for it, its title form first: the search must bring the
// inflections together ("winkel", "winkels", "winkelen"; "café", "cafe").
const namedSubjects: readonly (readonly string[])[] = [
  ['winkels', 'winkel', 'winkelen'],
  ['leegstand', 'leegstaande panden'],
  ['wonen', 'woningen', 'woning'],
  ['horeca', 'horecazaken', 'horecaondernemers'],
  ['parkeren', 'parkeerplaatsen', 'parkeerplaats'],
  ['evenementen', 'evenement'],
  ['vergroening', 'groen', 'bomen'],
  ['markt', 'markten', 'marktkramen'],
  ['bereikbaarheid', 'bereikbaar'],
  ['cafés', 'café', 'cafe'],
  ['terrassen', 'terras'],
  ['vastgoed', 'vastgoedeigenaren'],
  ['cultuur', 'culturele instellingen'],
  ['lege winkelpanden', 'winkelpanden'],
  ['toerisme', 'toeristen'],
  ['erfgoed', 'monumenten', 'monument'],
  ['veiligheid', 'veilig'],
  ['passanten', 'passantentellingen'],
  ['wonen boven winkels'],
  ['klimaatadaptatie', 'wateroverlast', 'regenwater'],
  ['bibliotheek', 'bibliotheken'],
  ['logistiek', 'stadsdistributie', 'bevoorrading'],
  ['fietsparkeren', 'fietsenstallingen', 'fietsenstalling'],
  ['herbestemming', 'transformatie'],
  ['ouderen', 'senioren'],
  ['jongeren', 'jeugd'],
  ['aanloopstraten', 'aanloopstraat'],
  ['openingstijden', 'koopavond', 'zondagsopenstelling'],
  ['bestedingen', 'koopkracht'],
  ['ondernemersfondsen', 'ondernemersfonds'],
  ['hittestress', 'hitte'],
  ['studenten', 'studentenhuisvesting'],
  ['kunst', 'kunstenaars'],
  ['musea', 'museum'],
  ['festivals', 'festival'],
  ['zorg', 'welzijn'],
  ['binnenstadsmanagement', 'binnenstadsmanager'],
  ['citymarketing', 'stadspromotie'],
  ['werkplekken', 'flexplekken'],
  ['kantoren', 'kantoorpanden'],
  ['woningcorporaties', 'woningcorporatie'],
  ['toegankelijkheid', 'rolstoelgebruikers'],
  ['deelfietsen', 'deelauto’s', 'deelmobiliteit'],
  ['laadpalen', 'laadpaal'],
  ['openbaar vervoer', 'busstation', 'bushaltes'],
  ['stationsgebied', 'stationsomgeving'],
  ['pleinen', 'plein'],
  ['havens', 'haven', 'havenfront'],
  ['grachten', 'gracht', 'kademuren'],
  ['verlichting', 'straatverlichting'],
  ['kermis', 'kermissen'],
  ['ambachten', 'ambacht', 'ambachtslieden'],
  ['maakindustrie', 'kleinschalige productie'],
  ['afvalinzameling', 'afvalcontainers'],
  ['zwerfafval', 'schone straten'],
  ['coöperaties', 'coöperatie'],
  ['crowdfunding', 'burgerfinanciering'],
  ['bedrijveninvesteringszone', 'BIZ'],
  ['kerken', 'kerkgebouwen'],
  ['pop-upwinkels', 'pop-upwinkel'],
  ['speelplekken', 'spelen'],
  ['sport', 'sportvoorzieningen'],
  ['onderwijs', 'scholen'],
  ['gezondheid', 'gezondheidscentrum'],
  ['nachtleven', 'uitgaansgebied'],
  ['geluidsoverlast', 'geluid'],
  ['bewonersparticipatie', 'participatie'],
  ['burgerinitiatieven', 'burgerinitiatief'],
  ['digitalisering', 'online winkelen'],
  ['webwinkels', 'webwinkel'],
  ['bezorging', 'pakketpunten'],
  ['circulaire economie', 'hergebruik'],
  ['energietransitie', 'zonnepanelen'],
  ['architectuur', 'gevels'],
  ['gevelverbetering', 'gevelfonds'],
  ['reclame', 'uithangborden'],
  ['bewegwijzering', 'wegwijzers'],
  ['autoluw', 'autovrij'],
  ['snelheid', 'verkeersveiligheid'],
  ['waterbussen', 'veerpont'],
  ['bouwblokken', 'binnenterreinen'],
  ['dakterrassen', 'daktuinen'],
  ['schoolpleinen', 'schoolplein'],
  ['volkstuinen', 'stadslandbouw'],
  ['biodiversiteit', 'insecten'],
  ['kinderopvang', 'peuterspeelzalen'],
  ['mantelzorg', 'mantelzorgers'],
  ['eenzaamheid', 'ontmoetingsplekken'],
  ['dakloosheid', 'daklozen'],
  ['arbeidsmarkt', 'vacatures'],
  ['detailhandel', 'retail'],
  ['filialen', 'ketens'],
  ['zelfstandigen', 'zzp’ers'],
  ['starters', 'startende ondernemers'],
  ['huurprijzen', 'huurcontracten'],
  ['grondbeleid', 'grondprijzen'],
  ['bestemmingsplannen', 'omgevingsplan'],
  ['omgevingswet', 'omgevingsvisie'],
  ['impulsaanpak', 'impulsgelden'],
  ['retailagenda', 'retaildeals'],
  ['citydeal', 'citydeals'],
  ['regiodeal', 'regiodeals'],
  ['stadsvernieuwing', 'stedelijke vernieuwing'],
  ['leefbaarheid', 'leefbaar'],
  ['ondermijning', 'criminaliteit'],
  ['cameratoezicht', 'camera’s'],
  ['handhaving', 'boa’s'],
  ['beeldkwaliteit', 'welstand'],
  ['lichtkunst', 'lichtfestival'],
  ['kerstmarkt', 'kerstverlichting'],
  ['koningsdag', 'vrijmarkt'],
  ['braderie', 'braderieën'],
];

// Compounds people write as one word: a stem and what follows it.
const compounds: readonly [string, readonly (readonly [string, string])[]][] = [
  [
    'winkel',
    [
      ['straat', 'straten'],
      ['gebied', 'gebieden'],
      ['aanbod', 'aanbod'],
      ['centrum', 'centra'],
    ],
  ],
  [
    'horeca',
    [
      ['plein', 'pleinen'],
      ['beleid', 'beleid'],
      ['visie', 'visies'],
    ],
  ],
  [
    'parkeer',
    [
      ['garage', 'garages'],
      ['beleid', 'beleid'],
      ['tarief', 'tarieven'],
    ],
  ],
  [
    'markt',
    [
      ['plein', 'pleinen'],
      ['visie', 'visies'],
      ['kooplieden', 'koopman'],
    ],
  ],
  [
    'fiets',
    [
      ['pad', 'paden'],
      ['straat', 'straten'],
      ['route', 'routes'],
    ],
  ],
  [
    'woon',
    [
      ['visie', 'visies'],
      ['programma', 'programma’s'],
      ['wijk', 'wijken'],
    ],
  ],
  [
    'stads',
    [
      ['park', 'parken'],
      ['strand', 'stranden'],
      ['boerderij', 'boerderijen'],
    ],
  ],
];

const subjects: readonly (readonly string[])[] = [
  ...namedSubjects,
  ...compounds.flatMap(([stem, tails]) =>
    tails.map(([one, many]) => [`${stem}${many}`, `${stem}${one}`]),
  ),
];

// Zipf-like popularity (weight 1/rank^0.8): the first subjects are in a fifth of all items, the
// last in a few hundred of 100 000.
const subjectWeights = subjects.map((_, rank) => 1 / (rank + 1) ** 0.8);
const placeWeights = benchPlaces.map((p) =>
  p.size === 'gt250k' ? 4 : p.size === '100k-250k' ? 2 : 1,
);

function pickWeighted<T>(random: Random, list: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let roll = random() * total;
  for (const [index, weight] of weights.entries()) {
    roll -= weight;
    if (roll < 0) return list[index]!;
  }
  return list[list.length - 1]!;
}

const actions = [
  'Aanpak van',
  'Samen werken aan',
  'Nieuwe kansen voor',
  'Lessen over',
  'Experimenteren met',
  'Een visie op',
  'Ruimte voor',
  'De toekomst van',
  'Kiezen voor',
  'Minder',
  'Meer',
] as const;

const sentenceStarts = [
  'De gemeente',
  'Het college',
  'De wethouder',
  'Bewoners en ondernemers',
  'Een werkgroep',
  'Het regiolab',
  'Een kwartiermaker',
  'De raad',
  'Een adviesbureau',
  'De provincie',
] as const;

const verbs = [
  'onderzocht',
  'verbeterde',
  'koos voor',
  'investeerde in',
  'bracht in kaart',
  'maakte afspraken over',
  'experimenteerde met',
  'werkte aan',
  'besprak',
  'evalueerde',
] as const;

// What is said about a subject ({} is the subject's form), free of other subjects' words.
const frames = [
  'de {}',
  'nieuwe plannen voor {}',
  'de toekomst van {}',
  '{} voor iedereen',
  'de kosten van {}',
  'regels voor {}',
  'een proef met {}',
  'de rol van {}',
  'cijfers over {}',
  '{} op zaterdag',
] as const;

// General inner-city words, frequent in every item whatever it is about.
const settings = [
  ' in de binnenstad',
  ' in het centrum',
  ' in de binnenstad en het centrum',
  ' samen met de gemeente',
  '',
  '',
] as const;

const fillers = [
  'De gemeente sprak met iedereen die erbij betrokken is.',
  'Het plan kreeg steun van de raad.',
  'Niet iedereen was meteen overtuigd.',
  'Een eerste verkenning liet zien waar het knelt.',
  'Daarna volgde een tweede ronde gesprekken.',
] as const;

const endings = [
  'Dat leverde veel op.',
  'De resultaten zijn wisselend.',
  'Andere gemeenten kunnen dit overnemen.',
  'De aanpak vraagt een lange adem.',
  'Het plan wordt in fasen uitgevoerd.',
  'De kosten vielen mee.',
  'Er is nog veel te leren.',
  'De evaluatie volgt na een jaar.',
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

// A sentence about one subject, in one of its forms, now and then placed in a town.
function sentence(random: Random, subject: readonly string[], place: string): string {
  const frame = pick(random, frames).replace('{}', pick(random, subject));
  const where =
    random() < 0.3 ? ` in ${random() < 0.8 ? place : pick(random, benchPlaces).name}` : '';
  return `${pick(random, sentenceStarts)} ${pick(random, verbs)} ${frame}${where}${pick(random, settings)}.`;
}

/** Builds item number `index` of the corpus; the same index always gives the same item. */
export function buildBenchItem(
  random: Random,
  index: number,
  orgIds: readonly string[],
): BenchItem {
  const place = pickWeighted(random, benchPlaces, placeWeights);
  const extraPlaces = random() < 0.3 ? pickSome(random, benchPlaces, 2).map((p) => p.name) : [];
  const places = [...new Set([place.name, ...extraPlaces])];
  // One to three main subjects, by popularity; the title names the first, often the second.
  const main = new Set<readonly string[]>();
  const mainCount = 1 + Math.floor(random() * 3);
  while (main.size < mainCount) main.add(pickWeighted(random, subjects, subjectWeights));
  const [first, second] = [...main] as [readonly string[], readonly string[] | undefined];
  const title = `${pick(random, actions)} ${first[0]!} in ${place.name}${second && random() < 0.5 ? `: ${pick(random, frames).replace('{}', second[0]!)}` : ''}`;
  const about = () => pick(random, [...main]);
  const summary = Array.from({ length: 1 + Math.floor(random() * 2) }, () =>
    sentence(random, about(), place.name),
  ).join(' ');
  // Most sentences are about the main subjects; another subject is mentioned now and then.
  const paragraphs = Array.from({ length: 3 + Math.floor(random() * 5) }, () =>
    [
      ...Array.from({ length: 2 + Math.floor(random() * 3) }, () => {
        const roll = random();
        if (roll < 0.8) return sentence(random, about(), place.name);
        if (roll < 0.85) return sentence(random, pick(random, subjects), place.name);
        return pick(random, fillers);
      }),
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
