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

/** A word of a query the blocks can answer (ADR 0004), and how it is matched. */
export interface QueryWord {
  word: string;
  /** Excluded with a minus ("-parkeren"). */
  negated: boolean;
  /** Matched as a prefix too (the last word, see parseQuery). */
  prefix: boolean;
}

const WORD_TOKEN = /^-?[\p{L}\p{N}]+$/u;
const isOr = (token: string) => token.toLowerCase() === 'or';

/**
 * A query of words, "-word" and OR only, as websearch_to_tsquery reads it: alternatives split
 * by OR, each a list of words that must all hold ("a b or c -d" is a∧b ∨ c∧¬d). The last word is
 * a prefix when parseQuery gave one and OR does not come right before it (websearch_to_tsquery
 * then adds nothing for it). Null for a phrase, a lone "-", OR at either end or twice in a row,
 * or any other character.
 */
export function wordAlternatives(
  parsed: Pick<ParsedQuery, 'text' | 'prefix'>,
): QueryWord[][] | null {
  const tokens = parsed.text.split(/\s+/).filter((token) => token !== '');
  if (tokens.length === 0) return null;
  const alternatives: QueryWord[][] = [[]];
  for (const [index, token] of tokens.entries()) {
    if (isOr(token)) {
      const next = tokens[index + 1];
      if (index === 0 || next === undefined || isOr(next)) return null;
      alternatives.push([]);
      continue;
    }
    if (!WORD_TOKEN.test(token) || isOr(token.replace(/^-/, ''))) return null;
    const negated = token.startsWith('-');
    const last = index === tokens.length - 1;
    alternatives[alternatives.length - 1]?.push({
      word: negated ? token.slice(1) : token,
      negated,
      prefix: last && !negated && parsed.prefix !== null && !isOr(tokens[index - 1] ?? ''),
    });
  }
  return alternatives;
}
