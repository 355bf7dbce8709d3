import { CSRF_HEADER } from '../common/auth.ts';
import { expectAccessible } from './support/axe.ts';
import {
  createLiveLabByApi,
  joinAsGuest,
  openLiveLab,
  orgSlug,
  signInAsFacilitator,
  syncStatus,
} from './support/labs.ts';
import { expect, test } from './support/actors.ts';

test('actions activity and follow-up : propose, vote, confirm, follow up after the lab', async ({
  actors,
}) => {
  const facilitator = await actors.actor('facilitator');
  await signInAsFacilitator(facilitator);
  const lab = await createLiveLabByApi(facilitator, 'Acties-test');
  const session = (await (await facilitator.request.get('/api/v1/session')).json()) as {
    csrfToken: string;
  };
  const headers = { [CSRF_HEADER]: session.csrfToken };
  const added = await facilitator.request.post(
    `/api/v1/orgs/${orgSlug}/labs/${lab.id}/activities`,
    {
      headers,
      data: {
        title: 'Acties',
        kind: 'actions',
        config: { kind: 'actions', dotsPerPerson: 2, termEnds: '2030-03-31' },
      },
    },
  );
  expect(added.status(), await added.text()).toBe(201);

  await openLiveLab(facilitator, lab);
  const guest = await actors.actor('guest1');
  await joinAsGuest(guest, lab, 'Gerda');
  const panel = facilitator.getByRole('region', { name: 'Begeleiden' });
  await panel.getByLabel('Stap', { exact: true }).selectOption({ label: '2. Acties' });
  await panel.getByRole('button', { name: 'Breng iedereen naar deze stap' }).click();

  await expect(guest.getByRole('heading', { level: 3, name: 'Actie voorstellen' })).toBeVisible();
  await expect(
    guest.getByText(
      /U kunt wel naar de thema’s verwijzen|thema’s, trends, kansen|nog geen thema’s/,
    ),
  ).toBeVisible();
  await expectAccessible(guest, 'guest actions empty');
  // An empty title is refused with a message at the field, which gets the focus.
  await guest.getByRole('button', { name: 'Actie voorstellen' }).click();
  await expect(guest.getByText('Beschrijf kort wat we gaan doen.')).toBeVisible();
  await expect(guest.getByLabel('Wat gaan we doen?')).toBeFocused();
  await guest.getByLabel('Wat gaan we doen?').fill('Lege winkels tijdelijk verhuren aan makers');
  await guest.getByLabel('Toelichting').fill('Samen met de eigenaren.');
  await guest.getByLabel('Trekker').fill('Gemeente Velsen');
  await guest.getByLabel('Later').check();
  await guest.getByLabel('Einddatum').fill('2031-06-30');
  await guest.getByRole('button', { name: 'Actie voorstellen' }).click();
  await expect(
    guest.getByRole('heading', { level: 4, name: 'Lege winkels tijdelijk verhuren aan makers' }),
  ).toBeVisible();
  await expect(syncStatus(guest)).toHaveAttribute('data-sync-state', 'saved');
  await expect(
    facilitator.getByRole('heading', {
      level: 4,
      name: 'Lege winkels tijdelijk verhuren aan makers',
    }),
  ).toBeVisible();
  await expectAccessible(guest, 'guest actions with a proposal');

  // A second proposal: edited and then withdrawn by its author.
  await guest.getByLabel('Wat gaan we doen?').fill('Tweede idee');
  await guest.getByRole('button', { name: 'Actie voorstellen' }).click();
  const second = guest.getByRole('article', { name: 'Tweede idee' });
  await second.getByRole('button', { name: 'Bewerken' }).click();
  await second.getByLabel('Wat gaan we doen?').fill('Tweede idee, scherper');
  await second.getByRole('button', { name: 'Wijziging opslaan' }).click();
  const renamed = guest.getByRole('article', { name: 'Tweede idee, scherper' });
  await expect(renamed.getByRole('button', { name: 'Bewerken' })).toBeFocused();
  await expect(
    facilitator.getByRole('heading', { level: 4, name: 'Tweede idee, scherper' }),
  ).toBeVisible();
  await renamed.getByRole('button', { name: /Intrekken/ }).click();
  await renamed.getByRole('button', { name: 'Ja, voorstel intrekken' }).click();
  await expect(guest.getByRole('heading', { level: 3, name: 'Acties (1)' })).toBeFocused();
  await expect(
    facilitator.getByRole('heading', { level: 4, name: 'Tweede idee, scherper' }),
  ).toHaveCount(0);

  // The facilitator confirms and opens the vote.
  await facilitator.getByRole('button', { name: 'Bevestigen' }).click();
  await facilitator.getByRole('button', { name: /Stemming openen/ }).click();
  await expect(guest.getByText('Bevestigd', { exact: false }).first()).toBeVisible();
  await expect(guest.getByText(/U heeft nog 2 stippen/)).toBeVisible();
  // By keyboard: focus the + button and press Enter twice.
  const plus = guest.getByRole('button', {
    name: 'Stip geven aan Lege winkels tijdelijk verhuren aan makers',
  });
  await plus.focus();
  await guest.keyboard.press('Enter');
  await expect(guest.getByText(/U heeft nog 1 stip\./)).toBeVisible();
  await guest.keyboard.press('Enter');
  await expect(plus).toBeDisabled();
  await expect(guest.getByText('U gaf 2 stippen')).toBeVisible();
  await expectAccessible(guest, 'guest voted');
  await expectAccessible(facilitator, 'facilitator actions');

  const presenter = await actors.actor('presenter');
  await presenter.context().addCookies(await facilitator.context().cookies());
  await presenter.goto(`/lab/${lab.id}/presenter`);
  await expect(presenter.getByRole('table')).toBeVisible();
  await expectAccessible(presenter, 'presenter actions');

  // Close the lab and follow up on the lab's page.
  await expect(syncStatus(guest)).toHaveAttribute('data-sync-state', 'saved');
  // The follow-up reads the projection, which trails the live document by a few seconds.
  await expect
    .poll(async () => {
      const answer = await facilitator.request.get(
        `/api/v1/orgs/${orgSlug}/labs/${lab.id}/actions`,
      );
      const body = (await answer.json()) as { actions?: { title: string; dots: number }[] };
      return body.actions?.find((a) => a.title === 'Lege winkels tijdelijk verhuren aan makers')
        ?.dots;
    })
    .toBe(2);
  const closed = await facilitator.request.post(`/api/v1/orgs/${orgSlug}/labs/${lab.id}/status`, {
    headers,
    data: { status: 'closed' },
  });
  expect(closed.status()).toBe(200);
  await facilitator.goto(`/o/${orgSlug}/labs/${lab.id}`);
  await expect(
    facilitator.getByRole('heading', { level: 2, name: 'Acties opvolgen' }),
  ).toBeVisible();
  await expect(
    facilitator.getByRole('rowheader', { name: 'Lege winkels tijdelijk verhuren aan makers' }),
  ).toBeVisible();
  await facilitator.getByText(/Lege winkels tijdelijk verhuren aan makers: geschiedenis/).click();
  await facilitator.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Bezig' });
  await facilitator.getByLabel('Voortgang in procenten').fill('40');
  await facilitator.getByLabel('Toelichting bij deze wijziging').fill('Drie panden gevonden');
  await facilitator.getByRole('button', { name: 'Bijwerken' }).click();
  await expect(
    facilitator.getByText('De actie Lege winkels tijdelijk verhuren aan makers is bijgewerkt.'),
  ).toBeVisible();
  await expect(facilitator.getByText(/Bezig, 40%/)).toBeVisible();
  // A bad progress is named at its field.
  await facilitator.getByLabel('Voortgang in procenten').fill('140');
  await facilitator.getByRole('button', { name: 'Bijwerken' }).click();
  await expect(facilitator.locator('.stadshart-error-summary')).toContainText(
    'Vul een heel getal van 0 tot 100 in.',
  );
  await expectAccessible(facilitator, 'follow-up');
});
