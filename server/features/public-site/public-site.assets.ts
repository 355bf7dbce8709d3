// The one stylesheet and the few font files of the public pages, read from the packages the web
// app bundles too (NL Design System tokens and components, the Stadshart theme). Built once per
// process and served under a content hash, so browsers may keep them for a year.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export const STYLESHEET_PATH = '/kennisbank/site.css';
export const FONTS_PATH = '/kennisbank/fonts';

/** The fonts the stylesheet names; only these files can be asked for. */
const fonts: Record<string, { module: string; family: string; weight: number }> = {
  'noto-sans-latin-400-normal.woff2': {
    module: '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2',
    family: 'Noto Sans',
    weight: 400,
  },
  'noto-sans-latin-700-normal.woff2': {
    module: '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2',
    family: 'Noto Sans',
    weight: 700,
  },
  'noto-serif-latin-700-normal.woff2': {
    module: '@fontsource/noto-serif/files/noto-serif-latin-700-normal.woff2',
    family: 'Noto Serif',
    weight: 700,
  },
};

export interface Asset {
  body: Buffer;
  etag: string;
}

function assetOf(body: Buffer): Asset {
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

let stylesheet: Asset | null = null;

/** The concatenated stylesheet: fonts, design tokens, components, the theme, then the pages' own. */
export function readStylesheet(): Asset {
  if (stylesheet) return stylesheet;
  const fontFaces = Object.entries(fonts)
    .map(
      ([file, font]) =>
        `@font-face{font-family:'${font.family}';font-style:normal;font-display:swap;font-weight:${font.weight};src:url(${FONTS_PATH}/${file}) format('woff2');}`,
    )
    .join('\n');
  const parts = [
    fontFaces,
    fs.readFileSync(
      require.resolve('@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css'),
      'utf8',
    ),
    fs.readFileSync(require.resolve('@utrecht/component-library-css/dist/index.css'), 'utf8'),
    fs.readFileSync(path.resolve(import.meta.dirname, '../../../web/theme/stadshart.css'), 'utf8'),
    fs.readFileSync(path.resolve(import.meta.dirname, 'public-site.css'), 'utf8'),
  ];
  stylesheet = assetOf(Buffer.from(parts.join('\n'), 'utf8'));
  return stylesheet;
}

/** The stylesheet's URL with its content hash, so a new release is fetched at once. */
export function stylesheetHref(): string {
  return `${STYLESHEET_PATH}?v=${readStylesheet().etag.slice(1, 11)}`;
}

const fontCache = new Map<string, Asset>();

/** One of the named font files, or null for any other name. */
export function readFont(file: string): Asset | null {
  const font = Object.hasOwn(fonts, file) ? fonts[file] : undefined;
  if (!font) return null;
  let asset = fontCache.get(file);
  if (!asset) {
    asset = assetOf(fs.readFileSync(require.resolve(font.module)));
    fontCache.set(file, asset);
  }
  return asset;
}
