// Steps the live-lab scenarios share: the demo facilitator, labs made through the API, joining as a
// guest, moving everyone to a step, writing notes, and walking the focus with the keyboard.
import { expect, type Cookie, type Locator, type Page } from '@playwright/test';
import { CSRF_HEADER } from '../../common/auth.ts';
import { expectAccessible } from './axe.ts';
import { signInByMail, visit } from './pages.ts';

export const orgSlug = 'kennisnetwerk-binnensteden';
export const facilitatorEmail = 'begeleider@stadshart.example';
/** The demo facilitator's greeting on the home page (server/db/seed.ts: Jeroen Bakker). */
export const facilitatorGreeting = /^Welkom, Jeroen/;
/** The default template's canvas is the one step of a lab without places. */
export const defaultCanvasTitle = 'Canvas Nieuwe Binnensteden';
/** How far a keyboard walk may go before the test says the target cannot be reached. */
const KEY_PRESSES_MAX = 80;

/** A lab as the scenarios need it: where it lives and how to join it. */
export interface LiveLab {
  id: string;
  title: string;
  joinCode: string;
  firstStepTitle: string;
}

interface LabAnswer {
  id: string;
  title: string;
  joinCode: string | null;
  activities: { title: string }[];
}

/**
 * The facilitator's session cookies after the first sign-in of this worker. Sign-in links are
 * limited to a few per account per quarter of an hour, so later scenarios reuse the session.
 */
let facilitatorCookies: Cookie[] | null = null;

/** Signs the demo facilitator in (by mail the first time); ends on the personal home page. */
export async function signInAsFacilitator(page: Page): Promise<void> {
  if (!facilitatorCookies) {
    await signInByMail(page, facilitatorEmail, facilitatorGreeting);
    facilitatorCookies = await page.context().cookies();
    return;
  }
  await page.context().addCookies(facilitatorCookies);
  await page.goto('/');
  await visit(page, facilitatorGreeting, `home (${facilitatorEmail})`);
}

/** The session's CSRF token, as the web app gets it from GET /api/v1/session. */
export async function csrfToken(page: Page): Promise<string> {
  const response = await page.request.get('/api/v1/session');
  expect(response.ok(), 'GET /api/v1/session').toBe(true);
  const session = (await response.json()) as { csrfToken: string | null };
  if (!session.csrfToken) throw new Error('the page has no signed-in session');
  return session.csrfToken;
}

/**
 * Creates a local lab without places through the API (as the signed-in person on `page`), opens
 * it and starts the session; returns it with its join code.
 */
export async function createLiveLabByApi(page: Page, title: string): Promise<LiveLab> {
  const headers = { [CSRF_HEADER]: await csrfToken(page) };
  const created = await page.request.post(`/api/v1/orgs/${orgSlug}/labs`, {
    headers,
    data: { title, kind: 'local' },
  });
  expect(created.status(), 'POST labs').toBe(201);
  const { id } = (await created.json()) as LabAnswer;
  let lab: LabAnswer | null = null;
  for (const status of ['open', 'live']) {
    const moved = await page.request.post(`/api/v1/orgs/${orgSlug}/labs/${id}/status`, {
      headers,
      data: { status },
    });
    expect(moved.status(), `move the lab to ${status}`).toBe(200);
    lab = (await moved.json()) as LabAnswer;
  }
  const firstStepTitle = lab?.activities[0]?.title;
  if (!lab?.joinCode || !firstStepTitle) throw new Error('the live lab has no code or no step');
  return { id, title, joinCode: lab.joinCode, firstStepTitle };
}

/** The live page's sync status: the element people and tests read. */
export function syncStatus(page: Page): Locator {
  return page.locator('[data-sync-state]');
}

/** Opens the live lab and waits until it is connected and everything is saved. */
export async function openLiveLab(page: Page, lab: Pick<LiveLab, 'id' | 'title'>): Promise<void> {
  await page.goto(`/lab/${lab.id}`);
  await expect(page.getByRole('heading', { level: 1, name: lab.title })).toBeVisible();
  await expect(syncStatus(page)).toHaveAttribute('data-sync-state', 'saved');
}

/**
 * Joins `lab` as a guest called `name` on the join page (typing the code, as people in the room
 * do) and waits in the live lab until it is connected; `checkJoinPage` runs axe on both join steps.
 */
export async function joinAsGuest(
  page: Page,
  lab: Pick<LiveLab, 'title' | 'joinCode'>,
  name: string,
  { checkJoinPage = false }: { checkJoinPage?: boolean } = {},
): Promise<void> {
  await page.goto('/join');
  await expect(page.getByRole('heading', { level: 1, name: 'Meedoen aan een lab' })).toBeVisible();
  if (checkJoinPage) await expectAccessible(page, 'join page');
  await page.getByLabel('Code', { exact: true }).fill(lab.joinCode);
  await page.getByRole('button', { name: 'Verder' }).click();
  await expect(page.getByRole('heading', { level: 2, name: lab.title })).toBeFocused();
  if (checkJoinPage) await expectAccessible(page, 'join page with the lab found');
  await page.getByLabel('Hoe wilt u dat anderen u zien?').fill(name);
  await page.getByRole('button', { name: 'Deelnemen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: lab.title })).toBeVisible();
  await expect(page).toHaveURL(/\/lab\/[0-9a-f-]+$/);
  await expect(syncStatus(page)).toHaveAttribute('data-sync-state', 'saved');
}

/** The facilitator brings everyone to `stepTitle` from the live page's facilitator panel. */
export async function bringEveryoneTo(facilitator: Page, stepTitle: string): Promise<void> {
  const panel = facilitator.getByRole('region', { name: 'Begeleiden' });
  await panel.getByLabel('Stap', { exact: true }).selectOption({ label: `1. ${stepTitle}` });
  await panel.getByRole('button', { name: 'Breng iedereen naar deze stap' }).click();
  await expect(panel.getByRole('status')).toHaveText(`Iedereen is nu bij: ${stepTitle}.`);
}

/** The heading of the step a participant sees (level 2, inside the page's main column). */
export function stepHeading(page: Page, stepTitle: string): Locator {
  return page.locator('.stadshart-live-main').getByRole('heading', { level: 2, name: stepTitle });
}

/** One section of the canvas, found by its title. */
export function canvasSection(page: Page, title: string): Locator {
  return page.locator('.stadshart-canvas__sections').getByRole('region', { name: title });
}

/** A note on the canvas, found by its text. */
export function note(page: Page, text: string): Locator {
  return page.getByRole('article', { name: text, exact: true });
}

/** Every note the page shows on the canvas. */
export function notes(page: Page): Locator {
  return page.locator('.stadshart-canvas__sections').getByRole('article');
}

/** Writes a note in a section with the mouse, and closes the form again. */
export async function addNote(page: Page, sectionTitle: string, text: string): Promise<void> {
  const section = canvasSection(page, sectionTitle);
  await section.getByRole('button', { name: 'Notitie toevoegen' }).click();
  await section.getByLabel(`Nieuwe notitie bij ${sectionTitle}`).fill(text);
  await section.getByRole('button', { name: 'Notitie plaatsen' }).click();
  await expect(note(page, text)).toBeVisible();
  await section.getByRole('button', { name: 'Sluiten' }).click();
}

/** True when `target` has the keyboard focus. */
function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement);
}

/**
 * Presses `key` (Tab, Shift+Tab, ArrowDown…) until `target` has the focus; fails when it does not
 * get there within a sensible number of presses, which means it cannot be reached by keyboard.
 */
export async function pressUntilFocused(page: Page, key: string, target: Locator): Promise<void> {
  for (let presses = 0; presses < KEY_PRESSES_MAX; presses += 1) {
    if ((await target.count()) === 1 && (await isFocused(target))) return;
    await page.keyboard.press(key);
  }
  await expect(target, `reachable with ${key}`).toBeFocused({ timeout: 1 });
}

/** Waits until the page is controlled by the app's service worker, which keeps the app offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null), {
      message: 'the service worker controls the page',
    })
    .toBe('activated');
}
