// The vision in real browsers: a facilitator and a guest write the statement together in the
// rich-text editor, the guest keeps writing offline, sends a suggestion that the facilitator takes
// in, and the big screen shows the result.
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/axe.ts';
import {
  createLiveLabByApi,
  joinAsGuest,
  openLiveLab,
  orgSlug,
  signInAsFacilitator,
  stepHeading,
  syncStatus,
  waitForServiceWorker,
  type LiveLab,
} from './support/labs.ts';
import { expect, test } from './support/actors.ts';

const stepTitle = 'Visie op de haven';
const editorName = 'Tekst van de visie op 2030';

/** Adds a vision step to the lab in the agenda editor, with its default settings (everyone writes). */
async function addVisionStep(
  facilitator: Page,
  lab: LiveLab,
  { onlyFacilitatorsWrite = false } = {},
): Promise<void> {
  await facilitator.goto(`/o/${orgSlug}/labs/${lab.id}`);
  await expect(facilitator.getByRole('heading', { level: 1, name: lab.title })).toBeVisible();
  await facilitator.getByRole('button', { name: 'Stap toevoegen' }).click();
  const form = facilitator.getByRole('region', { name: 'Stap toevoegen' });
  await form.getByRole('radio', { name: 'Visie' }).check();
  await form.getByLabel('Titel van de stap').fill(stepTitle);
  await expect(form.getByLabel('Doeljaar')).toHaveValue('2030');
  await expect(form.getByText('Dit lab heeft nog geen plaatsen')).toBeVisible();
  await expect(form.getByRole('radio', { name: 'Iedereen' })).toBeChecked();
  if (onlyFacilitatorsWrite) await form.getByRole('radio', { name: 'Alleen begeleiders' }).check();
  await expectAccessible(facilitator, 'agenda editor, vision settings');
  await form.getByLabel('Doeljaar').fill('20');
  await form.getByRole('button', { name: 'Stap toevoegen' }).click();
  await expect(form.getByText('Vul een jaar in van 2025 tot en met 2100.').first()).toBeVisible();
  await form.getByLabel('Doeljaar').fill('2030');
  await form.getByRole('button', { name: 'Stap toevoegen' }).click();
  await expect(
    facilitator.getByText(`De stap "${stepTitle}" staat nu onderaan de agenda.`),
  ).toBeVisible();
}

function editor(page: Page) {
  return page.getByRole('textbox', { name: editorName });
}

test('a facilitator and a guest write a vision together, also offline, and settle a suggestion', async ({
  actors,
}) => {
  const facilitator = await actors.actor('facilitator');
  await signInAsFacilitator(facilitator);
  const lab = await createLiveLabByApi(facilitator, 'Binnenstadslab: de visie op IJmuiden');
  await addVisionStep(facilitator, lab);
  await openLiveLab(facilitator, lab);
  const guest = await actors.actor('guest');
  await joinAsGuest(guest, lab, 'Ilse');

  const panel = facilitator.getByRole('region', { name: 'Begeleiden' });
  await panel.getByLabel('Stap', { exact: true }).selectOption({ label: `2. ${stepTitle}` });
  await panel.getByRole('button', { name: 'Breng iedereen naar deze stap' }).click();
  await expect(stepHeading(guest, stepTitle)).toBeVisible();
  await expect(stepHeading(facilitator, stepTitle)).toBeVisible();

  // The facilitator writes a first paragraph; the guest sees it in their own editor.
  await editor(facilitator).click();
  await facilitator.keyboard.type('In 2030 is de haven het hart van de stad.');
  await expect(editor(guest)).toContainText('In 2030 is de haven het hart van de stad.');
  await expect(editor(facilitator)).toHaveAttribute('aria-multiline', 'true');

  // The toolbar says what is on, not only by colour.
  const bold = facilitator.getByRole('button', { name: 'Vet' });
  await expect(bold).toHaveAttribute('aria-pressed', 'false');
  await bold.click();
  await expect(bold).toHaveAttribute('aria-pressed', 'true');
  await facilitator.keyboard.type(' Samen.');
  await expect(editor(guest).locator('strong')).toHaveText('Samen.');
  await expectAccessible(facilitator, 'vision as facilitator');
  await expectAccessible(guest, 'vision as guest');

  // The guest's connection drops; they keep writing, and it arrives once they are back.
  await waitForServiceWorker(guest);
  await guest.context().setOffline(true);
  await expect(syncStatus(guest)).toHaveAttribute('data-sync-state', 'offline');
  await editor(guest).click();
  await guest.keyboard.press('Control+End');
  await guest.keyboard.press('Enter');
  await guest.keyboard.type('Wie hier woont, werkt om de hoek.');
  await expect(editor(facilitator)).not.toContainText('werkt om de hoek');
  await guest.context().setOffline(false);
  await expect(syncStatus(guest)).toHaveAttribute('data-sync-state', 'saved');
  await expect(editor(facilitator)).toContainText('Wie hier woont, werkt om de hoek.');

  // The guest suggests a better sentence for a passage; the facilitator takes it in.
  await guest.getByLabel('Uw voorstel').fill('Wie hier woont, werkt en winkelt om de hoek.');
  await guest
    .getByLabel('Te vervangen passage (niet verplicht)')
    .fill('Wie hier woont, werkt om de hoek.');
  await guest.getByRole('button', { name: 'Voorstel insturen' }).click();
  await expect(guest.getByText('Uw voorstel is ingestuurd.')).toBeVisible();
  await facilitator.getByRole('button', { name: 'Voorstel van Ilse overnemen' }).click();
  await expect(facilitator.getByText('Het voorstel is in de tekst gezet.')).toBeVisible();
  await expect(editor(guest)).toContainText('Wie hier woont, werkt en winkelt om de hoek.');
  await expect(editor(guest)).not.toContainText('werkt om de hoek.');
  await expect(guest.getByText('Van u · Overgenomen')).toBeAttached();

  // The big screen shows the statement as text, with no editor.
  const screen = await facilitator.context().newPage();
  await screen.goto(`/lab/${lab.id}/presenter`);
  await expect(screen.getByText('Wie hier woont, werkt en winkelt om de hoek.')).toBeVisible();
  await expect(screen.getByRole('textbox')).toHaveCount(0);
  await expect(screen.getByText('0 voorstellen wachten op een besluit')).toBeVisible();
  await expectAccessible(screen, 'vision on the big screen');
});

test('when only facilitators write, a guest reads the text, quotes a selected passage and is told the decision', async ({
  actors,
}) => {
  const facilitator = await actors.actor('facilitator');
  await signInAsFacilitator(facilitator);
  const lab = await createLiveLabByApi(facilitator, 'Binnenstadslab: de visie op Beverwijk');
  await addVisionStep(facilitator, lab, { onlyFacilitatorsWrite: true });
  await openLiveLab(facilitator, lab);
  const guest = await actors.actor('guest');
  await joinAsGuest(guest, lab, 'Joris');
  const panel = facilitator.getByRole('region', { name: 'Begeleiden' });
  await panel.getByLabel('Stap', { exact: true }).selectOption({ label: `2. ${stepTitle}` });
  await panel.getByRole('button', { name: 'Breng iedereen naar deze stap' }).click();
  await expect(stepHeading(guest, stepTitle)).toBeVisible();

  await editor(facilitator).click();
  await facilitator.keyboard.type('De markt is elke dag open.');
  const statement = guest.locator('.stadshart-vision-statement');
  await expect(statement).toHaveText('De markt is elke dag open.');
  await expect(guest.getByRole('textbox', { name: editorName })).toHaveCount(0);
  await expect(guest.getByText(/Alleen de begeleiders schrijven de tekst/)).toBeVisible();

  // Selecting a passage with the mouse and taking it over as the passage to replace.
  await statement.getByText('De markt is elke dag open.').click({ clickCount: 3 });
  await guest.getByRole('button', { name: 'Geselecteerde tekst als passage gebruiken' }).click();
  await expect(guest.getByLabel('Te vervangen passage (niet verplicht)')).toHaveValue(
    'De markt is elke dag open.',
  );
  await guest.getByLabel('Uw voorstel').fill('De markt is er op zaterdag.');
  await guest.getByRole('button', { name: 'Voorstel insturen' }).click();
  await expect(guest.getByText('Van u · Open')).toBeVisible();
  await expectAccessible(guest, 'vision as a guest who only suggests');

  await facilitator.getByRole('button', { name: 'Voorstel van Joris afwijzen' }).click();
  await expect(facilitator.getByText('Het voorstel is afgewezen.')).toBeVisible();
  await expect(guest.getByText('Van u · Afgewezen')).toBeAttached();
  await expect(statement).toHaveText('De markt is elke dag open.');
});
