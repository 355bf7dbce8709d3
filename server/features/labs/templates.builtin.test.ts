import { describe, expect, it } from 'vitest';
import { canvasTemplateInput, builtinTemplates } from '../../../common/canvas-templates.ts';

// WCAG relative luminance of a #rrggbb colour.
function luminanceOf(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

function contrastWithBlack(hex: string): number {
  return (luminanceOf(hex) + 0.05) / 0.05;
}

// The text colour of notes and section titles is near-black; AA asks 4.5:1 for normal text.
const MIN_CONTRAST = 4.5;

describe('the built-in templates', () => {
  it('are three, with their own keys and one default, the Canvas Nieuwe Binnensteden', () => {
    expect(builtinTemplates.map((template) => template.key)).toEqual([
      'nieuwe-binnensteden',
      'leeg',
      'negen-blokken',
    ]);
    expect(builtinTemplates.filter((template) => template.isDefault).map((t) => t.name)).toEqual([
      'Canvas Nieuwe Binnensteden',
    ]);
  });

  it('pass the same checks as a template an admin writes', () => {
    for (const template of builtinTemplates) {
      const parsed = canvasTemplateInput.safeParse({
        name: template.name,
        description: template.description,
        sections: template.sections,
      });
      expect(parsed.success, template.name).toBe(true);
    }
  });

  it('give every section a prompt and a colour dark text reads well on', () => {
    for (const template of builtinTemplates) {
      for (const section of template.sections) {
        expect(section.prompt.length, section.key).toBeGreaterThan(10);
        expect(contrastWithBlack(section.colour), section.key).toBeGreaterThanOrEqual(MIN_CONTRAST);
      }
    }
  });

  it('cover what the Canvas Nieuwe Binnensteden asks about', () => {
    const titles =
      builtinTemplates[0]?.sections.map((section) => section.title.toLowerCase()) ?? [];
    for (const topic of [
      'dna',
      'positie in de regio',
      'winkelen',
      'wonen',
      'werken',
      'verblijven',
      'kansen',
      'belemmeringen',
      'regionale samenwerking',
    ]) {
      expect(
        titles.some((title) => title.includes(topic)),
        topic,
      ).toBe(true);
    }
  });
});
