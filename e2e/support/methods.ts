// Steps the method scenarios share: a regional lab with an agenda of methods made through the API,
// moving everyone to a numbered step, scoring trends by mouse or keyboard, and reading the trend
// scan's tables the way people read them.
import { expect, type Locator, type Page } from '@playwright/test';
import { CSRF_HEADER } from '../../common/auth.ts';
import type { ActivityConfig } from '../../common/activities/registry.ts';
import { csrfToken, orgSlug, pressUntilFocused, type LiveLab } from './labs.ts';

/** How far a keyboard walk may go before the test says the target cannot be reached. */
const KEY_PRESSES_MAX = 80;

/** One step of the agenda as the API takes it. */
export interface StepInput {
  title: string;
  config: ActivityConfig;
}

/** A live regional lab with the places it is about, by name. */
export interface MethodsLab extends LiveLab {
  placeIds: Map<string, string>;
}

interface LabAnswer {
  id: string;
  joinCode: string | null;
  activities: { id: string; title: string }[];
}

/**
 * Creates a regional lab about `placeNames` (demo places, found by name) whose agenda is exactly
 * `steps`, opens it and starts the session; returns it with its join code.
 */
export async function createMethodsLabByApi(
  page: Page,
  title: string,
  placeNames: readonly string[],
  steps: readonly StepInput[],
): Promise<MethodsLab> {
  const headers = { [CSRF_HEADER]: await csrfToken(page) };
  const placesAnswer = await page.request.get(`/api/v1/orgs/${orgSlug}/places`);
  expect(placesAnswer.status(), 'GET places').toBe(200);
  const { places } = (await placesAnswer.json()) as { places: { id: string; name: string }[] };
  const placeIds = new Map<string, string>();
  for (const name of placeNames) {
    const place = places.find((candidate) => candidate.name === name);
    if (!place) throw new Error(`the demo organisation has no place called ${name}`);
    placeIds.set(name, place.id);
  }

  const created = await page.request.post(`/api/v1/orgs/${orgSlug}/labs`, {
    headers,
    data: { title, kind: 'regional', placeIds: [...placeIds.values()] },
  });
  expect(created.status(), 'POST labs').toBe(201);
  const { id, activities: startingAgenda } = (await created.json()) as LabAnswer;

  // The methods first, then the canvases a regional lab starts with go, so the agenda is never empty.
  for (const step of steps) {
    const added = await page.request.post(`/api/v1/orgs/${orgSlug}/labs/${id}/activities`, {
      headers,
      data: { title: step.title, kind: step.config.kind, config: step.config },
    });
    expect(added.status(), `POST activity ${step.title}`).toBe(201);
  }
  for (const activity of startingAgenda) {
    const removed = await page.request.delete(
      `/api/v1/orgs/${orgSlug}/labs/${id}/activities/${activity.id}`,
      { headers },
    );
    expect(removed.status(), `DELETE activity ${activity.title}`).toBe(204);
  }

  let lab: LabAnswer | null = null;
  for (const status of ['open', 'live']) {
    const moved = await page.request.post(`/api/v1/orgs/${orgSlug}/labs/${id}/status`, {
      headers,
      data: { status },
    });
    expect(moved.status(), `move the lab to ${status}`).toBe(200);
    lab = (await moved.json()) as LabAnswer;
  }
  expect(lab?.activities.map((activity) => activity.title)).toEqual(steps.map((s) => s.title));
  const firstStepTitle = steps[0]?.title;
  if (!lab?.joinCode || !firstStepTitle) throw new Error('the live lab has no code or no step');
  return { id, title, joinCode: lab.joinCode, firstStepTitle, placeIds };
}

/** The facilitator brings everyone to step `position` (1-based) of the agenda. */
export async function bringEveryoneToStep(
  facilitator: Page,
  position: number,
  stepTitle: string,
): Promise<void> {
  const panel = facilitator.getByRole('region', { name: 'Begeleiden' });
  await panel
    .getByLabel('Stap', { exact: true })
    .selectOption({ label: `${position}. ${stepTitle}` });
  await panel.getByRole('button', { name: 'Breng iedereen naar deze stap' }).click();
  await expect(panel.getByRole('status')).toHaveText(`Iedereen is nu bij: ${stepTitle}.`);
}

/** True when the keyboard focus is on `container` or inside it. */
function hasFocusWithin(container: Locator): Promise<boolean> {
  return container.evaluate((element) => element.contains(document.activeElement));
}

/**
 * Presses `key` until the focus is somewhere inside `container`; fails when it does not get there
 * within a sensible number of presses, which means it cannot be reached by keyboard.
 */
export async function pressUntilFocusWithin(
  page: Page,
  key: string,
  container: Locator,
): Promise<void> {
  for (let presses = 0; presses < KEY_PRESSES_MAX; presses += 1) {
    if (await hasFocusWithin(container)) return;
    await page.keyboard.press(key);
  }
  expect(await hasFocusWithin(container), `focus reaches ${String(container)} with ${key}`).toBe(
    true,
  );
}

/** The three criteria of the trend scan as the form names them. */
export const criterionLegends = {
  relevance: 'Relevantie voor uw plaats',
  impact: 'Impact',
  uncertainty: 'Onzekerheid',
} as const;
export type Criterion = keyof typeof criterionLegends;
export type Scores = Record<Criterion, number>;

/** The label of a score's radio button: the ends of the scale say which end they are. */
export function scoreLabel(value: number): string {
  if (value === 1) return '1 (laag)';
  if (value === 5) return '5 (hoog)';
  return String(value);
}

/** The fieldset of one item in the trend scan, found by its title (its legend). */
export function scanItem(page: Page, title: string): Locator {
  return page.getByRole('group', { name: title, exact: true });
}

/** One criterion's radio button with `value` inside an item. */
export function scoreRadio(item: Locator, criterion: Criterion, value: number): Locator {
  return item
    .getByRole('group', { name: criterionLegends[criterion], exact: true })
    .getByRole('radio', { name: scoreLabel(value), exact: true });
}

/** Scores an item on every criterion with the mouse. */
export async function scoreByMouse(page: Page, title: string, scores: Scores): Promise<void> {
  const item = scanItem(page, title);
  for (const criterion of Object.keys(criterionLegends) as Criterion[]) {
    // check() fails unless the radio button ends up checked.
    await scoreRadio(item, criterion, scores[criterion]).check();
  }
  await expect(item.getByText('Helemaal gescoord')).toBeVisible();
}

/**
 * Scores an item on every criterion with keys alone: Tab to the criterion's first option, Space
 * to choose it, then the right arrow up to the score (as the intro on the page explains).
 */
export async function scoreByKeyboard(page: Page, title: string, scores: Scores): Promise<void> {
  const item = scanItem(page, title);
  for (const criterion of Object.keys(criterionLegends) as Criterion[]) {
    const lowest = scoreRadio(item, criterion, 1);
    await pressUntilFocused(page, 'Tab', lowest);
    await page.keyboard.press('Space');
    await expect(lowest).toBeChecked();
    for (let value = 2; value <= scores[criterion]; value += 1) {
      await page.keyboard.press('ArrowRight');
    }
    const chosen = scoreRadio(item, criterion, scores[criterion]);
    await expect(chosen).toBeFocused();
    await expect(chosen).toBeChecked();
  }
  await expect(item.getByText('Helemaal gescoord')).toBeVisible();
}

/** The trend scan's ranking table (the first one in `scope`: the synthesis also has one per place). */
export function rankingTable(scope: Page | Locator): Locator {
  return scope
    .getByRole('table', {
      name: 'Trends en ontwikkelingen op gemiddelde relevantie, hoogste eerst',
    })
    .first();
}

/** A ranked item as the room should see it. */
export interface ExpectedRank {
  title: string;
  rank: string;
  mean: string;
  sd: string;
  n: string;
}

/** The row of a table whose row header is `title`. */
export function rowOf(table: Locator, title: string): Locator {
  return table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: title, exact: true }) });
}

/** Checks the ranking's order and, per item, its rank, mean relevance, spread and number of scores. */
export async function expectRanking(table: Locator, expected: readonly ExpectedRank[]) {
  await expect(table.getByRole('rowheader')).toHaveText(expected.map((item) => item.title));
  for (const item of expected) {
    const cells = rowOf(table, item.title).getByRole('cell');
    await expect(cells.nth(0), `rank of ${item.title}`).toHaveText(item.rank);
    await expect(cells.nth(1), `mean relevance of ${item.title}`).toHaveText(item.mean);
    await expect(cells.nth(2), `spread of ${item.title}`).toHaveText(item.sd);
    await expect(cells.nth(4), `number of scores of ${item.title}`).toHaveText(item.n);
  }
}
