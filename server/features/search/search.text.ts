// What a typed query means before it reaches PostgreSQL: the websearch text as typed, the last
// word for prefix matching while someone is still typing, and the words a typo suggestion is for.

/** Shortest last word that is also matched as a prefix ("bin" finds "binnenstad"). */
export const PREFIX_MIN_LENGTH = 3;
/** Shortest word a spelling suggestion is looked up for. */
export const SUGGEST_MIN_LENGTH = 3;
/** At most this many words of one query get a spelling suggestion. */
export const SUGGEST_MAX_WORDS = 5;

// Letters (with accents) and digits; everything else separates words, as the parser does.
const WORD = /[\p{L}\p{N}]+/gu;

export interface ParsedQuery {
  /** The query as typed (trimmed), for websearch_to_tsquery; '' when browsing. */
  text: string;
  /** The query without its last word, for the prefix variant; null when there is no prefix. */
  withoutLast: string | null;
  /** The last word, matched as a prefix as well as whole; null when it is quoted, negated or short. */
  prefix: string | null;
  /** Plain words a spelling suggestion may replace (not negated, no operators), in order. */
  words: string[];
}

/** Splits a typed query into what the SQL needs; never throws, whatever the text. */
export function parseQuery(raw: string): ParsedQuery {
  const text = raw.trim();
  const words: string[] = [];
  let inQuote = false;
  for (const token of text.split(/\s+/)) {
    const quotes = (token.match(/"/g) ?? []).length;
    const negated = !inQuote && token.startsWith('-');
    if (quotes % 2 === 1) inQuote = !inQuote;
    if (negated || (!inQuote && quotes === 0 && token.toLowerCase() === 'or')) continue;
    for (const word of token.match(WORD) ?? []) words.push(word);
  }
  return {
    text,
    ...lastWordPrefix(text),
    words: [...new Set(words.filter((word) => word.length >= SUGGEST_MIN_LENGTH))].slice(
      0,
      SUGGEST_MAX_WORDS,
    ),
  };
}

function lastWordPrefix(text: string): { withoutLast: string | null; prefix: string | null } {
  const none = { withoutLast: null, prefix: null };
  // A closing quote or an odd number of quotes: the last word is inside a phrase.
  if ((text.match(/"/g) ?? []).length % 2 === 1 || text.endsWith('"')) return none;
  const match = /(^|\s)([\p{L}\p{N}]+)$/u.exec(text);
  const word = match?.[2];
  if (!match || !word || word.length < PREFIX_MIN_LENGTH || word.toLowerCase() === 'or') {
    return none;
  }
  return { withoutLast: text.slice(0, match.index).trim(), prefix: word };
}

/** Replaces each word by its suggested spelling, keeping the rest of the query as typed. */
export function applySuggestions(text: string, replacements: ReadonlyMap<string, string>): string {
  return text.replace(WORD, (word) => replacements.get(word) ?? word);
}

/** A word of a plain query, and whether it is matched as a prefix (the last word, see parseQuery). */
export interface PlainWord {
  word: string;
  prefix: boolean;
}

// Letters, digits and spaces only: no phrase, no exclusion, no punctuation the parser splits on.
const PLAIN_TEXT = /^[\p{L}\p{N}\s]+$/u;

/**
 * The words of a query made of plain words only (no quotes, no -word, no OR), the last one
 * marked as a prefix when parseQuery gave one; null for any other query.
 */
export function plainWords(parsed: Pick<ParsedQuery, 'text' | 'prefix'>): PlainWord[] | null {
  if (!PLAIN_TEXT.test(parsed.text)) return null;
  const words = parsed.text.split(/\s+/).filter((word) => word !== '');
  if (words.some((word) => word.toLowerCase() === 'or')) return null;
  return words.map((word, index) => ({
    word,
    prefix: parsed.prefix !== null && index === words.length - 1,
  }));
}
