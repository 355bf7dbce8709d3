// The Dutch words of a generated report: section titles, labels of statuses and kinds, and how
// numbers read in running text. Reports are written in Dutch, like the rest of the product.
import type { ActivityKind } from '../../../common/activities/registry.ts';
import type { MatrixQuadrant } from '../../../common/synthesis.ts';

export const sectionTitles = {
  introduction: 'Inleiding',
  question: 'Vraagstuk en programma',
  quotes: 'Uitspraken uit het lab',
  synthesis: 'Synthese',
  conclusions: 'Conclusies',
} as const;

export const kindLabels: Record<ActivityKind, string> = {
  canvas: 'Canvas',
  poll: 'Peiling',
  trendscan: 'Trendscan',
  scenarios: 'Scenario’s',
  vision: 'Visie',
  positioning: 'Positionering',
  actions: 'Acties',
};

export const quadrantLabels: Record<MatrixQuadrant, string> = {
  'act-now': 'Nu aanpakken',
  'scenario-axis': 'Kandidaat voor een scenario-as',
  watch: 'In de gaten houden',
  background: 'Achtergrond',
  unscored: 'Niet gescoord',
};

export const laneLabels: Record<string, string> = {
  meaning: 'Wat het betekent voor de binnenstad',
  policy: 'Welk beleid past',
  regret: 'Waar we spijt van zouden krijgen',
};

export const verdictLabels: Record<string, string> = {
  open: 'Nog niet besproken',
  competition: 'Concurrentie',
  complementary: 'Vullen elkaar aan',
  'no-overlap': 'Geen overlap',
};

export const horizonLabels: Record<string, string> = {
  term: 'Deze raadsperiode',
  later: 'Later',
};

export const actionStatusLabels: Record<string, string> = {
  proposed: 'Voorstel',
  confirmed: 'Bevestigd',
  rejected: 'Afgewezen',
  'in-progress': 'Bezig',
  done: 'Klaar',
  dropped: 'Gestopt',
};

/** The label of a key from one of the tables above, or the key itself when it has none. */
export function labelOf(labels: Record<string, string>, key: string): string {
  return labels[key] ?? key;
}

const decimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/** A number as Dutch running text writes it (3,25). */
export function formatNumber(value: number): string {
  return decimal.format(value);
}

/** "1 notitie", "3 notities": a count with the singular or plural noun. */
export function countOf(count: number, one: string, many: string): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

/** Rounds to two decimals, as every mean and spread in a report's tables is shown. */
export function roundTwo(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}
