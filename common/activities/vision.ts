// The vision activity: a statement of where the centre stands in a target year, written together
// as rich text, with suggestions from participants that a facilitator accepts or rejects
// (docs/COLLAB_SPEC.md, "Vision").
import { z } from 'zod';
import { NAME_MAX, uuid } from '../fields.ts';

export const VISION_KIND = 'vision';
export const VISION_YEAR_MIN = 2025;
export const VISION_YEAR_MAX = 2100;
export const VISION_YEAR_DEFAULT = 2030;
export const VISION_PROMPT_MAX = 600;
export const VISION_PLACES_MAX = 50;
/**
 * The statement's size limit, in characters plus one for each paragraph, heading, list or other
 * piece of structure (what Yjs counts; see measureVisionText). About four pages of text.
 */
export const VISION_TEXT_MAX = 10_000;
export const SUGGESTION_TEXT_MAX = 1000;
/** A quoted passage is at most as long as the statement itself. */
export const SUGGESTION_QUOTE_MAX = VISION_TEXT_MAX;

/** Our own opening for the facilitator to adapt; a lab names its own centre. */
export const VISION_DEFAULT_PROMPT =
  'Hoe ziet onze binnenstad eruit in het doeljaar? Schrijf het samen op, als een verhaal dat begint met "In dat jaar is ons centrum …": wat merken bewoners, ondernemers en bezoekers dan?';

/** Who writes the statement itself; everyone else suggests text. */
export const visionEditorsValues = ['everyone', 'facilitators'] as const;
export const visionEditors = z.enum(visionEditorsValues);
export type VisionEditors = z.infer<typeof visionEditors>;

export const visionConfig = z.object({
  kind: z.literal(VISION_KIND),
  targetYear: z
    .number()
    .int()
    .min(VISION_YEAR_MIN)
    .max(VISION_YEAR_MAX)
    .default(VISION_YEAR_DEFAULT),
  /** The lab's places the statement is about; empty = the whole lab (all its places). */
  placeIds: z
    .array(uuid)
    .max(VISION_PLACES_MAX)
    .default([])
    .refine((ids) => new Set(ids).size === ids.length, { message: 'every place once' }),
  prompt: z.string().trim().max(VISION_PROMPT_MAX).default(VISION_DEFAULT_PROMPT),
  editors: visionEditors.default('everyone'),
});
export type VisionConfig = z.infer<typeof visionConfig>;

/**
 * Roots of a vision document: `text` is free (one Y.XmlFragment, edited with the rich-text editor
 * as a whole; the server judges who writes it, not what), `suggestions` a root map of plain JSON.
 */
export const visionRoots = { suggestions: 'suggestions' } as const;
export const visionFreeRoots = { text: 'text' } as const;

export const suggestionStatuses = ['open', 'accepted', 'rejected'] as const;
export const suggestionStatus = z.enum(suggestionStatuses);
export type SuggestionStatus = z.infer<typeof suggestionStatus>;

/** suggestions[id]: text someone proposes for the statement, optionally replacing a passage. */
export const suggestionValue = z.object({
  id: z.string().min(1).max(64),
  text: z
    .string()
    .max(SUGGESTION_TEXT_MAX)
    .refine((text) => text.trim() !== '', { message: 'not empty' }),
  /** The passage of the statement it would replace, as it read then; null to add text. */
  quote: z.string().min(1).max(SUGGESTION_QUOTE_MAX).nullable(),
  authorId: z.string(),
  /** Empty in an anonymous lab. */
  authorName: z.string().max(NAME_MAX),
  createdAt: z.number().int(),
  status: suggestionStatus,
});
export type SuggestionValue = z.infer<typeof suggestionValue>;

/** True when this person may write the statement itself (not only suggest). */
export function mayEditVision(config: VisionConfig, who: { isFacilitator: boolean }): boolean {
  return who.isFacilitator || config.editors === 'everyone';
}
