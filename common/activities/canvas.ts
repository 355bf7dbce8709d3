// The canvas activity: sections with sticky notes, clusters and dot votes (docs/COLLAB_SPEC.md).
import { z } from 'zod';
import { hexColour } from '../fields.ts';

export const CANVAS_KIND = 'canvas';
export const SECTION_TITLE_MAX = 120;
export const SECTION_PROMPT_MAX = 600;
export const SECTIONS_MAX = 24;
export const CLUSTER_NAME_MAX = 80;

/** Note colours people can pick; kept few so each has a name a screen reader can say. */
export const noteColours = ['yellow', 'green', 'blue', 'pink', 'orange'] as const;
export const noteColour = z.enum(noteColours);
export type NoteColour = z.infer<typeof noteColour>;

export const canvasSection = z.object({
  /** Stable within the canvas; notes refer to it. */
  key: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens'),
  title: z.string().trim().min(1).max(SECTION_TITLE_MAX),
  prompt: z.string().trim().max(SECTION_PROMPT_MAX).default(''),
  colour: hexColour,
});
export type CanvasSection = z.infer<typeof canvasSection>;

export const canvasSections = z
  .array(canvasSection)
  .min(1)
  .max(SECTIONS_MAX)
  .refine((sections) => new Set(sections.map((s) => s.key)).size === sections.length, {
    message: 'every section needs its own key',
  });

/** Stored on the activity: a copy of the template's sections, so editing a template later changes no lab. */
export const canvasConfig = z.object({
  kind: z.literal(CANVAS_KIND),
  /** The place this canvas is about; null for a regional or thematic canvas. */
  placeId: z.uuid().nullable().default(null),
  sections: canvasSections,
});
export type CanvasConfig = z.infer<typeof canvasConfig>;

/** Root maps of a canvas document. Values are plain JSON (never nested Yjs types). */
export const canvasRoots = { notes: 'notes', clusters: 'clusters', dots: 'dots' } as const;

/** notes[noteId]: one sticky note. `authorId` is the participant id of whoever wrote it. */
export const noteValue = z.object({
  id: z.string().min(1).max(64),
  section: z.string().min(1).max(40),
  /** Length is checked by the server against NOTE_MAX_LENGTH; the schema only guards the shape. */
  text: z.string(),
  colour: noteColour,
  authorId: z.string(),
  authorName: z.string().max(120),
  clusterId: z.string().max(64).nullable(),
  /** Sort key within the section (fractional, so reordering touches one note). */
  order: z.number().finite(),
  createdAt: z.number().int(),
});
export type NoteValue = z.infer<typeof noteValue>;

/** clusters[clusterId]: a named group of notes within a section. */
export const clusterValue = z.object({
  id: z.string().min(1).max(64),
  section: z.string().min(1).max(40),
  name: z.string().trim().min(1).max(CLUSTER_NAME_MAX),
});
export type ClusterValue = z.infer<typeof clusterValue>;

/** dots[`${participantId}|${noteId}`]: how many dots that person put on that note (≥ 1). */
export const dotValue = z.number().int().min(1);

/** The key of one person's dots on one note. */
export function dotKey(participantId: string, noteId: string): string {
  return `${participantId}|${noteId}`;
}

/** Splits a dot key; null when it is not `<participantId>|<noteId>`. */
export function parseDotKey(key: string): { participantId: string; noteId: string } | null {
  const at = key.indexOf('|');
  if (at <= 0 || at === key.length - 1) return null;
  return { participantId: key.slice(0, at), noteId: key.slice(at + 1) };
}

/** Adds up dots per note from the dot map's entries; notes without dots are absent. */
export function tallyDots(entries: Iterable<[string, number]>): Map<string, number> {
  const tally = new Map<string, number>();
  for (const [key, count] of entries) {
    const parsed = parseDotKey(key);
    if (!parsed || !Number.isInteger(count) || count < 1) continue;
    tally.set(parsed.noteId, (tally.get(parsed.noteId) ?? 0) + count);
  }
  return tally;
}
