// The live lab in real browsers: a facilitator and guests, each in a browser context of their own,
// against a real server. A canvas round with timer, private mode and a dot vote; a guest who loses
// the connection and keeps writing; the canvas by keyboard alone; and a guest removed from a lab.
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/axe.ts';
import {
  addNote,
  bringEveryoneTo,
  canvasSection,
  createLiveLabByApi,
  joinAsGuest,
  note,
  notes,
  openLiveLab,
  orgSlug,
  pressUntilFocused,
  signInAsFacilitator,
  stepHeading,
  syncStatus,
  waitForServiceWorker,
} from './support/labs.ts';
import { visit } from './support/pages.ts';
import { expect, test } from './support/actors.ts';

/** The first section of the default canvas template, and one further down. */
const dnaSection = 'DNA en identiteit';
const positionSection = 'Positie in de regio';
/** A removed guest's live page must say so within this time (the issue: within 5 seconds). */
const REMOVAL_NOTICE_MS = 5000;

test('facilitator runs a canvas round with three guests', async ({ actors }) => {
  const facilitator = await actors.actor('facilitator');
  await signInAsFacilitator(facilitator);

  // A local lab about Heemskerk, made in the form.
  const title = 'Binnenstadslab Heemskerk: de markt';
  const stepTitle = 'Canvas Heemskerk';
  await facilitator.goto(`/o/${orgSlug}/labs`);
  await visit(facilitator, 'Binnenstadslabs', 'labs');
  await facilitator.getByRole('link', { name: 'Nieuw lab' }).click();
  await visit(facilitator, 'Nieuw lab', 'new lab');
  await facilitator.getByLabel('Titel', { exact: true }).fill(title);
  await facilitator.getByRole('checkbox', { name: 'Heemskerk', exact: true }).check();
  await facilitator.getByRole('button', { name: 'Lab aanmaken' }).click();
  await visit(facilitator, title, 'lab, just created');
  await expect(facilitator.getByText(`Het lab "${title}" is aangemaakt.`)).toBeVisible();

  // Open it, read the code from the page, start the session.
  await facilitator.getByRole('button', { name: 'Openzetten voor deelnemers' }).click();
  const joinPanel = facilitator.getByRole('region', { name: 'Meedoen' });
  const spokenCode = joinPanel.getByText(/^Code: /);
  await expect(spokenCode).toHaveText(/^Code: (\S ){5}\S$/);
  const joinCode = (await spokenCode.innerText()).replace(/^Code: /, '').replaceAll(' ', '');
  await expect(
    joinPanel.getByRole('img', { name: `QR-code om deel te nemen met code ${joinCode}` }),
  ).toBeVisible();
  await facilitator.getByRole('button', { name: 'Sessie starten' }).click();
  await expect(facilitator.getByText('Dit lab is nu: Live.')).toBeVisible();
  await expectAccessible(facilitator, 'lab, live');
  await joinPanel.getByRole('link', { name: 'Naar de live sessie' }).click();
  await expect(facilitator.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(syncStatus(facilitator)).toHaveAttribute('data-sync-state', 'saved');
  await expectAccessible(facilitator, 'live page as facilitator, before the first step');

  // Three guests join with the code; the first checks the join page with axe.
  const lab = { title, joinCode };
  const guestNames = ['Anouk', 'Bram', 'Chantal'];
  const anouk = await actors.actor('guest1');
  const bram = await actors.actor('guest2');
  const chantal = await actors.actor('guest3');
  const guests = [anouk, bram, chantal];
  for (const [index, guest] of guests.entries()) {
    await joinAsGuest(guest, lab, guestNames[index] ?? '', { checkJoinPage: guest === anouk });
  }
  await expect(anouk.getByText(/De begeleider is nog niet begonnen/).first()).toBeVisible();
  const people = facilitator.locator('details', { hasText: 'Wie is er' });
  await people.locator('summary').click();
  for (const name of guestNames) {
    await expect(people.getByRole('listitem').filter({ hasText: name })).toBeVisible();
  }

  // Everyone to the canvas, and a timer of one minute that every guest sees.
  await bringEveryoneTo(facilitator, stepTitle);
  for (const guest of guests) await expect(stepHeading(guest, stepTitle)).toBeVisible();
  await expectAccessible(anouk, 'live page as guest, on the canvas');
  const panel = facilitator.getByRole('region', { name: 'Begeleiden' });
  await panel.getByLabel('Minuten').fill('1');
  await panel.getByRole('button', { name: 'Start de timer' }).click();
  for (const guest of [facilitator, ...guests]) {
    await expect(guest.getByRole('timer')).toHaveText(/^(01:00|00:[0-5]\d)$/);
    await expect(guest.getByRole('timer')).toHaveAccessibleName(/^Resterende tijd: /);
  }

  // Private mode: everyone writes, each guest sees only their own note.
  await panel.getByRole('checkbox', { name: /^Privé-modus/ }).check();
  const texts = guestNames.map((name) => `${name}: meer groen op het plein`);
  for (const [index, guest] of guests.entries()) {
    await expect(guest.getByText(/U ziet nu alleen uw eigen notities/)).toBeVisible();
    await addNote(guest, dnaSection, texts[index] ?? '');
  }
  for (const text of texts) await expect(note(facilitator, text)).toBeVisible();
  await expect(notes(facilitator)).toHaveCount(3);
  for (const [index, guest] of guests.entries()) {
    await expect(syncStatus(guest)).toHaveAttribute('data-sync-state', 'saved');
    await expect(notes(guest)).toHaveCount(1);
    await expect(note(guest, texts[index] ?? '')).toBeVisible();
  }
  await expectAccessible(facilitator, 'live page as facilitator, private mode');

  // The facilitator reveals: every guest sees all three notes, with their authors.
  await panel.getByRole('checkbox', { name: /^Privé-modus/ }).uncheck();
  for (const guest of guests) {
    for (const text of texts) await expect(note(guest, text)).toBeVisible();
    await expect(notes(guest)).toHaveCount(3);
  }
  await expect(note(anouk, texts[1] ?? '')).toHaveAccessibleDescription(/^Bram/);

  // A dot vote with two dots each; the tally stays hidden from guests until it is revealed.
  await panel.getByLabel('Stippen per persoon').fill('2');
  await panel.getByRole('button', { name: 'Open de stemming' }).click();
  await expect(panel.getByText('De stemming is open: 2 per persoon.')).toBeVisible();
  const [first = '', second = '', third = ''] = texts;
  const votes: [Page, string[]][] = [
    [anouk, [first, second]],
    [bram, [first, third]],
    [chantal, [first, first]],
  ];
  for (const [guest, targets] of votes) {
    await expect(guest.getByText('U heeft nog 2 stippen.')).toBeVisible();
    for (const target of targets) {
      await note(guest, target).getByRole('button', { name: 'Stip geven' }).click();
    }
    await expect(guest.getByText('U heeft nog 0 stippen.')).toBeVisible();
    await expect(syncStatus(guest)).toHaveAttribute('data-sync-state', 'saved');
  }
  const tallies: [string, string][] = [
    [first, '4 stippen'],
    [second, '1 stip'],
    [third, '1 stip'],
  ];
  for (const [text, tally] of tallies) {
    await expect(note(facilitator, text).getByText(tally, { exact: true })).toBeVisible();
  }
  await expectAccessible(facilitator, 'live page as facilitator, dot vote');
  for (const guest of guests) {
    for (const [text] of tallies) {
      await expect(note(guest, text).getByText(/^\d+ stip(pen)?$/)).toHaveCount(0);
    }
  }
  await expect(note(chantal, first).getByText('U gaf 2 stippen')).toBeVisible();
  await expectAccessible(anouk, 'live page as guest, dot vote');
  await panel.getByRole('button', { name: 'Toon de uitslag' }).click();
  for (const guest of guests) {
    for (const [text, tally] of tallies) {
      await expect(note(guest, text).getByText(tally, { exact: true })).toBeVisible();
    }
  }

  // The presenter screen shows the code and the current step.
  const presenter = await facilitator.context().newPage();
  await presenter.goto(`/lab/${labIdOf(facilitator)}/presenter`);
  await expect(presenter.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(presenter.getByText(`Code: ${[...joinCode].join(' ')}`)).toBeAttached();
  await expect(
    presenter.getByRole('heading', { level: 2, name: `Nu: ${stepTitle}` }),
  ).toBeVisible();
  for (const text of texts) await expect(presenter.getByText(text, { exact: true })).toBeVisible();
  await expect(presenter.getByRole('timer')).toBeVisible();
  await expectAccessible(presenter, 'presenter');
});

/** The lab id in the live page's address. */
function labIdOf(page: Page): string {
  const match = /\/lab\/([0-9a-f-]+)/.exec(page.url());
  if (!match?.[1]) throw new Error(`not on a live lab page: ${page.url()}`);
  return match[1];
}

test('a guest goes offline, writes, reloads and every note arrives', async ({ actors }) => {
  const facilitator = await actors.actor('facilitator');
  await signInAsFacilitator(facilitator);
  const lab = await createLiveLabByApi(facilitator, 'Binnenstadslab: als de wifi wegvalt');
  await openLiveLab(facilitator, lab);
  const guest = await actors.actor('guest');
  await joinAsGuest(guest, lab, 'Dirk');
  await bringEveryoneTo(facilitator, lab.firstStepTitle);
  await expect(stepHeading(guest, lab.firstStepTitle)).toBeVisible();
  await waitForServiceWorker(guest);

  // The connection drops; the guest keeps writing, and the page says what has not been sent.
  await guest.context().setOffline(true);
  await expect(syncStatus(guest)).toHaveAttribute('data-sync-state', 'offline');
  const texts = ['Meer bankjes in de schaduw', 'Fietsenstalling bij het station'];
  for (const text of texts) await addNote(guest, dnaSection, text);
  await expect(syncStatus(guest)).toHaveText('Offline — 2 wijzigingen nog niet verzonden');
  await expect(syncStatus(guest)).toHaveAttribute('data-pending', '2');
  await expectAccessible(guest, 'live page as guest, offline');

  // A reload while still offline: the service worker brings the app, IndexedDB the notes, and
  // the page still knows what has not been sent.
  await guest.reload();
  await expect(guest.getByRole('heading', { level: 1, name: lab.title })).toBeVisible();
  await expect(guest.getByText(/Er is nu geen verbinding/)).toBeVisible();
  await expect(stepHeading(guest, lab.firstStepTitle)).toBeVisible();
  for (const text of texts) await expect(note(guest, text)).toBeVisible();
  await expect(syncStatus(guest)).toHaveText('Offline — 2 wijzigingen nog niet verzonden');
  await expectAccessible(guest, 'live page as guest, reloaded offline');
  for (const text of texts) await expect(note(facilitator, text)).toHaveCount(0);

  // Back online: everything is sent, and the facilitator sees both notes.
  await guest.context().setOffline(false);
  await expect(syncStatus(guest)).toHaveAttribute('data-sync-state', 'saved');
  await expect(syncStatus(guest)).toHaveText('Alles opgeslagen');
  await expect(syncStatus(guest)).toHaveAttribute('data-pending', '0');
  for (const text of texts) await expect(note(facilitator, text)).toBeVisible();

  // The server has them: a facilitator browser with nothing stored locally loads both notes.
  const fresh = await actors.actor('facilitator on another laptop');
  await signInAsFacilitator(fresh);
  await openLiveLab(fresh, lab);
  for (const text of texts) await expect(note(fresh, text)).toBeVisible();
});

test('the canvas works by keyboard alone', async ({ actors }) => {
  const facilitator = await actors.actor('facilitator');
  await signInAsFacilitator(facilitator);
  const lab = await createLiveLabByApi(facilitator, 'Binnenstadslab: met het toetsenbord');
  await openLiveLab(facilitator, lab);
  const guest = await actors.actor('guest');
  await joinAsGuest(guest, lab, 'Femke');
  await bringEveryoneTo(facilitator, lab.firstStepTitle);
  await expect(stepHeading(guest, lab.firstStepTitle)).toBeVisible();
  const keys = guest.keyboard;
  const dna = canvasSection(guest, dnaSection);
  const position = canvasSection(guest, positionSection);

  // Start at the first section's heading; from here on only keys.
  await dna.getByRole('heading', { level: 3, name: dnaSection }).focus();
  await keys.press('Tab');
  await expect(dna.getByRole('button', { name: 'Notitie toevoegen' })).toBeFocused();
  await keys.press('Enter');
  const newNote = dna.getByLabel(`Nieuwe notitie bij ${dnaSection}`);
  await expect(newNote).toBeFocused();
  const [first, second, edited] = [
    'Een overdekte fietsenstalling',
    'Vaker een avondmarkt',
    'Een bewaakte fietsenstalling bij het plein',
  ];
  for (const text of [first, second]) {
    await keys.type(text);
    await pressUntilFocused(guest, 'Tab', dna.getByRole('button', { name: 'Notitie plaatsen' }));
    await keys.press('Enter');
    await expect(note(guest, text)).toBeVisible();
    await expect(newNote).toBeFocused();
  }
  await keys.press('Escape');
  await expect(dna.getByRole('button', { name: 'Notitie toevoegen' })).toBeFocused();

  // Edit the first note.
  await pressUntilFocused(
    guest,
    'Shift+Tab',
    note(guest, first).getByRole('button', { name: 'Bewerken' }),
  );
  await keys.press('Enter');
  await expect(guest.getByLabel('Tekst van de notitie')).toBeFocused();
  await keys.press('ControlOrMeta+A');
  await keys.type(edited);
  await pressUntilFocused(guest, 'Tab', guest.getByRole('button', { name: 'Wijziging opslaan' }));
  await keys.press('Enter');
  await expect(note(guest, edited).getByRole('button', { name: 'Bewerken' })).toBeFocused();
  await expect(note(guest, first)).toHaveCount(0);

  // Move it to another section with the "Verplaatsen…" menu.
  await keys.press('Tab');
  await expect(note(guest, edited).getByRole('button', { name: /^Verplaatsen/ })).toBeFocused();
  await keys.press('Enter');
  const target = note(guest, edited).getByLabel('Naar vlak');
  await expect(target).toBeFocused();
  await keys.press('ArrowDown');
  await expect(target).toHaveValue('positie');
  await pressUntilFocused(
    guest,
    'Tab',
    guest.getByRole('button', { name: 'Naar dit vlak verplaatsen' }),
  );
  await keys.press('Enter');
  await expect(position.getByRole('article', { name: edited })).toBeFocused();
  await expect(dna.getByRole('article')).toHaveCount(1);

  // The facilitator opens a dot vote; the guest places a dot on the moved note.
  await facilitator
    .getByRole('region', { name: 'Begeleiden' })
    .getByRole('button', { name: 'Open de stemming' })
    .click();
  await expect(guest.getByText('U heeft nog 3 stippen.')).toBeVisible();
  await pressUntilFocused(
    guest,
    'Tab',
    note(guest, edited).getByRole('button', { name: 'Stip geven' }),
  );
  await keys.press('Enter');
  await expect(note(guest, edited).getByText('U gaf 1 stip')).toBeVisible();
  await expect(guest.getByText('U heeft nog 2 stippen.')).toBeVisible();

  // The list view shows the same notes, section by section.
  const listView = guest.getByRole('checkbox', { name: 'Lijstweergave' });
  await pressUntilFocused(guest, 'Shift+Tab', listView);
  await keys.press('Space');
  await expect(listView).toBeChecked();
  const list = guest.locator('.stadshart-canvas-list');
  const listed = (section: string, count: string) =>
    list.getByRole('region', { name: `${section} (${count})` }).getByRole('listitem');
  await expect(listed(dnaSection, '1 notitie')).toHaveText([/^Vaker een avondmarkt \(Uw notitie/]);
  await expect(listed(positionSection, '1 notitie')).toHaveText([
    /^Een bewaakte fietsenstalling bij het plein \(Uw notitie, .*U gaf 1 stip\)$/,
  ]);
  await expectAccessible(guest, 'canvas as a list');
  await keys.press('Space');
  await expect(listView).not.toBeChecked();

  // Delete the moved note, with the confirm step.
  await pressUntilFocused(
    guest,
    'Tab',
    note(guest, edited).getByRole('button', { name: 'Verwijderen' }),
  );
  await keys.press('Enter');
  await expect(guest.getByRole('button', { name: 'Ja, notitie verwijderen' })).toBeFocused();
  await keys.press('Enter');
  await expect(note(guest, edited)).toHaveCount(0);
  await expect(position.getByRole('button', { name: 'Notitie toevoegen' })).toBeFocused();
  await expect(note(facilitator, edited)).toHaveCount(0);
  await expect(note(facilitator, second)).toBeVisible();

  // And the list view agrees.
  await pressUntilFocused(guest, 'Shift+Tab', listView);
  await keys.press('Space');
  await expect(listed(dnaSection, '1 notitie')).toHaveText([/^Vaker een avondmarkt/]);
  await expect(list.getByRole('region', { name: `${positionSection} (0 notities)` })).toContainText(
    'Nog geen notities.',
  );
  await expectAccessible(guest, 'canvas as a list, after deleting');
});

test('a facilitator removes a guest', async ({ actors }) => {
  const facilitator = await actors.actor('facilitator');
  await signInAsFacilitator(facilitator);
  const lab = await createLiveLabByApi(facilitator, 'Binnenstadslab: iemand verwijderen');
  await openLiveLab(facilitator, lab);
  const guest = await actors.actor('guest');
  await joinAsGuest(guest, lab, 'Gijs');
  await bringEveryoneTo(facilitator, lab.firstStepTitle);
  const text = 'Dit schreef Gijs voordat hij weg moest';
  await addNote(guest, dnaSection, text);
  await expect(note(facilitator, text)).toBeVisible();
  const secret = await guest.evaluate(
    (id) => localStorage.getItem(`stadshart.guest.${id}`),
    lab.id,
  );
  expect(secret, 'the guest secret this browser keeps').toBeTruthy();

  // The facilitator removes Gijs from the lab page's participant list.
  const labPage = await facilitator.context().newPage();
  await labPage.goto(`/o/${orgSlug}/labs/${lab.id}`);
  await visit(labPage, lab.title, 'lab with participants');
  const row = labPage.getByRole('row', { name: /^Gijs/ });
  await row.getByRole('button', { name: /^Verwijderen uit lab\s?: Gijs$/ }).click();
  await labPage.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(labPage.getByText('Gijs is uit het lab verwijderd.')).toBeVisible();
  await expect(row).toContainText('Verwijderd op');
  await expectAccessible(labPage, 'lab after removing a participant');

  // Within seconds the guest's live page says so, and offers nothing to write with.
  await expect(guest.getByText(/De begeleider heeft u uit dit lab gehaald/)).toBeVisible({
    timeout: REMOVAL_NOTICE_MS,
  });
  await expect(guest.getByRole('button', { name: 'Notitie toevoegen' })).toHaveCount(0);
  await expectAccessible(guest, 'live page after removal');

  // The old secret opens nothing any more, so no new connection either; what Gijs wrote stays.
  const token = await guest.request.post(`/api/v1/labs/${lab.id}/collab-token`, {
    headers: { authorization: `Guest ${secret ?? ''}` },
  });
  expect(token.status()).toBe(403);
  expect(((await token.json()) as { code: string }).code).toBe('participant_removed');
  await guest.reload();
  await expect(guest.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(guest.getByRole('link', { name: 'Naar de pagina Meedoen' })).toBeVisible();
  await expect(guest.getByRole('button', { name: 'Notitie toevoegen' })).toHaveCount(0);
  await expect(note(facilitator, text)).toBeVisible();
});
