// The synthesis feature's only database access: the stored state of a lab's documents, the
// Dutch word stems of notes (PostgreSQL text search), and the facilitator's corrections.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { collabDocuments, labSyntheses } from '../../db/schema.ts';
import type { StemmedWord } from './grouping.ts';

/** The stored Yjs state of the named documents of the lab that have one, by document name. */
export async function findStoredDocuments(
  db: Db,
  labId: string,
  names: readonly string[],
): Promise<Map<string, Uint8Array>> {
  if (names.length === 0) return new Map();
  const rows = await db
    .select({ name: collabDocuments.name, state: collabDocuments.state })
    .from(collabDocuments)
    .where(and(eq(collabDocuments.labId, labId), inArray(collabDocuments.name, [...names])));
  return new Map(rows.map((row) => [row.name, new Uint8Array(row.state)]));
}

// Words and the parts of hyphenated words; numbers, e-mail addresses and the like group nothing,
// and a whole hyphenated word would only repeat its parts.
const WORD_TOKENS = ['asciiword', 'word', 'hword_asciipart', 'hword_part'];

/**
 * The stemmed words of each text, in one query for all of them: PostgreSQL's `dutch` text search
 * configuration splits the text, drops Dutch stop words and stems the rest with the Snowball
 * Dutch stemmer, exactly as to_tsvector('dutch', text) does. Words are lower case; the result
 * has one list per text, in the order of `texts`.
 */
export async function findStemmedWords(db: Db, texts: readonly string[]): Promise<StemmedWord[][]> {
  const result: StemmedWord[][] = texts.map(() => []);
  if (texts.length === 0) return result;
  // PostgreSQL text cannot hold U+0000; the rest of the note still counts.
  const payload = JSON.stringify(texts.map((text) => text.replaceAll('\u0000', ' ')));
  const rows = await db.execute<{ ord: string; word: string; stem: string }>(sql`
    select n.ord, lower(d.token) as word, l.stem
    from json_array_elements_text(${payload}::json) with ordinality as n(text, ord)
    cross join lateral ts_debug('dutch', n.text) as d
    cross join lateral unnest(d.lexemes) as l(stem)
    where d.alias = any(${`{${WORD_TOKENS.join(',')}}`}::text[])
    order by n.ord, d.token
  `);
  for (const row of rows.rows) {
    const list = result[Number(row.ord) - 1];
    if (list && row.stem.length > 0) list.push({ stem: row.stem, word: row.word });
  }
  return result;
}

/** The lab's stored corrections as raw JSON (`{}` when there are none); the caller checks them. */
export async function findOverrides(db: Db, labId: string): Promise<unknown> {
  const [row] = await db
    .select({ overrides: labSyntheses.overrides })
    .from(labSyntheses)
    .where(eq(labSyntheses.labId, labId));
  return row?.overrides ?? {};
}

/**
 * Replaces the lab's corrections with what `change` makes of the current ones, holding the row
 * locked so two facilitators' corrections never overwrite each other. When `change` throws,
 * nothing is written.
 */
export async function updateOverrides<T>(
  db: Db,
  labId: string,
  change: (current: unknown) => T,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.insert(labSyntheses).values({ labId }).onConflictDoNothing();
    const [row] = await tx
      .select({ overrides: labSyntheses.overrides })
      .from(labSyntheses)
      .where(eq(labSyntheses.labId, labId))
      .for('update');
    const next = change(row?.overrides ?? {});
    await tx
      .update(labSyntheses)
      .set({ overrides: next, updatedAt: new Date() })
      .where(eq(labSyntheses.labId, labId));
    return next;
  });
}
