// Canvas templates: the sections a canvas activity starts with, editable per organisation.
import { z } from 'zod';
import { canvasSection, canvasSections, type CanvasSection } from './activities/canvas.ts';
import { isoDateTime, uuid } from './fields.ts';
import { orgParams } from './orgs.ts';

export const TEMPLATE_NAME_MAX = 120;
export const TEMPLATE_DESCRIPTION_MAX = 1000;

export const canvasTemplate = z.object({
  id: uuid,
  name: z.string(),
  description: z.string(),
  sections: z.array(canvasSection),
  /** The template a new lab gets when the facilitator picks none; exactly one per organisation. */
  isDefault: z.boolean(),
  /** Set on templates the platform ships (see `builtinTemplates`); null for the organisation's own. */
  builtinKey: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type CanvasTemplate = z.infer<typeof canvasTemplate>;

export const canvasTemplateInput = z.object({
  name: z.string().trim().min(1).max(TEMPLATE_NAME_MAX),
  description: z.string().trim().max(TEMPLATE_DESCRIPTION_MAX).default(''),
  sections: canvasSections,
  /** True makes this the default and the previous default an ordinary template. */
  isDefault: z.boolean().default(false),
});
export type CanvasTemplateInput = z.infer<typeof canvasTemplateInput>;

/** Only the given fields change; `isDefault: false` on the default is refused (pick another one). */
export const updateCanvasTemplateRequest = z.object({
  name: z.string().trim().min(1).max(TEMPLATE_NAME_MAX).optional(),
  description: z.string().trim().max(TEMPLATE_DESCRIPTION_MAX).optional(),
  sections: canvasSections.optional(),
  isDefault: z.boolean().optional(),
});
export type UpdateCanvasTemplateRequest = z.infer<typeof updateCanvasTemplateRequest>;

export const canvasTemplateList = z.object({ templates: z.array(canvasTemplate) });
export type CanvasTemplateList = z.infer<typeof canvasTemplateList>;

export const templateParams = orgParams.extend({ templateId: uuid });

export const builtinTemplateKeys = ['nieuwe-binnensteden', 'leeg', 'negen-blokken'] as const;
export type BuiltinTemplateKey = (typeof builtinTemplateKeys)[number];

export interface BuiltinTemplate {
  key: BuiltinTemplateKey;
  name: string;
  description: string;
  isDefault: boolean;
  sections: CanvasSection[];
}

// Light colours: the note text on them stays black, with a contrast well above WCAG's 4.5:1.
const nieuweBinnensteden: CanvasSection[] = [
  {
    key: 'dna',
    title: 'DNA en identiteit',
    prompt:
      'Wat maakt deze binnenstad anders dan andere? Denk aan de geschiedenis, gebouwen, bedrijven, markten en het karakter dat bewoners en bezoekers herkennen.',
    colour: '#FBE7A1',
  },
  {
    key: 'positie',
    title: 'Positie in de regio',
    prompt:
      'Welke rol speelt het centrum voor de plaatsen eromheen? Waarvoor komen mensen hierheen, en waarvoor gaan ze juist ergens anders heen?',
    colour: '#CDE7F0',
  },
  {
    key: 'winkelen',
    title: 'Programma: winkelen',
    prompt:
      'Welke winkels en markten trekken mensen naar het centrum? Waar staat te veel winkelruimte, en wat mist er?',
    colour: '#F9D0C4',
  },
  {
    key: 'wonen',
    title: 'Programma: wonen',
    prompt:
      'Wie wonen er in en rond het centrum? Welke woningen en woonomgevingen passen hier in de toekomst?',
    colour: '#D5EDCB',
  },
  {
    key: 'werken',
    title: 'Programma: werken',
    prompt:
      "Waar wordt in het centrum gewerkt? Is er ruimte voor kleine bedrijven, ambachten, zzp'ers en flexibele werkplekken?",
    colour: '#E2D9F3',
  },
  {
    key: 'verblijven',
    title: 'Programma: verblijven en ontmoeten',
    prompt:
      'Waar spreken mensen af, rusten ze uit of blijven ze graag wat langer? Denk aan horeca, pleinen, groen, cultuur en evenementen.',
    colour: '#FCE1EF',
  },
  {
    key: 'kansen',
    title: 'Kansen',
    prompt:
      'Wat kan het centrum sterker maken? Bijvoorbeeld nieuwe plekken om te werken en elkaar te ontmoeten, activiteiten, een nieuwe functie voor panden en straten, of nieuwe woningen.',
    colour: '#C9EFE4',
  },
  {
    key: 'belemmeringen',
    title: 'Belemmeringen',
    prompt:
      'Wat houdt verandering tegen? Denk aan regels, wie de panden bezit, geld, bereikbaarheid of samenwerking die nog niet loopt.',
    colour: '#F3D6D6',
  },
  {
    key: 'regio',
    title: 'Regionale samenwerking',
    prompt:
      'Waar kunnen de plaatsen in de regio elkaar aanvullen? En waar concurreren ze met elkaar zonder dat iemand daar beter van wordt?',
    colour: '#DCE3EA',
  },
];

const negenBlokken: CanvasSection[] = [
  {
    key: 'bezoekers',
    title: 'Bezoekers en gebruikers',
    prompt:
      'Voor wie is het centrum er? Bewoners, mensen die er werken, dagjesmensen, toeristen, scholieren.',
    colour: '#CDE7F0',
  },
  {
    key: 'belofte',
    title: 'Wat het centrum belooft',
    prompt: 'Waarom komen mensen hier en niet ergens anders? Wat vinden ze alleen hier?',
    colour: '#FBE7A1',
  },
  {
    key: 'bereik',
    title: 'Bereikbaar en vindbaar',
    prompt:
      'Hoe komen mensen naar het centrum, en hoe weten ze wat er te doen is? Denk aan vervoer, parkeren, routes en online.',
    colour: '#D5EDCB',
  },
  {
    key: 'binding',
    title: 'Binding met bezoekers',
    prompt: 'Hoe zorgt het centrum dat mensen terugkomen? Denk aan service, evenementen en sfeer.',
    colour: '#FCE1EF',
  },
  {
    key: 'opbrengsten',
    title: 'Wat het oplevert',
    prompt:
      'Wat levert een levendig centrum op? Omzet en banen, maar ook ontmoeting, trots en gezondheid.',
    colour: '#C9EFE4',
  },
  {
    key: 'activiteiten',
    title: 'Wat er moet gebeuren',
    prompt:
      'Welk werk is nodig om de belofte waar te maken? Bijvoorbeeld beheer, programmering, promotie en onderhoud.',
    colour: '#E2D9F3',
  },
  {
    key: 'middelen',
    title: 'Middelen',
    prompt: 'Wat is er al? Panden, openbare ruimte, erfgoed, geld, kennis en mensen.',
    colour: '#F9D0C4',
  },
  {
    key: 'partners',
    title: 'Partners',
    prompt:
      'Wie doen er mee? Gemeente, ondernemers, eigenaren van panden, bewoners, onderwijs en cultuur.',
    colour: '#DCE3EA',
  },
  {
    key: 'kosten',
    title: 'Kosten en investeringen',
    prompt: 'Wat kost het, wie betaalt, en wie profiteert ervan?',
    colour: '#F3D6D6',
  },
];

/** The built-in default template ("Canvas Nieuwe Binnensteden"). */
export const defaultBuiltinTemplate: BuiltinTemplate = {
  key: 'nieuwe-binnensteden',
  name: 'Canvas Nieuwe Binnensteden',
  description:
    'Het DNA en de positie van de binnenstad, het programma van winkelen, wonen, werken en verblijven, en de kansen, belemmeringen en samenwerking in de regio.',
  isDefault: true,
  sections: nieuweBinnensteden,
};

/** The templates every organisation gets on first use; the first one is the default. */
export const builtinTemplates: readonly BuiltinTemplate[] = [
  defaultBuiltinTemplate,
  {
    key: 'leeg',
    name: 'Leeg canvas',
    description: 'Eén vlak voor alle ideeën; voeg zelf vlakken toe als u dat wilt.',
    isDefault: false,
    sections: [
      {
        key: 'ideeen',
        title: 'Ideeën',
        prompt: 'Schrijf hier uw ideeën op, één per briefje.',
        colour: '#FBE7A1',
      },
    ],
  },
  {
    key: 'negen-blokken',
    name: 'Stadsmodel in negen blokken',
    description:
      'Het centrum bekeken als een onderneming: voor wie het er is, wat het belooft, wat het nodig heeft en wat het oplevert.',
    isDefault: false,
    sections: negenBlokken,
  },
];
