// The lab's methods in real browsers: a facilitator and three guests from two places of IJmond run
// a trend scan (one guest scores with the keyboard alone), a scenario round with a robust action
// and an action round with a dot vote, and the synthesis (page, big screen and JSON) shows what
// they entered. Axe checks every view each of them visits.
import type { Locator, Page } from '@playwright/test';
import { nextTermEnd } from '../common/activities/actions.ts';
import { defaultScenariosConfig } from '../common/activities/scenarios.ts';
import { synthesis as synthesisSchema, type ActivitySynthesis } from '../common/synthesis.ts';
import { builtinCatalogue } from '../common/trends.builtin.ts';
import { expectAccessible } from './support/axe.ts';
import {
  joinAsGuest,
  openLiveLab,
  pressUntilFocused,
  signInAsFacilitator,
  stepHeading,
  syncStatus,
} from './support/labs.ts';
import {
  bringEveryoneToStep,
  createMethodsLabByApi,
  expectRanking,
  pressUntilFocusWithin,
  rankingTable,
  rowOf,
  scoreByKeyboard,
  scoreByMouse,
  type ExpectedRank,
  type Scores,
} from './support/methods.ts';
import { expect, test } from './support/actors.ts';

const labTitle = 'Binnenstadslab IJmond: trends, scenario’s en acties';
const steps = {
  trendscan: { position: 1, title: 'Trendscan IJmond' },
  scenarios: { position: 2, title: 'Scenario’s voor 2035' },
  actions: { position: 3, title: 'Acties voor de raadsperiode' },
} as const;
const themeCount = 2;

/** The six built-in trends, each scored as a whole. */
const trendItems = builtinCatalogue.map((trend) => ({
  key: trend.key,
  trendKey: trend.key,
  kind: 'trend' as const,
  title: trend.title,
  description: trend.description,
}));
const trendTitles = trendItems.map((item) => item.title);
const [samenleven, produceren, consumeren, werken, investeren, vervoeren] = trendTitles as [
  string,
  string,
  string,
  string,
  string,
  string,
];

const places = { ijmuiden: 'IJmuiden', beverwijk: 'Beverwijk' } as const;
const placeOption = { IJmuiden: 'IJmuiden (Velsen)', Beverwijk: 'Beverwijk (Beverwijk)' } as const;
const guestNames = { anouk: 'Anouk', bram: 'Bram', chantal: 'Chantal' } as const;

type ScoreRow = [trend: string, relevance: number, impact: number, uncertainty: number];
const scoresOf = ([, relevance, impact, uncertainty]: ScoreRow): Scores => ({
  relevance,
  impact,
  uncertainty,
});

/** What each guest enters: Anouk (keyboard) two trends, Bram and Chantal all six. */
const entered: { guest: string; place: string; rows: ScoreRow[] }[] = [
  {
    guest: guestNames.anouk,
    place: places.ijmuiden,
    rows: [
      [samenleven, 5, 4, 2],
      [produceren, 2, 3, 4],
    ],
  },
  {
    guest: guestNames.bram,
    place: places.ijmuiden,
    rows: [
      [samenleven, 4, 4, 3],
      [produceren, 3, 2, 5],
      [consumeren, 5, 5, 2],
      [werken, 2, 3, 3],
      [investeren, 4, 4, 4],
      [vervoeren, 1, 2, 1],
    ],
  },
  {
    guest: guestNames.chantal,
    place: places.beverwijk,
    rows: [
      [samenleven, 3, 5, 2],
      [produceren, 1, 2, 4],
      [consumeren, 5, 4, 1],
      [werken, 4, 2, 2],
      [investeren, 5, 5, 5],
      [vervoeren, 2, 1, 2],
    ],
  },
];

const oneDecimal = new Intl.NumberFormat('nl-NL', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

interface Stats {
  n: number;
  mean: number;
  sd: number;
}

/** Mean and population standard deviation, as the room's spread is described. */
function statsOf(values: readonly number[]): Stats {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length);
  return { n: values.length, mean, sd };
}

/** The scores of one criterion per trend, of the guests from `place` (every place when null). */
function valuesPerTrend(criterion: 1 | 2 | 3, place: string | null): Map<string, number[]> {
  const values = new Map<string, number[]>();
  for (const person of entered) {
    if (place !== null && person.place !== place) continue;
    for (const row of person.rows)
      values.set(row[0], [...(values.get(row[0]) ?? []), row[criterion]]);
  }
  return values;
}

/**
 * The ranking the room should see: by mean relevance, highest first; equal means share a rank
 * (1, 1, 3) and are listed by title.
 */
function expectedRanking(
  place: string | null,
): (ExpectedRank & { rankValue: number; meanValue: number })[] {
  const sorted = [...valuesPerTrend(1, place)]
    .map(([title, values]) => ({ title, ...statsOf(values) }))
    .sort((a, b) => b.mean - a.mean || a.title.localeCompare(b.title, 'nl'));
  return sorted.map((item) => {
    const rankValue = sorted.findIndex((other) => other.mean === item.mean) + 1;
    return {
      title: item.title,
      rank: String(rankValue),
      rankValue,
      mean: oneDecimal.format(item.mean),
      meanValue: item.mean,
      sd: oneDecimal.format(item.sd),
      n: String(item.n),
    };
  });
}

/** Where a trend lands in the impact × uncertainty matrix: above the midpoint 3 counts as high. */
function expectedQuadrant(title: string): { name: string; impact: string; uncertainty: string } {
  const impact = statsOf(valuesPerTrend(2, null).get(title) ?? []).mean;
  const uncertainty = statsOf(valuesPerTrend(3, null).get(title) ?? []).mean;
  const name =
    impact > 3
      ? uncertainty > 3
        ? 'Kandidaat voor een scenario-as'
        : 'Nu aanpakken'
      : uncertainty > 3
        ? 'In de gaten houden'
        : 'Achtergrond';
  return { name, impact: oneDecimal.format(impact), uncertainty: oneDecimal.format(uncertainty) };
}

/** Checks the per-place table: one column per place, the mean relevance per trend. */
async function expectPlaceComparison(page: Page, columns: Record<string, string>) {
  const table = page.getByRole('table', { name: 'Gemiddelde relevantie per trend en plaats' });
  for (const header of Object.values(columns)) {
    await expect(table.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
  }
  const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.trim());
  for (const [place, header] of Object.entries(columns)) {
    // The first column header is the trend's; the row's cells start after the row header.
    const cellIndex = headers.indexOf(header) - 1;
    const means = valuesPerTrend(1, place);
    for (const title of trendTitles) {
      await expect(
        rowOf(table, title).getByRole('cell').nth(cellIndex),
        `${title} in ${place}`,
      ).toHaveText(oneDecimal.format(statsOf(means.get(title) ?? []).mean));
    }
  }
}

/** Runs axe on the same view as each guest sees it (their own entries differ). */
async function expectAccessibleForEach(pages: Record<string, Page>, view: string) {
  for (const [name, page] of Object.entries(pages)) {
    await expectAccessible(page, `${view} (${name})`);
  }
}

/** One of the four scenarios, found by its poles (its heading). */
function scenario(page: Page, poles: string): Locator {
  return page.getByRole('region', { name: poles, exact: true });
}

/** A lane of a scenario, found by the start of its question (its heading ends in a count). */
function lane(scenarioRegion: Locator, question: string): Locator {
  return scenarioRegion.getByRole('region', { name: new RegExp(`^${escape(question)}`) });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Writes a note in a lane of a scenario and closes the form again. */
async function addLaneNote(laneRegion: Locator, shortLane: string, text: string) {
  await laneRegion.getByRole('button', { name: 'Notitie toevoegen' }).click();
  await laneRegion.getByLabel(`Nieuwe notitie: ${shortLane}`).fill(text);
  await laneRegion.getByRole('button', { name: 'Plaatsen' }).click();
  await expect(laneRegion.getByText(text, { exact: true })).toBeVisible();
  await laneRegion.getByRole('button', { name: 'Annuleren' }).click();
}

/** Proposes an action in the actions step. */
async function proposeAction(page: Page, title: string, owner: string, horizon: string) {
  const form = page.getByRole('region', { name: 'Actie voorstellen' });
  await form.getByLabel('Wat gaan we doen?').fill(title);
  await form.getByLabel('Trekker', { exact: true }).fill(owner);
  await form.getByRole('radio', { name: horizon, exact: true }).check();
  await form.getByRole('button', { name: 'Actie voorstellen' }).click();
  await expect(page.getByRole('article', { name: title, exact: true })).toBeVisible();
}

test('a facilitator and three guests from two places run a trend scan, scenarios and actions', async ({
  actors,
}) => {
  // About a minute on a quiet machine; the margin is for a busy one.
  test.setTimeout(180_000);
  const facilitator = await actors.actor('facilitator');
  await signInAsFacilitator(facilitator);
  const lab = await createMethodsLabByApi(
    facilitator,
    labTitle,
    [places.ijmuiden, places.beverwijk],
    [
      {
        title: steps.trendscan.title,
        config: { kind: 'trendscan', items: trendItems, allowNewDevelopments: true, themeCount },
      },
      { title: steps.scenarios.title, config: defaultScenariosConfig() },
      {
        title: steps.actions.title,
        config: { kind: 'actions', dotsPerPerson: 3, termEnds: nextTermEnd(new Date()) },
      },
    ],
  );
  await openLiveLab(facilitator, lab);
  await expectAccessible(facilitator, 'live page as facilitator, before the first step');
  const presenter = await facilitator.context().newPage();
  await presenter.goto(`/lab/${lab.id}/presenter`);
  await expect(presenter.getByRole('heading', { level: 1, name: labTitle })).toBeVisible();

  const anouk = await actors.actor('guest from IJmuiden, keyboard only');
  const bram = await actors.actor('guest from IJmuiden');
  const chantal = await actors.actor('guest from Beverwijk');
  const guests = [anouk, bram, chantal];
  const guestPages = {
    [guestNames.anouk]: anouk,
    [guestNames.bram]: bram,
    [guestNames.chantal]: chantal,
  };
  await joinAsGuest(anouk, lab, guestNames.anouk, { checkJoinPage: true });
  await joinAsGuest(bram, lab, guestNames.bram);
  await joinAsGuest(chantal, lab, guestNames.chantal);

  await test.step('trend scan: everyone scores for their own place', async () => {
    await bringEveryoneToStep(facilitator, steps.trendscan.position, steps.trendscan.title);
    for (const page of [...guests, facilitator]) {
      await expect(stepHeading(page, steps.trendscan.title)).toBeVisible();
    }
    await expect(
      presenter.getByRole('heading', { level: 2, name: `Nu: ${steps.trendscan.title}` }),
    ).toBeVisible();
    await expectAccessible(presenter, 'presenter, trend scan');
    // A trend scan starts with its results hidden, so nobody scores with the room's scores in view.
    await expect(
      facilitator.getByRole('button', { name: 'Uitslag tonen aan deelnemers' }),
    ).toBeVisible();
    await expect(
      facilitator.getByText('Deelnemers zien de uitslag nog niet. U ziet hem wel.'),
    ).toBeVisible();
    for (const guest of guests) {
      await expect(guest.getByText('De begeleider toont de uitslag straks.')).toBeVisible();
    }
    await expect(anouk.getByText('Kies eerst uw plaats. Daarna kunt u scoren.')).toBeVisible();
    await expectAccessible(anouk, 'trend scan as guest, before choosing a place');

    // Anouk uses only keys: the place with Tab and the arrow keys, every score with Tab, Space
    // and the right arrow.
    const placeGroup = anouk.getByRole('group', { name: 'Voor welke plaats scoort u?' });
    await pressUntilFocusWithin(anouk, 'Tab', placeGroup);
    const ijmuiden = placeGroup.getByRole('radio', { name: placeOption.IJmuiden });
    await pressUntilFocused(anouk, 'ArrowDown', ijmuiden);
    await anouk.keyboard.press('Space');
    await expect(ijmuiden).toBeChecked();
    await expect(anouk.getByText('U scoort voor IJmuiden.')).toBeVisible();
    for (const row of entered[0]?.rows ?? []) await scoreByKeyboard(anouk, row[0], scoresOf(row));
    await expect(anouk.getByText('2 van 6 gescoord')).toBeVisible();
    await expect(syncStatus(anouk)).toHaveAttribute('data-sync-state', 'saved');
    await expectAccessible(anouk, 'trend scan as guest, scored by keyboard');

    // Bram and Chantal click, side by side.
    await Promise.all(
      entered.slice(1).map(async (person) => {
        const page = person.guest === guestNames.bram ? bram : chantal;
        const option = placeOption[person.place as keyof typeof placeOption];
        await page.getByRole('radio', { name: option }).check();
        await expect(page.getByText(`U scoort voor ${person.place}.`)).toBeVisible();
        for (const row of person.rows) await scoreByMouse(page, row[0], scoresOf(row));
        await expect(page.getByText('6 van 6 gescoord')).toBeVisible();
        await expect(syncStatus(page)).toHaveAttribute('data-sync-state', 'saved');
      }),
    );
    await expect(chantal.getByRole('table')).toHaveCount(0);
    await expectAccessibleForEach(
      { [guestNames.bram]: bram, [guestNames.chantal]: chantal },
      'trend scan as guest, scored by mouse',
    );
  });

  const ranking = expectedRanking(null);
  await test.step('trend scan: the facilitator reveals the results and chooses the themes', async () => {
    await expect(facilitator.getByText('3 personen hebben gescoord.')).toBeVisible();
    await expectRanking(rankingTable(facilitator), ranking);
    const matrix = facilitator.getByRole('table', {
      name: 'Trends en ontwikkelingen per kwadrant',
    });
    for (const title of trendTitles) {
      const quadrant = expectedQuadrant(title);
      const cells = rowOf(matrix, title).getByRole('cell');
      await expect(cells.nth(1), `quadrant of ${title}`).toContainText(quadrant.name);
      await expect(cells.nth(2), `impact of ${title}`).toHaveText(quadrant.impact);
      await expect(cells.nth(3), `uncertainty of ${title}`).toHaveText(quadrant.uncertainty);
    }
    await expectPlaceComparison(facilitator, {
      [places.ijmuiden]: 'IJmuiden (2 personen)',
      [places.beverwijk]: 'Beverwijk (1 persoon)',
    });
    await expectAccessible(facilitator, 'trend scan as facilitator, with results');

    await facilitator.getByRole('button', { name: 'Uitslag tonen aan deelnemers' }).click();
    await expect(facilitator.getByText('Deelnemers zien de uitslag.')).toBeVisible();
    await expectRanking(rankingTable(chantal), ranking);
    await expectPlaceComparison(bram, {
      [places.ijmuiden]: 'IJmuiden (2 personen)',
      [places.beverwijk]: 'Beverwijk (1 persoon)',
    });

    // The two most relevant trends become the lab's themes.
    const themes = ranking.slice(0, themeCount).map((item) => item.title);
    for (const theme of themes) {
      await facilitator.getByRole('button', { name: `Kies als thema: ${theme}` }).click();
    }
    await expect(facilitator.getByText('Er zijn al 2 thema’s gekozen.').first()).toBeVisible();
    for (const guest of guests) {
      await expect(
        guest.getByRole('region', { name: 'Gekozen thema’s' }).getByRole('listitem'),
      ).toHaveText(themes);
    }
    await expectAccessible(bram, 'trend scan as guest, results shown');
    await expectAccessible(presenter, 'presenter, trend scan with results');
  });

  // The four scenarios, by their poles.
  const hh = 'Veel digitalisering, sterk circulair';
  const lh = 'Weinig digitalisering, sterk circulair';
  const ll = 'Weinig digitalisering, weinig circulair';
  const hl = 'Veel digitalisering, weinig circulair';
  const names = { [hh]: 'Slimme kringloopstad', [ll]: 'Stilstaand centrum' };
  const narrative = 'Winkels repareren, delen en verhuren; de data blijft van de stad.';
  const laneNotes = {
    meaning: 'Meer makers en reparateurs in lege winkels',
    policy: 'Een vergunning voor tijdelijk gebruik binnen een week',
    regret: 'Geen glasvezel in de oude winkelstraten',
  };
  const robustAction = 'Een reparatiecafé in een leeg winkelpand';

  await test.step('scenarios: guests write names and notes, and test an action', async () => {
    await bringEveryoneToStep(facilitator, steps.scenarios.position, steps.scenarios.title);
    for (const page of guests) await expect(stepHeading(page, steps.scenarios.title)).toBeVisible();

    // Anouk names and describes one scenario and writes what it means for the centre.
    const anoukHh = scenario(anouk, hh);
    await anoukHh.getByLabel('Naam van dit scenario').fill(names[hh]);
    await anoukHh.getByLabel('Korte beschrijving').fill(narrative);
    await anoukHh.getByLabel('Korte beschrijving').blur();
    await addLaneNote(
      lane(anoukHh, 'Wat betekent dit voor de binnenstad?'),
      'Betekenis',
      laneNotes.meaning,
    );
    // Bram names the opposite scenario and writes what we would regret.
    const bramLl = scenario(bram, ll);
    await bramLl.getByLabel('Naam van dit scenario').fill(names[ll]);
    await bramLl.getByLabel('Naam van dit scenario').blur();
    await addLaneNote(
      lane(bramLl, 'Waar krijgen we spijt van als we het niet doen?'),
      'Spijt',
      laneNotes.regret,
    );
    // Chantal adds a policy and proposes an action from the named scenario.
    const chantalHh = scenario(chantal, hh);
    await expect(chantalHh.getByLabel('Naam van dit scenario')).toHaveValue(names[hh]);
    await addLaneNote(lane(chantalHh, 'Welk beleid past hierbij?'), 'Beleid', laneNotes.policy);
    const propose = chantal.getByRole('region', { name: 'Actie voorstellen' });
    await propose.getByLabel('Wat stelt u voor?').fill(robustAction);
    await propose.getByLabel('Vanuit welk scenario?').selectOption({ label: names[hh] });
    await propose.getByRole('button', { name: 'Actie voorstellen' }).click();
    await expect(chantal.getByText('Uw actie staat in de tabel.')).toBeAttached();
    await expect(
      bram.getByRole('table', {
        name: 'Voorgestelde acties en in welke scenario’s ze standhouden',
      }),
    ).toBeVisible();
    await expectAccessibleForEach(guestPages, 'scenarios as guest');

    // The facilitator sees it all and records the room's verdicts: it holds in three of four.
    const facilitatorHh = scenario(facilitator, hh);
    await expect(facilitatorHh.getByLabel('Naam van dit scenario')).toHaveValue(names[hh]);
    await expect(facilitatorHh.getByLabel('Korte beschrijving')).toHaveValue(narrative);
    await expect(scenario(facilitator, ll).getByLabel('Naam van dit scenario')).toHaveValue(
      names[ll],
    );
    for (const text of Object.values(laneNotes)) {
      await expect(facilitator.getByText(text, { exact: true })).toBeVisible();
    }
    const table = facilitator.getByRole('table', {
      name: 'Voorgestelde acties en in welke scenario’s ze standhouden',
    });
    // The row header also names who proposed the action and holds its withdraw button.
    const row = table.getByRole('row').filter({ hasText: robustAction });
    const verdict = row.getByRole('cell').last();
    await expect(verdict).toHaveText('Houdt stand in 1 van 4');
    await row.getByRole('button', { name: `Houdt stand (${robustAction}, ${lh})` }).click();
    await expect(verdict).toHaveText('Houdt stand in 2 van 4');
    await row
      .getByRole('button', { name: `Houdt geen stand (${robustAction}, ${names[ll]})` })
      .click();
    await expect(verdict).toHaveText('Houdt stand in 2 van 4');
    await row.getByRole('button', { name: `Houdt stand (${robustAction}, ${hl})` }).click();
    await expect(verdict).toContainText('Robuust: houdt stand in 3 van 4');
    for (const guest of guests) {
      await expect(
        guest
          .getByRole('table', { name: 'Voorgestelde acties en in welke scenario’s ze standhouden' })
          .getByRole('row')
          .filter({ hasText: robustAction }),
      ).toContainText('Robuust: houdt stand in 3 van 4');
    }
    await expectAccessible(facilitator, 'scenarios as facilitator, with verdicts');
    await expect(
      presenter.getByRole('heading', { level: 2, name: `Nu: ${steps.scenarios.title}` }),
    ).toBeVisible();
    await expect(presenter.getByText(robustAction).first()).toBeVisible();
    await expectAccessible(presenter, 'presenter, scenarios');
  });

  // The action round: three proposals and a dot vote with three dots each.
  const market = 'Elke vrijdag een avondmarkt op het Marktplein';
  const bikes = 'Deelfietsen bij station Beverwijk';
  const fund = 'Een fonds dat leegstand verhuurt aan makers';
  const dots: Record<string, number> = { [market]: 3, [fund]: 4, [bikes]: 2 };

  await test.step('actions: guests propose, spend their dots, the facilitator confirms', async () => {
    await bringEveryoneToStep(facilitator, steps.actions.position, steps.actions.title);
    for (const page of guests) await expect(stepHeading(page, steps.actions.title)).toBeVisible();
    await proposeAction(anouk, market, 'Ondernemersvereniging IJmuiden', 'Deze raadsperiode');
    await proposeAction(bram, bikes, 'Gemeente Beverwijk', 'Deze raadsperiode');
    await proposeAction(chantal, fund, 'Regio IJmond', 'Later');
    await expect(anouk.getByRole('article')).toHaveCount(3);
    await expectAccessible(chantal, 'actions as guest, proposals');

    await facilitator
      .getByRole('button', { name: 'Stemming openen (3 stippen per persoon)' })
      .click();
    const spend: [Page, [string, '+' | '-'][]][] = [
      [
        anouk,
        [
          [market, '+'],
          [market, '+'],
          [fund, '+'],
        ],
      ],
      [
        bram,
        [
          [market, '+'],
          [bikes, '+'],
          [bikes, '+'],
          [bikes, '-'],
          [fund, '+'],
        ],
      ],
      [
        chantal,
        [
          [fund, '+'],
          [fund, '+'],
          [bikes, '+'],
        ],
      ],
    ];
    for (const [guest, moves] of spend) {
      await expect(guest.getByText('U heeft nog 3 stippen.')).toBeVisible();
      for (const [title, sign] of moves) {
        const name = sign === '+' ? `Stip geven aan ${title}` : `Stip terugnemen van ${title}`;
        await guest.getByRole('button', { name, exact: true }).click();
      }
      await expect(guest.getByText('U heeft nog 0 stippen.')).toBeVisible();
      await expect(syncStatus(guest)).toHaveAttribute('data-sync-state', 'saved');
    }
    await expect(
      bram.getByRole('article', { name: bikes, exact: true }).getByText('U gaf 1 stip'),
    ).toBeVisible();
    await expectAccessibleForEach(guestPages, 'actions as guest, dot vote');
    for (const [title, count] of Object.entries(dots)) {
      await expect(
        facilitator
          .getByRole('article', { name: title, exact: true })
          .getByText(`${count} stippen`),
      ).toBeVisible();
    }

    // The facilitator confirms the action with the most dots.
    const fundCard = facilitator.getByRole('article', { name: fund, exact: true });
    await fundCard.getByRole('button', { name: 'Bevestigen' }).click();
    await expect(fundCard.getByText('Bevestigd', { exact: true })).toBeVisible();
    await expect(
      chantal.getByRole('article', { name: fund, exact: true }).getByText(/^Bevestigd/),
    ).toBeVisible();
    await expectAccessible(facilitator, 'actions as facilitator, vote open');
    await expect(
      presenter.getByRole('heading', { level: 2, name: `Nu: ${steps.actions.title}` }),
    ).toBeVisible();
    await expectAccessible(presenter, 'presenter, actions');
  });

  const actionOrder = [fund, market, bikes];
  await test.step('synthesis: the facilitator sees what the room entered', async () => {
    const page = await facilitator.context().newPage();
    await page.goto(`/lab/${lab.id}/synthesis`);
    await expect(
      page.getByRole('heading', { level: 1, name: `Synthese: ${labTitle}` }),
    ).toBeVisible();
    await expectSynthesis(page);
    await expectAccessible(page, 'synthesis page');

    await page.goto(`/lab/${lab.id}/presenter/synthesis`);
    await expect(
      page.getByRole('heading', { level: 1, name: `Synthese: ${labTitle}` }),
    ).toBeVisible();
    await expectSynthesis(page);
    await expectAccessible(page, 'synthesis on the big screen');
  });

  /** The synthesis as a page shows it: the trend ranking, the scenarios with the robust action, the actions. */
  async function expectSynthesis(page: Page) {
    const trendPart = page.getByRole('region', { name: steps.trendscan.title });
    await expect(trendPart.getByText('3 mensen hebben gescoord.')).toBeVisible();
    await expectRanking(rankingTable(trendPart), ranking);
    for (const place of [places.ijmuiden, places.beverwijk]) {
      await expect(
        trendPart.getByRole('heading', { level: 3, name: `Rangorde voor ${place}` }),
      ).toBeVisible();
    }

    const scenarioPart = page.getByRole('region', { name: steps.scenarios.title });
    for (const name of Object.values(names)) {
      await expect(scenarioPart.getByRole('heading', { level: 3, name })).toBeVisible();
    }
    await expect(scenarioPart.getByText(narrative)).toBeVisible();
    for (const text of Object.values(laneNotes)) {
      await expect(scenarioPart.getByRole('listitem').filter({ hasText: text })).toBeVisible();
    }
    const robust = rowOf(
      scenarioPart.getByRole('table', { name: 'Acties en hoe robuust ze zijn' }),
      robustAction,
    ).getByRole('cell');
    await expect(robust.nth(0)).toHaveText(names[hh]);
    await expect(robust.nth(1)).toContainText('3 van 4 scenario’s');
    await expect(robust.nth(2)).toHaveText('Ja');

    const actionPart = page.getByRole('region', { name: steps.actions.title });
    const actions = actionPart.getByRole('table', { name: 'Acties', exact: true });
    await expect(actions.getByRole('rowheader')).toHaveText(actionOrder);
    for (const title of actionOrder) {
      const cells = rowOf(actions, title).getByRole('cell');
      await expect(cells.nth(2), `status of ${title}`).toHaveText(
        title === fund ? 'Bevestigd' : 'Voorgesteld',
      );
      await expect(cells.nth(3), `dots of ${title}`).toHaveText(String(dots[title]));
    }
  }

  await test.step('synthesis: the JSON has the same numbers', async () => {
    const answer = await facilitator.request.get(`/api/v1/labs/${lab.id}/synthesis`);
    expect(answer.status()).toBe(200);
    const synthesis = synthesisSchema.parse(await answer.json());
    const partOf = <K extends ActivitySynthesis['kind']>(kind: K) => {
      const part = synthesis.activities.find((candidate) => candidate.kind === kind);
      if (!part) throw new Error(`the synthesis has no ${kind} part`);
      return part as Extract<ActivitySynthesis, { kind: K }>;
    };
    const trendPart = partOf('trendscan');
    expect(trendPart.respondents).toBe(3);
    expect(
      trendPart.ranking.map((item) => [
        item.title,
        item.rank,
        item.relevance.mean,
        item.relevance.n,
      ]),
    ).toEqual(ranking.map((item) => [item.title, item.rankValue, item.meanValue, Number(item.n)]));
    for (const place of [places.ijmuiden, places.beverwijk]) {
      const entry = trendPart.perPlace.find((p) => p.placeId === lab.placeIds.get(place));
      expect(
        entry?.ranking.map((item) => [item.title, item.rank, item.relevance.mean]),
        `ranking for ${place}`,
      ).toEqual(expectedRanking(place).map((item) => [item.title, item.rankValue, item.meanValue]));
    }
    const themes = ranking.slice(0, themeCount).map((item) => item.title);
    expect(trendPart.chosenThemes.map((theme) => theme.label)).toEqual(themes);

    const scenarioPart = partOf('scenarios');
    expect(scenarioPart.quadrants.find((q) => q.key === 'hh')).toMatchObject({
      name: names[hh],
      narrative,
    });
    expect(scenarioPart.actions).toEqual([
      expect.objectContaining({ title: robustAction, origin: 'hh', robust: true }),
    ]);
    expect(scenarioPart.actions[0]?.holdsIn.toSorted()).toEqual(['hh', 'hl', 'lh']);

    expect(partOf('actions').actions.map((a) => [a.title, a.dots, a.status])).toEqual(
      actionOrder.map((title) => [title, dots[title], title === fund ? 'confirmed' : 'proposed']),
    );

    // The chosen themes are stored on the lab once the trend scan is projected (within seconds).
    await expect
      .poll(
        async () => {
          const again = await facilitator.request.get(`/api/v1/labs/${lab.id}/synthesis`);
          return synthesisSchema.parse(await again.json()).themes.map((theme) => theme.label);
        },
        { message: 'the lab’s themes', timeout: 20_000 },
      )
      .toEqual(themes);
  });
});
