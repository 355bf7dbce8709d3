import { CSRF_HEADER, sessionResponse } from '../common/auth.ts';
import { lab as labSchema } from '../common/labs.ts';
import { placeList as placeListSchema } from '../common/places.ts';
import { expectAccessible } from './support/axe.ts';
import { expect, test } from './support/actors.ts';
import { joinAsGuest, openLiveLab, orgSlug, signInAsFacilitator } from './support/labs.ts';

test('a positioning round: roles per place, an overlap judged, an agreement on the big screen', async ({
  actors,
}) => {
  const facilitator = await actors.actor('facilitator');
  await signInAsFacilitator(facilitator);
  const session = sessionResponse.parse(
    await (await facilitator.request.get('/api/v1/session')).json(),
  );
  const headers = { [CSRF_HEADER]: session.csrfToken ?? '' };
  const placeList = placeListSchema.parse(
    await (await facilitator.request.get(`/api/v1/orgs/${orgSlug}/places`)).json(),
  );
  // The demo's three IJmond places, by name: other scenarios may have added places of their own.
  const ijmond = ['Beverwijk', 'Heemskerk', 'IJmuiden'].map((name) => {
    const place = placeList.places.find((p) => p.name === name);
    if (!place) throw new Error(`the demo place ${name} is missing`);
    return place;
  });
  const ids = ijmond.map((p) => p.id);
  const created = await facilitator.request.post(`/api/v1/orgs/${orgSlug}/labs`, {
    headers,
    data: { title: 'Positionering IJmond', kind: 'regional', placeIds: ids },
  });
  expect(created.status()).toBe(201);
  const lab = labSchema.parse(await created.json());
  await facilitator.goto(`/o/${orgSlug}/labs/${lab.id}`);
  await expect(facilitator.getByRole('heading', { level: 1, name: lab.title })).toBeVisible();
  await facilitator.getByRole('button', { name: 'Stap toevoegen' }).click();
  await facilitator.getByLabel('Regionale positionering').check();
  await facilitator.getByLabel('Titel van de stap').fill('Positionering');
  for (const name of ['Beverwijk', 'Heemskerk', 'IJmuiden']) {
    await expect(facilitator.getByRole('checkbox', { name: new RegExp(`^${name}`) })).toBeChecked();
  }
  await expect(facilitator.getByRole('textbox', { name: 'Programma 4' })).toHaveValue(
    'Verblijven en ontmoeten',
  );
  await facilitator.getByRole('button', { name: 'Programma toevoegen' }).click();
  await expect(facilitator.getByRole('textbox', { name: 'Programma 5' })).toBeFocused();
  await facilitator.getByRole('textbox', { name: 'Programma 5' }).fill('Cultuur');
  await expectAccessible(facilitator, 'positioning settings');
  await facilitator.getByRole('button', { name: 'Stap toevoegen', exact: true }).last().click();
  await expect(
    facilitator.getByText('De stap "Positionering" staat nu onderaan de agenda.'),
  ).toBeVisible();
  let joinCode = '';
  for (const status of ['open', 'live']) {
    const moved = await facilitator.request.post(`/api/v1/orgs/${orgSlug}/labs/${lab.id}/status`, {
      headers,
      data: { status },
    });
    joinCode = labSchema.parse(await moved.json()).joinCode ?? '';
  }
  const guest = await actors.actor('guest');
  await joinAsGuest(guest, { title: lab.title, joinCode }, 'Anna');
  await openLiveLab(facilitator, lab);
  const panel = facilitator.getByRole('region', { name: 'Begeleiden' });
  await panel
    .getByLabel('Stap', { exact: true })
    .selectOption({ label: `${lab.activities.length + 1}. Positionering` });
  await panel.getByRole('button', { name: 'Breng iedereen naar deze stap' }).click();
  await expect(
    guest.getByRole('heading', { level: 3, name: 'De plaatsen naast elkaar' }),
  ).toBeVisible();
  await expectAccessible(guest, 'positioning, guest, empty');

  const names = ijmond.map((p) => p.name);
  await guest.getByRole('button', { name: `Rol toevoegen voor ${names[0]} bij Winkelen` }).click();
  await guest.getByLabel(`Rol voor ${names[0]} bij Winkelen`).fill('Dagelijkse boodschappen');
  await guest.keyboard.press('Enter');
  await guest.keyboard.press('Escape');
  await expect(
    guest.getByRole('button', { name: `Rol toevoegen voor ${names[0]} bij Winkelen` }),
  ).toBeFocused();
  await guest.getByRole('button', { name: `Rol toevoegen voor ${names[1]} bij Winkelen` }).click();
  await guest.getByLabel(`Rol voor ${names[1]} bij Winkelen`).fill('dagelijkse boodschap');
  await guest.getByRole('button', { name: 'Rol toevoegen', exact: true }).click();
  await expect(
    guest.locator('.stadshart-positioning-matrix').getByText(`overlap met ${names[1]}`),
  ).toBeVisible();
  await expect(
    guest.getByText(
      `Bij Winkelen mikken ${names[0]} en ${names[1]} allebei op Dagelijkse boodschappen.`,
    ),
  ).toBeVisible();
  await expectAccessible(guest, 'positioning, guest, overlap');

  const overlaps = facilitator.getByRole('region', { name: 'Overlap bespreken' });
  await overlaps.getByLabel('Concurrentie').check();
  await overlaps.getByLabel('Toelichting (hoeft niet)').fill('Dezelfde klanten');
  await overlaps.getByRole('button', { name: 'Oordeel vastleggen' }).click();
  await expect(guest.getByText('Oordeel van de zaal: concurrentie')).toBeVisible();
  const agreements = facilitator.getByRole('region', { name: 'Afspraken' });
  await agreements
    .getByLabel('Afspraak', { exact: true })
    .fill('Beverwijk trekt de kar bij regionaal winkelen');
  await agreements.getByLabel(names[2] ?? '').check();
  await agreements.getByRole('button', { name: 'Afspraak vastleggen' }).click();
  await expect(guest.getByText('Beverwijk trekt de kar bij regionaal winkelen')).toBeVisible();
  await expectAccessible(facilitator, 'positioning, facilitator');
  await expectAccessible(guest, 'positioning, guest, all');
  // On a phone the places stack instead of running off the screen (WCAG reflow).
  await guest.setViewportSize({ width: 400, height: 900 });
  expect(await guest.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);

  await facilitator.goto(`/lab/${lab.id}/presenter`);
  await expect(
    facilitator.getByText('Beverwijk trekt de kar bij regionaal winkelen'),
  ).toBeVisible();
  await expectAccessible(facilitator, 'positioning, presenter');
});
