// Demo content for a fresh install: one knowledge network, the IJmond region, a few people, a
// draft lab to open and a finished lab that used every method (demo-lab.ts).
import { labInput } from '../../common/labs.ts';
import type { OrgRole } from '../../common/roles.ts';
import { insertUser } from '../features/auth/auth.repo.ts';
import { issueLink } from '../features/auth/links.service.ts';
import { createLabAsOperator } from '../features/labs/labs.service.ts';
import { ensureTrendCatalogue } from '../features/trends/trends.service.ts';
import { seedDemoKnowledge } from './demo-knowledge.ts';
import { seedFinishedDemoLab } from './demo-lab.ts';
import type { AppContext } from '../http/context.ts';
import {
  countOrganisations,
  grantActiveMembership,
  insertOrganisation,
  insertPlace,
  insertRegion,
  lockSeeding,
} from './operator.repo.ts';

/** The demo admin's address; main.ts prints it with the sign-in link. */
export const DEMO_ADMIN_EMAIL = 'beheerder@stadshart.example';

const demoOrganisation = { slug: 'kennisnetwerk-binnensteden', name: 'Kennisnetwerk Binnensteden' };

const demoPlaces = [
  {
    name: 'Heemskerk',
    municipality: 'Heemskerk',
    cbsCode: 'GM0396',
    description:
      'Een groen centrum met een dorps karakter, waar de dagelijkse boodschappen om de hoek liggen. Slot Assumburg en Kasteel Marquette en het nabije duingebied geven de plaats rust en een eigen verhaal.',
    dnaTags: ['groen', 'dorps karakter', 'kastelen', 'dagelijkse boodschappen', 'duinen'],
  },
  {
    name: 'IJmuiden',
    municipality: 'Velsen',
    cbsCode: 'GM0453',
    description:
      'Een stad die is gevormd door de sluizen, de vissershaven en de staalindustrie aan de monding van het Noordzeekanaal. Het winkelhart zoekt de verbinding met haven, strand en zee.',
    dnaTags: ['industrieel karakter', 'staal', 'vis', 'haven', 'zee', 'sluizen'],
  },
  {
    name: 'Beverwijk',
    municipality: 'Beverwijk',
    cbsCode: 'GM0375',
    description:
      'Een koopstad met een regionale trekkracht: een historische kern met winkelstraten, en aan de rand de Beverwijkse Bazaar, de overdekte markt die elk weekend bezoekers van heinde en verre trekt.',
    dnaTags: ['Beverwijkse Bazaar', 'regionaal winkelen', 'markt', 'historische kern'],
  },
];

const demoRegion = {
  name: 'IJmond',
  description:
    'Drie gemeenten aan het Noordzeekanaal die hun binnensteden samen bekijken: elkaar aanvullen waar dat kan, en onnodige onderlinge concurrentie voorkomen.',
};

// A draft lab, so a newcomer finds one to open: one canvas per place and one for the region.
const demoLab = {
  title: 'Regiolab IJmond: binnensteden die elkaar versterken',
  question:
    'Hoe kunnen Heemskerk, IJmuiden en Beverwijk ieder hun eigen kracht laten zien en elkaar aanvullen, in plaats van elkaar onnodig te beconcurreren?',
  kind: 'regional',
} as const;

const demoPeople: {
  email: string;
  name: string;
  function: string;
  municipality: string;
  role: OrgRole;
}[] = [
  {
    email: DEMO_ADMIN_EMAIL,
    name: 'Marloes de Wit',
    function: 'adviseur',
    municipality: '',
    role: 'admin',
  },
  {
    email: 'begeleider@stadshart.example',
    name: 'Jeroen Bakker',
    function: 'onderzoeker',
    municipality: '',
    role: 'facilitator',
  },
  {
    email: 'wethouder@stadshart.example',
    name: 'Fatima El Amrani',
    function: 'wethouder',
    municipality: 'Velsen',
    role: 'member',
  },
  {
    email: 'binnenstadsmanager@stadshart.example',
    name: 'Kees Molenaar',
    function: 'binnenstadsmanager',
    municipality: 'Beverwijk',
    role: 'member',
  },
  {
    email: 'ondernemer@stadshart.example',
    name: 'Ingrid Zwart',
    function: 'ondernemer',
    municipality: 'Heemskerk',
    role: 'member',
  },
];

/**
 * On a database without organisations, creates the demo content in one transaction and returns
 * a fresh one-time sign-in link for the demo admin; returns null (and changes nothing) when the
 * database already has an organisation. No demo account gets a password: people sign in by link.
 */
export async function seedDemoIfEmpty(
  ctx: AppContext,
): Promise<{ adminEmail: string; signInUrl: string; expiresAt: Date } | null> {
  return ctx.database.db.transaction(async (tx) => {
    await lockSeeding(tx);
    if ((await countOrganisations(tx)) > 0) return null;
    const org = await insertOrganisation(tx, demoOrganisation);
    if (!org) throw new Error('the demo organisation could not be created');
    const placeIds: string[] = [];
    for (const place of demoPlaces)
      placeIds.push(await insertPlace(tx, { orgId: org.id, ...place }));
    const regionId = await insertRegion(tx, { orgId: org.id, ...demoRegion }, placeIds);
    await ensureTrendCatalogue(tx, org.id);

    const now = new Date();
    let adminId: string | null = null;
    let facilitatorId: string | null = null;
    for (const { role, ...person } of demoPeople) {
      const user = await insertUser(tx, person);
      await grantActiveMembership(tx, { orgId: org.id, userId: user.id, role }, now);
      if (person.email === DEMO_ADMIN_EMAIL) adminId = user.id;
      if (role === 'facilitator') facilitatorId ??= user.id;
    }
    if (!adminId) throw new Error('the demo admin was not created');
    await createLabAsOperator(
      tx,
      org.id,
      facilitatorId ?? adminId,
      labInput.parse({ ...demoLab, regionId, placeIds }),
    );
    await seedFinishedDemoLab(tx, {
      orgId: org.id,
      regionId,
      facilitatorId: facilitatorId ?? adminId,
      places: new Map(demoPlaces.map((place, i) => [place.name, placeIds[i] ?? ''])),
    });
    await seedDemoKnowledge(tx, {
      orgId: org.id,
      authorId: facilitatorId ?? adminId,
      reviewerId: adminId,
    });
    const link = await issueLink(tx, ctx.config, { userId: adminId, purpose: 'sign_in' });
    return { adminEmail: DEMO_ADMIN_EMAIL, signInUrl: link.url, expiresAt: link.expiresAt };
  });
}
