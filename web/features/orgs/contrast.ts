// WCAG contrast between white text and an organisation's primary colour (buttons and the avatar use both).

/** The least contrast WCAG 2.2 AA asks for normal-size text (success criterion 1.4.3). */
export const MIN_TEXT_CONTRAST = 4.5;

const WHITE = '#ffffff';

function channelsOf(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new RangeError(`not a colour as #rrggbb: ${hex}`);
  return [parseInt(match[1] ?? '', 16), parseInt(match[2] ?? '', 16), parseInt(match[3] ?? '', 16)];
}

function linearise(channel: number): number {
  const value = channel / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** Returns the WCAG relative luminance of a #rrggbb colour: 0 for black up to 1 for white. */
export function relativeLuminance(hex: string): number {
  const [red, green, blue] = channelsOf(hex).map(linearise) as [number, number, number];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** Returns the WCAG contrast ratio of two #rrggbb colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort(
    (a, b) => b - a,
  ) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** Returns the contrast ratio of white text on `background`. */
export function whiteTextContrast(background: string): number {
  return contrastRatio(WHITE, background);
}

/** True when white text on `background` reaches the AA minimum; WCAG does not round, so neither do we. */
export function isWhiteTextReadableOn(background: string): boolean {
  return whiteTextContrast(background) >= MIN_TEXT_CONTRAST;
}
