// A new installation from the first sign-in to a region with three places: the admin signs in with
// the printed link and invites a facilitator, who activates the account from the mail in the
// outbox, signs in with a password, creates three places and a region, and switches to English.
import { expectAccessible } from './support/axe.ts';
import { visit } from './support/pages.ts';
import { expect, test } from './support/actors.ts';

const facilitatorEmail = 'esther.begeleider@stadshart.example';
const facilitatorPassword = 'een lange zin als wachtwoord';
const places = [
  { name: 'Lisse', municipality: 'Lisse', tags: 'bollen, tuinen' },
  { name: 'Hillegom', municipality: 'Hillegom', tags: 'dorpskern, markt' },
  { name: 'Noordwijk', municipality: 'Noordwijk', tags: 'strand, toerisme' },
];

test('admin invites a facilitator, who sets up a region of three places and switches to English', async ({
  actors,
}) => {
  const adminLink = process.env.E2E_ADMIN_LINK;
  if (!adminLink) throw new Error('the global setup did not provide the admin link');

  // The admin signs in with the one-time link the server printed.
  const admin = await actors.actor('admin');
  await admin.goto(adminLink);
  await visit(admin, /^Welkom/, 'home, signed in as admin');
  await expect(admin).toHaveURL(/\/$/);
  const orgLink = admin.getByRole('link', { name: /Kennisnetwerk/ });
  const orgName = (await orgLink.innerText()).trim();
  await orgLink.click();
  await visit(admin, orgName, 'organisation home');

  // Invite a facilitator, by keyboard: focus each field, type, and submit with Enter.
  await admin.getByRole('link', { name: 'Leden en uitnodigingen' }).click();
  await visit(admin, 'Leden', 'members');
  await admin.getByLabel('E-mailadres').focus();
  await admin.keyboard.type(facilitatorEmail);
  await admin.getByLabel('Naam (niet verplicht)').focus();
  await admin.keyboard.type('Esther de Begeleider');
  await admin.getByLabel('Rol', { exact: true }).selectOption({ label: 'Begeleider' });
  await admin.getByLabel('Naam (niet verplicht)').press('Enter');
  await expect(
    admin.getByRole('status').filter({ hasText: `Uitnodiging verstuurd naar ${facilitatorEmail}` }),
  ).toBeVisible();
  await expectAccessible(admin, 'members after inviting');

  // Without SMTP the invitation waits in the outbox, where the admin can read it.
  await admin.getByRole('link', { name: orgName }).first().click();
  await admin.getByRole('link', { name: /postvak uit/i }).click();
  await visit(admin, 'Postvak uit', 'outbox');
  await admin
    .getByRole('row', { name: new RegExp(facilitatorEmail) })
    .getByRole('link')
    .click();
  await visit(admin, /Uitnodiging voor/, 'outbox message');
  const mail = await admin.locator('pre').innerText();
  const invitation = /https?:\/\/\S+\/welcome#token=[A-Za-z0-9_-]+/.exec(mail)?.[0];
  expect(invitation, 'invitation link in the mail').toBeTruthy();

  // The facilitator, in a browser of their own, accepts and chooses a password.
  const facilitator = await actors.actor('facilitator');
  await facilitator.goto(invitation ?? '');
  await visit(facilitator, 'Welkom bij Stadshart', 'welcome');
  await expect(facilitator).not.toHaveURL(/token=/);
  await facilitator.getByLabel('Uw naam').fill('Esther de Begeleider');
  await facilitator.getByLabel('Kies een wachtwoord').fill(facilitatorPassword);
  await facilitator.getByRole('button', { name: 'Account activeren' }).click();
  await visit(facilitator, orgName, 'organisation home as facilitator');

  // Sign out, then sign in again with the new password.
  await facilitator.getByRole('button', { name: 'Uitloggen' }).click();
  await facilitator.getByRole('link', { name: 'Inloggen' }).first().click();
  await visit(facilitator, 'Inloggen', 'sign in');
  const passwordForm = facilitator.getByRole('region', { name: 'Met uw wachtwoord' });
  await passwordForm.getByLabel('E-mailadres').fill(facilitatorEmail);
  await passwordForm.getByLabel('Wachtwoord', { exact: true }).fill(facilitatorPassword);
  await passwordForm.getByRole('button', { name: 'Inloggen' }).click();
  await visit(facilitator, /^Welkom, Esther/, 'home as facilitator');

  // Three places…
  await facilitator.getByRole('link', { name: orgName }).first().click();
  await facilitator.getByRole('link', { name: 'Plaatsen', exact: true }).click();
  await visit(facilitator, 'Plaatsen', 'places');
  for (const place of places) {
    await facilitator.getByRole('link', { name: 'Nieuwe plaats' }).click();
    await visit(facilitator, 'Nieuwe plaats', 'new place');
    await facilitator.getByLabel('Naam van de plaats').fill(place.name);
    await facilitator.getByLabel('Gemeente', { exact: true }).fill(place.municipality);
    await facilitator.getByLabel('DNA-kenmerken').fill(place.tags);
    await facilitator.getByRole('button', { name: 'Plaats toevoegen' }).click();
    await visit(facilitator, place.name, `place ${place.name}`);
    await facilitator.getByRole('link', { name: 'Naar alle plaatsen' }).click();
  }

  // …and a region that holds them, chosen with the keyboard (Space ticks a checkbox).
  await facilitator.getByRole('link', { name: orgName }).first().click();
  await facilitator.getByRole('link', { name: 'Regio’s', exact: true }).click();
  await visit(facilitator, 'Regio’s', 'regions');
  await facilitator.getByRole('link', { name: 'Nieuwe regio' }).click();
  await visit(facilitator, 'Nieuwe regio', 'new region');
  await facilitator.getByLabel('Naam van de regio').fill('Duin- en Bollenstreek');
  for (const place of places) {
    await facilitator
      .getByRole('checkbox', { name: `${place.name} (${place.municipality})` })
      .press('Space');
  }
  await facilitator.getByRole('button', { name: 'Regio toevoegen' }).press('Enter');
  await visit(facilitator, 'Duin- en Bollenstreek', 'region');
  for (const place of places) {
    await expect(
      facilitator
        .getByRole('main')
        .getByRole('link', { name: `${place.name} (${place.municipality})`, exact: true }),
    ).toBeVisible();
  }

  // English, everywhere, and remembered on the next page.
  await facilitator.getByRole('button', { name: 'English' }).click();
  await expect(facilitator.locator('html')).toHaveAttribute('lang', 'en');
  await expect(facilitator.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expectAccessible(facilitator, 'region in English');
  await facilitator.getByRole('link', { name: 'Home', exact: true }).click();
  await visit(facilitator, /^Welcome, Esther/, 'home in English');
  await expect(facilitator.getByRole('heading', { name: 'Your organisations' })).toBeVisible();
});

test('a visitor can reach the content by keyboard from the skip link', async ({ actors }) => {
  const visitor = await actors.actor('visitor');
  await visitor.goto('/');
  await visit(visitor, 'Samen werken aan de binnenstad', 'home as visitor');
  await visitor.keyboard.press('Tab');
  const skipLink = visitor.getByRole('link', { name: 'Naar de inhoud' });
  await expect(skipLink).toBeFocused();
  await visitor.keyboard.press('Enter');
  await expect(visitor.locator('#main')).toBeFocused();
  await visitor.goto('/sign-in');
  await visit(visitor, 'Inloggen', 'sign in as visitor');
  await visitor.goto('/api/docs');
  await visit(visitor, 'API-naslag', 'API reference');
  await expect(
    visitor.getByRole('heading', { level: 3, name: 'POST /api/v1/auth/sign-in' }),
  ).toBeVisible();
  await visitor.goto('/does-not-exist');
  await visit(visitor, 'Pagina niet gevonden', 'not found');
});
