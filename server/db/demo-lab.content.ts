// What the room said in the finished demo lab for IJmond (server/db/demo-lab.ts builds it).
// Written for the demo in our own words: a newcomer sees what a completed lab looks like.

/** Who took part: demo accounts by e-mail, guests by display name, and where they come from. */
export const demoLabPeople = {
  jeroen: { email: 'begeleider@stadshart.example', place: null },
  fatima: { email: 'wethouder@stadshart.example', place: 'IJmuiden' },
  kees: { email: 'binnenstadsmanager@stadshart.example', place: 'Beverwijk' },
  ingrid: { email: 'ondernemer@stadshart.example', place: 'Heemskerk' },
  sanne: { guest: 'Sanne (winkeliers IJmuiden)', place: 'IJmuiden' },
  ahmed: { guest: 'Ahmed (ondernemers Beverwijk)', place: 'Beverwijk' },
  petra: { guest: 'Petra (gemeente Heemskerk)', place: 'Heemskerk' },
} as const;
export type DemoPerson = keyof typeof demoLabPeople;

export const demoLabFacts = {
  title: 'Regiolab IJmond: drie centra, één regio (afgerond)',
  question:
    'Wat maakt de centra van Heemskerk, IJmuiden en Beverwijk ieder bijzonder, welke trends raken hen het meest, en welke afspraken maken we om elkaar aan te vullen in plaats van te beconcurreren?',
  venue: 'Raadzaal Beverwijk',
  startsAt: '2026-10-08T13:30:00+02:00',
  closedAt: '2026-10-08T17:15:00+02:00',
};

/** [author, section key, text, dots] per note; dots are from the revealed dot vote. */
export type DemoNote = [DemoPerson, string, string, number];

export const demoCanvasNotes: Record<'Heemskerk' | 'IJmuiden' | 'Beverwijk' | 'regio', DemoNote[]> =
  {
    Heemskerk: [
      ['ingrid', 'dna', 'Groen en rustig, met kastelen op loopafstand van het centrum', 3],
      ['petra', 'dna', 'Een dorp in schaal, een stad in aantal inwoners', 1],
      ['ingrid', 'winkelen', 'Dagelijkse boodschappen dichtbij: supermarkten en speciaalzaken', 2],
      [
        'petra',
        'winkelen',
        'Minder winkels, maar betere: de boodschappen blijven, de rest krimpt',
        1,
      ],
      ['petra', 'wonen', 'Wonen boven winkels in de Marquettelaan', 2],
      ['ingrid', 'verblijven', 'Een plein waar je blijft zitten, met terrassen in de zon', 2],
      ['petra', 'kansen', 'Leegstaande panden ombouwen tot woningen voor ouderen', 3],
      ['ingrid', 'kansen', 'Kastelen en duinen verbinden met het centrum door een wandelroute', 2],
      ['petra', 'belemmeringen', 'Versnipperd eigendom van panden maakt ombouw traag', 1],
    ],
    IJmuiden: [
      ['fatima', 'dna', 'Haven, vis en staal: een werkstad aan zee', 3],
      ['sanne', 'dna', 'De sluizen trekken bezoekers, maar die komen niet tot in het centrum', 1],
      ['sanne', 'winkelen', 'Het winkelhart is te lang en te leeg', 2],
      ['fatima', 'winkelen', 'Winkels concentreren rond het plein', 1],
      ['fatima', 'wonen', 'Nieuwe woningen op de plek van lege winkels aan de randen', 2],
      ['sanne', 'werken', 'Werkplekken voor ZZP’ers uit de haven- en maakindustrie', 1],
      ['sanne', 'verblijven', 'Horeca met vis van de afslag als trekker', 3],
      ['fatima', 'kansen', 'Een looproute van het strand via de haven naar het centrum', 4],
      ['fatima', 'belemmeringen', 'Het kanaal en de sluizen knippen de stad in stukken', 1],
    ],
    Beverwijk: [
      ['kees', 'dna', 'De Bazaar trekt elk weekend de hele regio', 3],
      ['ahmed', 'dna', 'Een historische kern die te weinig mensen kennen', 2],
      ['ahmed', 'winkelen', 'Regionaal winkelen met grote ketens en zelfstandigen samen', 2],
      ['kees', 'winkelen', 'Winkels en winkelen: online en in de straat versterken elkaar', 2],
      ['kees', 'wonen', 'Jongeren willen in het centrum wonen, maar er is te weinig aanbod', 1],
      ['ahmed', 'werken', 'Kleine makers in leegstaande winkels: werkplaats met verkoop', 2],
      ['kees', 'kansen', 'Bezoekers van de Bazaar naar de oude kern leiden met een pendel', 3],
      ['ahmed', 'belemmeringen', 'Parkeren domineert de straten rond het centrum', 1],
    ],
    regio: [
      ['jeroen', 'regio', 'Niet drie keer hetzelfde aanbieden: ieder centrum een eigen rol', 4],
      ['fatima', 'regio', 'Samen één verhaal voor bezoekers van buiten de regio', 2],
      ['kees', 'regio', 'Gezamenlijke evenementenkalender zodat we elkaar niet overlappen', 3],
      ['ingrid', 'kansen', 'Een fietsroute die de drie centra en de kust verbindt', 2],
      ['petra', 'belemmeringen', 'Iedere gemeente heeft een eigen budget en eigen termijnen', 1],
    ],
  };

/** A quick poll at the start of the lab. */
export const demoPoll = {
  question: 'Waar staat uw binnenstad over tien jaar vooral voor?',
  options: [
    { key: 'boodschappen', label: 'Dagelijkse boodschappen' },
    { key: 'beleving', label: 'Beleving en ontmoeting' },
    { key: 'wonen', label: 'Wonen in het centrum' },
    { key: 'werken', label: 'Werken en maken' },
  ],
  answers: {
    fatima: 'beleving',
    kees: 'beleving',
    ingrid: 'boodschappen',
    sanne: 'beleving',
    ahmed: 'werken',
    petra: 'wonen',
  } satisfies Partial<Record<DemoPerson, string>>,
};

/**
 * Trend scan scores per person: item key → [relevance, impact, uncertainty]. The items are the
 * six trends of the built-in catalogue.
 */
export const demoTrendScores: Partial<
  Record<DemoPerson, Record<string, [number, number, number]>>
> = {
  fatima: {
    'anders-samenleven': [4, 4, 2],
    'anders-produceren': [4, 4, 4],
    'anders-consumeren': [5, 5, 4],
    'anders-werken': [3, 3, 3],
    'anders-investeren': [2, 3, 4],
    'anders-vervoeren': [4, 4, 4],
  },
  kees: {
    'anders-samenleven': [3, 3, 2],
    'anders-produceren': [3, 3, 4],
    'anders-consumeren': [5, 5, 4],
    'anders-werken': [3, 3, 2],
    'anders-investeren': [3, 4, 5],
    'anders-vervoeren': [5, 5, 4],
  },
  ingrid: {
    'anders-samenleven': [5, 4, 2],
    'anders-produceren': [2, 2, 3],
    'anders-consumeren': [4, 5, 3],
    'anders-werken': [2, 2, 2],
    'anders-investeren': [2, 3, 4],
    'anders-vervoeren': [3, 4, 4],
  },
  sanne: {
    'anders-samenleven': [3, 3, 2],
    'anders-produceren': [5, 4, 4],
    'anders-consumeren': [5, 5, 5],
    'anders-werken': [4, 3, 3],
    'anders-investeren': [2, 2, 4],
    'anders-vervoeren': [3, 4, 5],
  },
  ahmed: {
    'anders-samenleven': [3, 3, 3],
    'anders-produceren': [4, 4, 3],
    'anders-consumeren': [4, 5, 4],
    'anders-werken': [4, 4, 3],
    'anders-investeren': [3, 3, 5],
    'anders-vervoeren': [4, 4, 4],
  },
  petra: {
    'anders-samenleven': [5, 5, 2],
    'anders-produceren': [2, 2, 3],
    'anders-consumeren': [4, 4, 3],
    'anders-werken': [3, 3, 2],
    'anders-investeren': [3, 3, 4],
    'anders-vervoeren': [3, 4, 4],
  },
};

export const demoTrendComments: Partial<Record<DemoPerson, Record<string, string>>> = {
  sanne: { 'anders-produceren': 'Maakbedrijven uit de haven zoeken een etalage in de stad.' },
  petra: { 'anders-samenleven': 'Meer ouderen die dicht bij voorzieningen willen wonen.' },
};

/** The four themes the room chose, in order. */
export const demoChosenThemes = [
  'anders-consumeren',
  'anders-vervoeren',
  'anders-samenleven',
  'anders-produceren',
];

export const demoScenarios = {
  axes: [
    { key: 'digitalisering', label: 'Digitalisering en data', low: 'weinig', high: 'veel' },
    { key: 'circulair', label: 'Circulaire economie', low: 'weinig', high: 'veel' },
  ],
  quadrants: {
    hh: {
      name: 'Slimme kringloopstad',
      narrative:
        'Winkels zijn showrooms en reparatiepunten tegelijk. Data over bezoekersstromen sturen de inzet van pendelbusjes, en lege panden worden werkplaatsen voor hergebruik.',
    },
    hl: {
      name: 'Snelle klikstad',
      narrative:
        'Bestellen gaat online, ophalen en terugbrengen in het centrum. Pakketpunten en bezorging bepalen het straatbeeld; de binnenstad moet beleving bieden om bezoek te verdienen.',
    },
    lh: {
      name: 'Ambachtelijke regio',
      narrative:
        'Makers, markten en reparateurs keren terug in de centra. Het tempo is laag en lokaal; bezoekers komen voor het verhaal achter de producten.',
    },
    ll: {
      name: 'Stil centrum',
      narrative:
        'Weinig vernieuwing: het winkelaanbod krimpt, en zonder nieuwe functies groeit de leegstand. Wonen en zorg vullen langzaam het gat.',
    },
  } as Record<'hh' | 'hl' | 'lh' | 'll', { name: string; narrative: string }>,
  notes: [
    ['sanne', 'hh', 'meaning', 'Minder winkelmeters, meer werkplaatsen'],
    ['kees', 'hh', 'policy', 'Bestemmingsplannen die mengen van wonen en maken toestaan'],
    ['ahmed', 'hl', 'meaning', 'Pakketpunten vervangen winkels in de aanloopstraten'],
    ['fatima', 'hl', 'policy', 'Stadslogistiek bundelen aan de rand van het centrum'],
    ['ingrid', 'lh', 'meaning', 'De weekmarkt wordt weer het hart van de week'],
    ['petra', 'll', 'regret', 'Dat we niet eerder woningen in lege panden hebben gemaakt'],
    ['kees', 'll', 'policy', 'Kern compact maken: winkels naar het plein, wonen aan de randen'],
  ] as [DemoPerson, 'hh' | 'hl' | 'lh' | 'll', 'meaning' | 'policy' | 'regret', string][],
  /** Actions with their origin and the quadrants where the room said they hold (origin implied). */
  actions: [
    {
      by: 'kees' as DemoPerson,
      title: 'Kern compact maken met een transformatiefonds voor lege winkelpanden',
      origin: 'll' as const,
      holds: ['hh', 'hl', 'lh'] as const,
    },
    {
      by: 'fatima' as DemoPerson,
      title: 'Gezamenlijke evenementenkalender voor de drie centra',
      origin: 'hh' as const,
      holds: ['hl', 'lh'] as const,
    },
    {
      by: 'ahmed' as DemoPerson,
      title: 'Pakketpunten bundelen op één plek per centrum',
      origin: 'hl' as const,
      holds: ['hh'] as const,
    },
  ],
};

export const demoVision = {
  targetYear: 2030,
  paragraphs: [
    'In 2030 zijn de centra van Heemskerk, IJmuiden en Beverwijk elk op hun eigen manier de moeite van een bezoek waard, en samen vormen ze een regio waar je graag woont, werkt en uitgaat.',
    'Heemskerk is het groene centrum voor de dagelijkse boodschappen, met kastelen en duinen op loopafstand. IJmuiden verbindt strand, haven en winkelhart tot één maritieme belevenis. Beverwijk is de plek voor regionaal winkelen, met de Bazaar als trekker en een historische kern die bezoekers verder de stad in trekt.',
    'Lege panden hebben nieuwe functies gekregen: woningen, werkplaatsen en ontmoetingsplekken. De drie gemeenten plannen hun evenementen samen en vertellen één verhaal aan bezoekers van buiten.',
  ],
  suggestions: [
    {
      by: 'sanne' as DemoPerson,
      text: 'Noem de vis van de afslag als trekker voor de horeca in IJmuiden.',
      status: 'accepted' as const,
    },
    {
      by: 'petra' as DemoPerson,
      text: 'Voeg toe dat ouderen in Heemskerk dicht bij voorzieningen kunnen wonen.',
      status: 'open' as const,
    },
  ],
};

export const demoPositioning = {
  programmes: [
    { key: 'winkelen', label: 'Winkelen' },
    { key: 'wonen', label: 'Wonen' },
    { key: 'werken', label: 'Werken' },
    { key: 'verblijven', label: 'Verblijven en ontmoeten' },
  ],
  /** [author, place name, programme, role]. */
  roles: [
    ['ingrid', 'Heemskerk', 'winkelen', 'dagelijkse boodschappen'],
    ['ahmed', 'Beverwijk', 'winkelen', 'regionaal winkelen'],
    ['kees', 'Beverwijk', 'winkelen', 'Dagelijkse boodschappen'],
    ['sanne', 'IJmuiden', 'winkelen', 'vis en streekproducten'],
    ['sanne', 'IJmuiden', 'verblijven', 'maritieme vrijetijd'],
    ['fatima', 'IJmuiden', 'verblijven', 'evenementen'],
    ['kees', 'Beverwijk', 'verblijven', 'evenement'],
    ['petra', 'Heemskerk', 'verblijven', 'groen en cultuurhistorie'],
    ['petra', 'Heemskerk', 'wonen', 'wonen voor ouderen'],
    ['kees', 'Beverwijk', 'wonen', 'wonen voor jongeren'],
    ['ahmed', 'Beverwijk', 'werken', 'makers en ambacht'],
    ['fatima', 'IJmuiden', 'werken', 'maritieme bedrijvigheid'],
  ] as [DemoPerson, string, string, string][],
  /** What the room concluded about the overlaps, by programme and normalised role words. */
  verdicts: [
    {
      programme: 'winkelen',
      role: 'dagelijkse boodschappen',
      verdict: 'complementary' as const,
      note: 'Ieder centrum bedient de eigen inwoners; dat is geen concurrentie.',
    },
    {
      programme: 'verblijven',
      role: 'evenementen',
      verdict: 'competition' as const,
      note: 'Grote evenementen op hetzelfde weekend trekken publiek bij elkaar weg.',
    },
  ],
  agreements: [
    {
      text: 'IJmuiden trekt de kar bij maritieme vrijetijd, Beverwijk bij regionaal winkelen, Heemskerk bij groen en cultuurhistorie.',
      places: ['IJmuiden', 'Beverwijk', 'Heemskerk'],
    },
    {
      text: 'Grote evenementen worden vanaf 2027 op één gezamenlijke regionale kalender gepland.',
      places: ['IJmuiden', 'Beverwijk'],
    },
  ],
};

export const demoActions = [
  {
    by: 'kees' as DemoPerson,
    title: 'Transformatiefonds voor lege winkelpanden aan de randen van de kernen',
    description:
      'Eigenaren krijgen hulp en een bijdrage om winkels aan de randen om te bouwen tot woningen of werkplaatsen.',
    ownerName: 'Gemeenten Beverwijk, Heemskerk en Velsen',
    horizon: 'term' as const,
    startsOn: '2027-01-01',
    endsOn: '2029-12-31',
    status: 'confirmed' as const,
    dots: 6,
    followUp: { status: 'in-progress', progress: 35, note: 'Raadsvoorstel in voorbereiding.' },
  },
  {
    by: 'fatima' as DemoPerson,
    title: 'Regionale evenementenkalender',
    description: 'Eén kalender voor de drie centra, zodat grote evenementen elkaar aanvullen.',
    ownerName: 'Binnenstadsmanagers IJmond',
    horizon: 'term' as const,
    startsOn: '2026-11-01',
    endsOn: '2027-06-30',
    status: 'confirmed' as const,
    dots: 5,
    followUp: { status: 'in-progress', progress: 60, note: 'Eerste versie staat online.' },
  },
  {
    by: 'ingrid' as DemoPerson,
    title: 'Fietsroute langs kust en centra',
    description: 'Een bewegwijzerde route die de kust, de kastelen en de drie centra verbindt.',
    ownerName: 'Regio IJmond',
    horizon: 'later' as const,
    startsOn: null,
    endsOn: null,
    status: 'confirmed' as const,
    dots: 3,
    followUp: null,
  },
  {
    by: 'ahmed' as DemoPerson,
    title: 'Pendelbus tussen Bazaar en oude kern op zaterdag',
    description: 'Een proef van een half jaar met een elektrische pendel.',
    ownerName: 'Ondernemersvereniging Beverwijk',
    horizon: 'term' as const,
    startsOn: '2027-03-01',
    endsOn: '2027-09-30',
    status: 'proposed' as const,
    dots: 2,
    followUp: null,
  },
];
