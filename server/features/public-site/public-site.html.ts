// A tiny HTML template tag: every interpolated value is escaped unless it is markup this module
// built itself. Titles, summaries and bodies are typed by people, so nothing they write can ever
// become markup on a public page.

const SAFE = Symbol('safe-html');

/** Markup produced by `markup` (or `rawHtml` for constant strings); the only thing left unescaped. */
export interface SafeHtml {
  readonly [SAFE]: true;
  readonly value: string;
}

type Interpolation =
  SafeHtml | string | number | null | undefined | false | readonly Interpolation[];

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

/** Marks a constant string (never user data) as markup. */
export function rawHtml(value: string): SafeHtml {
  return { [SAFE]: true, value };
}

function isSafe(value: unknown): value is SafeHtml {
  return typeof value === 'object' && value !== null && SAFE in value;
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map((v: Interpolation) => render(v)).join('');
  if (isSafe(value)) return value.value;
  return escapeHtml(typeof value === 'number' ? String(value) : (value as string));
}

// Not named `html`: Prettier would reformat templates with that tag as HTML and change the output.
/** Builds markup from a template; strings and numbers in it are escaped, nested `markup` is kept. */
export function markup(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return rawHtml(out);
}

/** True for a link target the pages may render: web links and mail only, never javascript:. */
export function isSafeHref(href: string): boolean {
  // A control character could split the attribute in some parsers; such a link is refused.
  // eslint-disable-next-line no-control-regex -- these are exactly the characters refused
  return /^(https?:\/\/|mailto:)/i.test(href.trim()) && !/[\u0000-\u001f]/.test(href);
}
