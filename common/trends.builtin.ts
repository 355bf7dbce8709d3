// The trend catalogue every organisation starts with: our own rendition of the six trends of
// "De nieuwe binnenstad", each told as what it means for a city centre.

export interface BuiltinDevelopment {
  key: string;
  title: string;
  description: string;
}

export interface BuiltinTrend {
  key: string;
  title: string;
  description: string;
  developments: readonly BuiltinDevelopment[];
}

export const builtinCatalogue: readonly BuiltinTrend[] = [
  {
    key: 'anders-samenleven',
    title: 'Anders samenleven',
    description:
      'De bevolking van de stad wordt diverser en de verbanden tussen mensen veranderen. Het centrum moet ruimte bieden aan veel verschillende groepen tegelijk.',
    developments: [
      {
        key: 'complexere-samenleving',
        title: 'Een ingewikkelder samenleving',
        description:
          'Groepen, leefstijlen en belangen lopen steeds meer uiteen. Beleid voor het centrum vraagt daardoor om meer overleg en maatwerk.',
      },
      {
        key: 'binnenstad-als-ontmoetingsplek',
        title: 'Het centrum als ontmoetingsplek',
        description:
          'Mensen komen naar het centrum om elkaar te zien, niet alleen om te kopen. Pleinen, cultuur en horeca krijgen daardoor meer gewicht.',
      },
      {
        key: 'wonen-in-het-centrum',
        title: 'Meer wonen in het centrum',
        description:
          'Lege verdiepingen en panden worden woningen. Dat brengt leven na winkeltijd, maar ook nieuwe wensen over rust, groen en voorzieningen.',
      },
    ],
  },
  {
    key: 'anders-produceren',
    title: 'Anders produceren',
    description:
      'Nieuwe technieken maken het mogelijk om dichtbij en op kleine schaal te maken wat eerder ver weg in fabrieken ontstond. Dat geeft het centrum kansen als plek voor makers.',
    developments: [
      {
        key: '3d-printen',
        title: '3D-printen',
        description:
          'Producten worden op bestelling en dicht bij de klant gemaakt. Winkels kunnen minder voorraad nodig hebben en zelf gaan produceren.',
      },
      {
        key: 'circulaire-productie',
        title: 'Circulair produceren',
        description:
          'Grondstoffen en producten worden hergebruikt en gerepareerd in plaats van weggegooid. Ondernemers kunnen verantwoordelijk worden voor hun eigen afval en uitstoot.',
      },
      {
        key: 'deelplatforms',
        title: 'Deelplatforms',
        description:
          'Via online platforms delen mensen spullen, ruimte en diensten. Dat verandert wat er in het centrum wordt verkocht en hoe panden worden gebruikt.',
      },
    ],
  },
  {
    key: 'anders-consumeren',
    title: 'Anders consumeren',
    description:
      'Mensen kopen bewuster en wisselen moeiteloos tussen winkel en webshop. Het centrum moet iets bieden wat een scherm niet kan.',
    developments: [
      {
        key: 'online-en-offline-verweven',
        title: 'Online en offline lopen door elkaar',
        description:
          'Klanten oriënteren zich online en kopen in de winkel, of andersom. Winkels worden daardoor ook plekken om te proberen, af te halen en advies te krijgen.',
      },
      {
        key: 'duurzamer-consumeren',
        title: 'Duurzamer kopen',
        description:
          'Meer mensen letten op herkomst, reparatie en tweedehands. Dat biedt ruimte voor nieuwe soorten winkels en diensten in het centrum.',
      },
      {
        key: 'beleving-en-vrije-tijd',
        title: 'Beleving en vrije tijd',
        description:
          'Een bezoek aan het centrum draait steeds vaker om een dagje uit. Horeca, cultuur en evenementen worden belangrijker dan het aantal winkels.',
      },
    ],
  },
  {
    key: 'anders-werken',
    title: 'Anders werken',
    description:
      'Werk keert terug naar het centrum, in nieuwe vormen en op kleinere schaal. Dat vraagt om andere ruimtes en om een andere mix van functies.',
    developments: [
      {
        key: 'kleinschalige-productie-terug',
        title: 'Kleinschalige productie keert terug',
        description:
          'Ambachtslieden en kleine maakbedrijven vestigen zich weer in het centrum. Lege winkelpanden kunnen werkplaatsen worden.',
      },
      {
        key: 'nieuwe-banen-door-technologie',
        title: 'Nieuwe banen door technologie',
        description:
          'Digitale technieken leveren nieuw werk op, terwijl ander werk verdwijnt. Het centrum kan een plek zijn waar deze nieuwe bedrijven zich vestigen.',
      },
      {
        key: 'flexibel-en-plaatsonafhankelijk-werken',
        title: 'Flexibel en op afstand werken',
        description:
          'Mensen werken vaker thuis, onderweg of in gedeelde werkplekken. Dat verandert wanneer en waarom zij naar het centrum komen.',
      },
    ],
  },
  {
    key: 'anders-investeren',
    title: 'Anders investeren',
    description:
      'Geld en vertrouwen lopen steeds vaker buiten de bekende banken om. Dat verandert wie investeert in panden, ondernemers en projecten in het centrum.',
    developments: [
      {
        key: 'vertrouwen-in-netwerken',
        title: 'Vertrouwen verschuift naar netwerken',
        description:
          'Mensen vertrouwen eerder op elkaar en op online netwerken dan op banken. Crowdfunding en lokale fondsen kunnen plannen in het centrum mogelijk maken.',
      },
      {
        key: 'cryptovaluta',
        title: 'Cryptovaluta',
        description:
          'Digitale munten buiten de centrale banken om komen op. Ondernemers en gemeenten moeten bepalen hoe zij daarmee omgaan.',
      },
      {
        key: 'maatschappelijke-kosten-meetellen',
        title: 'Maatschappelijke kosten tellen mee',
        description:
          'Bedrijven nemen de gevolgen van hun werk voor milieu en omgeving steeds vaker op in hun rekensom. Dat beïnvloedt welke investeringen in het centrum aantrekkelijk zijn.',
      },
    ],
  },
  {
    key: 'anders-vervoeren',
    title: 'Anders vervoeren',
    description:
      'De manier waarop mensen en goederen het centrum bereiken verandert snel. Dat heeft gevolgen voor parkeren, bevoorrading en de inrichting van straten.',
    developments: [
      {
        key: 'vraaggestuurde-mobiliteit',
        title: 'Vervoer op aanvraag',
        description:
          'Vervoer rijdt wanneer en waar iemand erom vraagt, in plaats van volgens een vaste dienstregeling. Dat maakt het centrum anders bereikbaar, ook voor wie geen auto heeft.',
      },
      {
        key: 'mobility-as-a-service',
        title: 'Mobiliteit als dienst',
        description:
          'Reizigers plannen, boeken en betalen verschillende soorten vervoer in één dienst. Bezit van een eigen auto wordt minder vanzelfsprekend, en parkeerruimte kan een andere bestemming krijgen.',
      },
      {
        key: 'autonoom-en-elektrisch-vervoer',
        title: 'Zelfrijdend en elektrisch vervoer',
        description:
          'Elektrische en zelfrijdende voertuigen winnen terrein. Dat vraagt om laadpunten, nieuwe regels voor bevoorrading en een andere verdeling van de straat.',
      },
    ],
  },
];
