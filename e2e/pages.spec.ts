// Every page the onboarding scenario does not reach, each by a named person and each checked with
// axe: the admin's account, settings, members, outbox, places, import and regions; a member who is
// deactivated while signed in; the sign-in pages when something goes wrong; and what a member sees.
//
// The printed one-time admin link is used up by the onboarding scenario, so people here sign in
// as anyone without SMTP would: ask for a sign-in link and read it from the server's outbox folder
// (DATA_DIR/outbox, one JSON file per mail).
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/axe.ts';
import { signInByMail, visit } from './support/pages.ts';
import { expect, test } from './support/actors.ts';

const orgName = 'Kennisnetwerk Binnensteden';
const orgPath = '/o/kennisnetwerk-binnensteden';
const adminEmail = 'beheerder@stadshart.example';
const demoMemberEmail = 'wethouder@stadshart.example';
/** Shaped like a real token (long enough for the schema), but never issued. */
const bogusToken = 'ditIsGeenEchteTokenMaarWelLangGenoeg_0123456789';

/** From anywhere in the app, through the header and the organisation home, to one of its pages. */
async function openFromOrgHome(
  page: Page,
  link: string,
  heading: string,
  label: string,
): Promise<void> {
  await page.getByRole('link', { name: orgName }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: orgName })).toBeVisible();
  await page.getByRole('link', { name: link, exact: true }).click();
  await visit(page, heading, label);
}

test('admin manages the organisation', async ({ actors }) => {
  const admin = await actors.actor('admin');
  await signInByMail(admin, adminEmail, /^Welkom, Marloes/);

  // The account: profile saved with a confirmation, then a first password.
  await admin.getByRole('link', { name: 'Mijn account' }).click();
  await visit(admin, 'Mijn account', 'account');
  const profile = admin.getByRole('region', { name: 'Profiel', exact: true });
  await profile.getByLabel('Gemeente of organisatie').fill('Provincie Noord-Holland');
  await profile.getByRole('button', { name: 'Profiel opslaan' }).click();
  await expect(profile.getByRole('status')).toHaveText('Uw profiel is opgeslagen.');
  await expectAccessible(admin, 'account after saving the profile');
  const password = admin.getByRole('region', { name: 'Wachtwoord', exact: true });
  await password.getByLabel('Nieuw wachtwoord', { exact: true }).fill('de beheerder kiest een zin');
  await password.getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(password.getByRole('status')).toContainText('Uw wachtwoord is opgeslagen.');
  await expect(password.getByLabel('Huidig wachtwoord')).toBeVisible();
  await expectAccessible(admin, 'account after setting a password');

  // Settings: a colour too light for white text is refused, a dark one is saved and applied.
  await admin.getByRole('link', { name: 'Start', exact: true }).click();
  await admin.getByRole('link', { name: orgName }).first().click();
  await admin.getByRole('link', { name: 'Instellingen: naam, kleur en logo' }).click();
  await visit(admin, 'Instellingen van de organisatie', 'organisation settings');
  const colourCode = admin.getByLabel('Kleurcode (#rrggbb)');
  await colourCode.fill('#f7e08a');
  await admin.getByRole('button', { name: 'Naam en kleur opslaan' }).click();
  const summary = admin.locator('.stadshart-error-summary');
  await expect(summary).toBeFocused();
  await expect(
    summary.getByRole('heading', { name: 'Controleer de volgende velden' }),
  ).toBeVisible();
  await expect(
    summary.getByRole('link', { name: /^Hoofdkleur: Deze kleur is te licht/ }),
  ).toHaveAttribute('href', '#field-primaryColour');
  await expect(admin.getByLabel('Hoofdkleur', { exact: true })).toHaveAccessibleDescription(
    /Deze kleur is te licht/,
  );
  await expectAccessible(admin, 'organisation settings with a colour error');
  await colourCode.fill('#1f4d2b');
  await expect(admin.getByText('Dat is voldoende.')).toBeVisible();
  await admin.getByRole('button', { name: 'Naam en kleur opslaan' }).click();
  await expect(admin.getByRole('region', { name: 'Naam en kleur' }).getByRole('status')).toHaveText(
    'De naam en kleur zijn opgeslagen.',
  );
  await expect(summary).toBeHidden();
  await expect(admin.locator('body')).toHaveAttribute('style', /--stadshart-brand:\s*#1f4d2b/);
  await expectAccessible(admin, 'organisation settings after saving a colour');

  // Members and the outbox, with one message opened.
  await openFromOrgHome(admin, 'Leden en uitnodigingen', 'Leden', 'members');
  await expect(admin.getByRole('table', { name: /Leden van de organisatie/ })).toBeVisible();
  await openFromOrgHome(admin, 'Verstuurde e-mail (postvak uit)', 'Postvak uit', 'outbox');
  await admin
    .getByRole('row', { name: new RegExp(adminEmail) })
    .first()
    .getByRole('link')
    .click();
  await visit(admin, /Uw inloglink voor Stadshart/, 'outbox message');
  await expect(admin.locator('pre')).toContainText('Met deze link logt u in bij Stadshart');

  // Places: the list, the IJmond region, IJmuiden, and a new description for IJmuiden.
  await openFromOrgHome(admin, 'Plaatsen', 'Plaatsen', 'places');
  await admin
    .getByRole('row', { name: /IJmuiden/ })
    .getByRole('link', { name: 'IJmond' })
    .click();
  await visit(admin, 'IJmond', 'region IJmond');
  await admin.getByRole('main').getByRole('link', { name: 'IJmuiden (Velsen)' }).click();
  await visit(admin, 'IJmuiden', 'place IJmuiden');
  await admin.getByRole('link', { name: 'Plaats bewerken' }).click();
  await visit(admin, 'Plaats bewerken', 'edit place');
  const description =
    'Havenstad aan het Noordzeekanaal, waar het winkelhart de weg naar het strand zoekt.';
  await admin.getByLabel('Beschrijving (niet verplicht)').fill(description);
  await admin.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await visit(admin, 'IJmuiden', 'place IJmuiden after editing');
  await expect(admin.getByRole('status')).toHaveText('De wijzigingen in IJmuiden zijn opgeslagen.');
  await expect(admin.getByRole('main')).toContainText(description);

  // Import: one bad row refuses the whole file; then two good rows go in.
  await admin.getByRole('link', { name: 'Naar alle plaatsen' }).click();
  await admin.getByRole('link', { name: 'Importeren uit CSV' }).click();
  await visit(admin, 'Plaatsen importeren uit CSV', 'places import');
  const csv = admin.getByLabel('Inhoud van het CSV-bestand');
  const header = 'name;municipality;cbs_code;description;dna_tags';
  const velsenNoord =
    'Velsen-Noord;Velsen;GM0453;Dorp tussen de sluizen en het staal.;staal|sluizen';
  await csv.fill([header, velsenNoord, 'Santpoort;;GM0453;;groen'].join('\n'));
  await admin.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(admin.getByRole('heading', { name: 'Er is niets geïmporteerd' })).toBeVisible();
  const report = admin.getByRole('table', { name: 'Fouten per rij (de kopregel is rij 1)' });
  await expect(report.getByRole('row')).toHaveCount(2);
  await expect(report.getByRole('row').nth(1)).toHaveText(
    /^3\s*municipality\s*Deze cel is leeg, maar moet ingevuld zijn\.$/,
  );
  await expectAccessible(admin, 'places import refused');
  await csv.fill(
    [header, velsenNoord, 'Wijk aan Zee;Beverwijk;GM0375;Badplaats bij de pier.;strand|zee'].join(
      '\n',
    ),
  );
  await admin.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(admin.getByText('2 plaatsen zijn geïmporteerd.')).toBeVisible();
  await expectAccessible(admin, 'places import done');
  await admin.getByRole('link', { name: 'Naar de lijst met plaatsen' }).click();
  await visit(admin, 'Plaatsen', 'places after importing');
  for (const name of ['Velsen-Noord', 'Wijk aan Zee']) {
    await expect(admin.getByRole('link', { name, exact: true })).toBeVisible();
  }

  // Regions: the list, and IJmond edited to take in Velsen-Noord.
  await openFromOrgHome(admin, 'Regio’s', 'Regio’s', 'regions');
  await admin.getByRole('main').getByRole('link', { name: 'IJmond', exact: true }).click();
  await visit(admin, 'IJmond', 'region IJmond');
  await admin.getByRole('link', { name: 'Regio bewerken' }).click();
  await visit(admin, 'Regio bewerken', 'edit region');
  await admin.getByRole('checkbox', { name: 'Velsen-Noord (Velsen)' }).check();
  await admin.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await visit(admin, 'IJmond', 'region IJmond after editing');
  await expect(admin.getByRole('status')).toHaveText(
    'De wijzigingen in de regio IJmond zijn opgeslagen.',
  );
  await expect(
    admin.getByRole('main').getByRole('link', { name: 'Velsen-Noord (Velsen)' }),
  ).toBeVisible();
});

test('deactivating a member ends their session at once', async ({ actors }) => {
  const memberEmail = 'sanne.lid@stadshart.example';
  const memberPassword = 'sanne doet graag mee';
  const admin = await actors.actor('admin');
  await signInByMail(admin, adminEmail, /^Welkom, Marloes/);

  // The admin invites Sanne as a member and reads the invitation in the outbox.
  await openFromOrgHome(admin, 'Leden en uitnodigingen', 'Leden', 'members');
  await admin.getByLabel('E-mailadres').fill(memberEmail);
  await admin.getByLabel('Naam (niet verplicht)').fill('Sanne Lid');
  await admin.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(
    admin.getByRole('status').filter({ hasText: `Uitnodiging verstuurd naar ${memberEmail}` }),
  ).toBeVisible();
  await openFromOrgHome(admin, 'Verstuurde e-mail (postvak uit)', 'Postvak uit', 'outbox');
  await admin
    .getByRole('row', { name: new RegExp(memberEmail) })
    .getByRole('link')
    .click();
  await visit(admin, /Uitnodiging voor/, 'invitation in the outbox');
  const invitation = /https?:\/\/\S+\/welcome#token=[\w-]+/.exec(
    await admin.locator('pre').innerText(),
  )?.[0];
  expect(invitation, 'invitation link in the mail').toBeTruthy();

  // Sanne accepts in a browser of her own and arrives at the organisation.
  const member = await actors.actor('member');
  await member.goto(invitation ?? '');
  await visit(member, 'Welkom bij Stadshart', 'welcome');
  await member.getByLabel('Uw naam').fill('Sanne Lid');
  await member.getByLabel('Kies een wachtwoord').fill(memberPassword);
  await member.getByRole('button', { name: 'Account activeren' }).click();
  await visit(member, orgName, 'organisation home as the new member');

  // The admin deactivates her, with a second, explicit step.
  await openFromOrgHome(admin, 'Leden en uitnodigingen', 'Leden', 'members before deactivating');
  await admin.getByRole('button', { name: 'Sanne Lid deactiveren' }).click();
  await expect(admin.getByText('Weet u het zeker? Sanne Lid wordt meteen overal')).toBeVisible();
  const confirm = admin.getByRole('button', { name: 'Ja, deactiveren' });
  await expect(confirm).toBeFocused();
  await expectAccessible(admin, 'members while confirming a deactivation');
  await confirm.click();
  await expect(
    admin
      .getByRole('status')
      .filter({ hasText: 'Sanne Lid is gedeactiveerd en overal uitgelogd.' }),
  ).toBeVisible();
  await expect(admin.getByRole('button', { name: 'Sanne Lid weer activeren' })).toBeFocused();
  await expect(admin.getByRole('row', { name: /Sanne Lid/ })).toContainText('Gedeactiveerd');
  await expectAccessible(admin, 'members after deactivating');

  // Sanne's very next step inside the app finds her signed out, and sent to sign in again.
  await member.getByRole('link', { name: 'Plaatsen', exact: true }).click();
  await visit(member, 'Inloggen', 'sign in after being deactivated');
  await expect(member).toHaveURL(/\/sign-in\?next=%2Fo%2F[^&]+%2Fplaces$/);
  await expect(member.getByRole('button', { name: 'Uitloggen' })).toBeHidden();

  // Her password still proves who she is, but the account no longer lets her in.
  const passwordForm = member.getByRole('region', { name: 'Met uw wachtwoord' });
  await passwordForm.getByLabel('E-mailadres').fill(memberEmail);
  await passwordForm.getByLabel('Wachtwoord', { exact: true }).fill(memberPassword);
  await passwordForm.getByRole('button', { name: 'Inloggen' }).click();
  await expect(member.getByRole('main')).toContainText('Uw account is gedeactiveerd.');
  await expectAccessible(member, 'sign in refused after deactivation');
});

test('sign-in errors are clear and accessible', async ({ actors }) => {
  const visitor = await actors.actor('visitor');
  await visitor.goto('/sign-in');
  await visit(visitor, 'Inloggen', 'sign in');
  const passwordForm = visitor.getByRole('region', { name: 'Met uw wachtwoord' });

  // An empty form: the summary takes focus and leads to each field.
  await passwordForm.getByRole('button', { name: 'Inloggen' }).click();
  const summary = passwordForm.locator('.stadshart-error-summary');
  await expect(summary).toBeFocused();
  await expect(
    summary.getByRole('heading', { name: 'Controleer de volgende velden' }),
  ).toBeVisible();
  await expect(summary.getByRole('link', { name: /^E-mailadres: / })).toHaveAttribute(
    'href',
    '#field-email',
  );
  await expect(summary.getByRole('link', { name: /^Wachtwoord: / })).toHaveAttribute(
    'href',
    '#field-password',
  );
  await expect(passwordForm.getByLabel('Wachtwoord', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await summary.getByRole('link', { name: /^Wachtwoord: / }).click();
  await expect(passwordForm.getByLabel('Wachtwoord', { exact: true })).toBeFocused();
  await expectAccessible(visitor, 'sign in with an empty form');

  // A wrong password: one message that does not say which of the two was wrong.
  await passwordForm.getByLabel('E-mailadres').fill('begeleider@stadshart.example');
  await passwordForm.getByLabel('Wachtwoord', { exact: true }).fill('niet het goede wachtwoord');
  await passwordForm.getByRole('button', { name: 'Inloggen' }).click();
  await expect(summary.getByRole('heading', { name: 'Er ging iets mis' })).toBeVisible();
  await expect(summary).toContainText('Het e-mailadres of wachtwoord klopt niet.');
  await expect(summary).toBeFocused();
  await expectAccessible(visitor, 'sign in with a wrong password');

  // Forgot password: the same neutral answer whether or not the address has an account.
  await passwordForm.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
  await visit(visitor, 'Wachtwoord vergeten', 'password reset request');
  await visitor.getByLabel('E-mailadres').fill('niemand@stadshart.example');
  await visitor.getByRole('button', { name: 'Stuur mij een link' }).click();
  await expect(visitor.getByRole('status')).toHaveText(
    /^Als er een account is met het adres niemand@stadshart\.example/,
  );
  await expectAccessible(visitor, 'password reset requested');

  // Links with a token that was never issued.
  await visitor.goto(`/auth/link#token=${bogusToken}`);
  await visit(visitor, 'Inloggen met deze link lukt niet', 'sign-in link with a bad token');
  await expect(visitor.getByRole('main')).toContainText(
    'Deze link is al gebruikt of verlopen. Vraag een nieuwe aan.',
  );
  await expect(visitor).not.toHaveURL(/token=/);

  await visitor.goto(`/welcome#token=${bogusToken}`);
  await visit(visitor, 'Welkom bij Stadshart', 'welcome with a bad token');
  await visitor.getByLabel('Uw naam').fill('Iemand Onbekend');
  await visitor.getByLabel('Kies een wachtwoord').fill('een wachtwoord dat lang genoeg is');
  await visitor.getByRole('button', { name: 'Account activeren' }).click();
  const invalid = visitor.getByRole('heading', {
    level: 1,
    name: 'Deze uitnodiging werkt niet meer',
  });
  await expect(invalid).toBeFocused();
  await expectAccessible(visitor, 'welcome, invitation refused');

  await visitor.goto(`/auth/reset#token=${bogusToken}`);
  await visit(visitor, 'Kies een nieuw wachtwoord', 'new password with a bad token');
  await visitor.getByLabel('Nieuw wachtwoord', { exact: true }).fill('een nieuw lang wachtwoord');
  await visitor.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(
    visitor.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' }),
  ).toBeFocused();
  await expect(visitor.getByRole('main')).toContainText('hij is al gebruikt of verlopen');
  await expectAccessible(visitor, 'password reset link refused');

  await visitor.goto(`/auth/verify#token=${bogusToken}`);
  await visit(visitor, 'Bevestigen lukt niet', 'e-mail confirmation with a bad token');
  await expect(visitor.getByRole('main')).toContainText('Deze link is al gebruikt of verlopen.');
});

test('the member sees only what members may', async ({ actors }) => {
  const member = await actors.actor('member');
  await signInByMail(member, demoMemberEmail, /^Welkom, Fatima/);

  await member.getByRole('link', { name: orgName }).click();
  await visit(member, orgName, 'organisation home as a member');
  await expect(member.getByText('Uw rol: Lid.')).toBeVisible();
  await expect(member.getByRole('link', { name: 'Plaatsen', exact: true })).toBeVisible();
  await expect(member.getByRole('heading', { name: 'Beheer' })).toBeHidden();
  for (const name of ['Leden en uitnodigingen', /Instellingen/, /postvak uit/i]) {
    await expect(member.getByRole('link', { name })).toBeHidden();
  }

  // Admin pages, typed into the address bar, say politely who may use them.
  await member.goto(`${orgPath}/members`);
  await visit(member, 'Leden', 'members as a member');
  await expect(member.getByRole('main')).toContainText(
    'Alleen beheerders van deze organisatie kunnen de ledenlijst bekijken',
  );
  await expect(member.getByRole('table')).toBeHidden();
  await member.goto(`${orgPath}/settings`);
  await visit(member, 'Instellingen van de organisatie', 'settings as a member');
  await expect(member.getByRole('main')).toContainText(
    'Alleen beheerders van deze organisatie kunnen de naam, kleur en het logo wijzigen.',
  );
  await member.goto(`${orgPath}/outbox`);
  await visit(member, 'Postvak uit', 'outbox as a member');
  await expect(member.getByRole('main')).toContainText(
    'Alleen beheerders van deze organisatie kunnen de verstuurde e-mail bekijken.',
  );

  // Places and regions to look at, nothing to add.
  await openFromOrgHome(member, 'Plaatsen', 'Plaatsen', 'places as a member');
  await expect(member.getByRole('link', { name: 'IJmuiden', exact: true })).toBeVisible();
  await expect(member.getByRole('link', { name: 'Nieuwe plaats' })).toBeHidden();
  await expect(member.getByRole('link', { name: 'Importeren uit CSV' })).toBeHidden();
  await member.getByRole('link', { name: 'IJmuiden', exact: true }).click();
  await visit(member, 'IJmuiden', 'place as a member');
  await expect(member.getByRole('link', { name: 'Plaats bewerken' })).toBeHidden();
  await expect(member.getByRole('button', { name: 'Plaats verwijderen' })).toBeHidden();
  await member.goto(`${orgPath}/places/import`);
  await visit(member, 'Plaatsen importeren uit CSV', 'places import as a member');
  await expect(member.getByRole('main')).toContainText(
    'Alleen begeleiders en beheerders kunnen plaatsen en regio’s toevoegen',
  );
  await expect(member.getByLabel('Inhoud van het CSV-bestand')).toBeHidden();
  await openFromOrgHome(member, 'Regio’s', 'Regio’s', 'regions as a member');
  await expect(member.getByRole('link', { name: 'Nieuwe regio' })).toBeHidden();
});
