// Pure rules of the scenario screens: where each scenario sits in the grid and how it is named.
import {
  polesOf,
  type QuadrantKey,
  type ScenariosConfig,
} from '../../../common/activities/scenarios.ts';

/**
 * The scenarios in reading order of the 2×2 grid: axis 1 runs from low (left) to high (right),
 * axis 2 from low (bottom) to high (top). Lists, tables and screen readers use the same order.
 */
export const gridOrder: readonly QuadrantKey[] = ['lh', 'hh', 'll', 'hl'];

/**
 * Lower-cases the first letter of a pole that continues a sentence ("Weinig circulair" →
 * "weinig circulair"), but leaves names and abbreviations alone ("IJmuiden", "AI").
 */
export function lowerFirst(text: string): string {
  const [first, second] = [...text];
  if (!first || !second) return text;
  const isCapitalised =
    first !== first.toLocaleLowerCase('nl') && second === second.toLocaleLowerCase('nl');
  const isLetter = second.toLocaleUpperCase('nl') !== second;
  return isCapitalised && isLetter
    ? first.toLocaleLowerCase('nl') + text.slice(first.length)
    : text;
}

/** The two poles a scenario takes, in axis order: e.g. ["Veel digitalisering", "Weinig circulair"]. */
export function polesFor(config: ScenariosConfig, quadrant: QuadrantKey): [string, string] {
  const poles = polesOf(quadrant);
  const [first, second] = config.axes;
  return [first[poles.first], second[poles.second]];
}
