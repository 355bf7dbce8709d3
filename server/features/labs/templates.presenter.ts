// What leaves the server about canvas templates.
import { canvasSections } from '../../../common/activities/canvas.ts';
import type { CanvasTemplate, CanvasTemplateList } from '../../../common/canvas-templates.ts';
import type { TemplateRow } from './templates.repo.ts';

/** One template with its sections as stored (checked by the section schema on the way out). */
export function presentTemplate(row: TemplateRow): CanvasTemplate {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    sections: canvasSections.parse(row.sections),
    isDefault: row.isDefault,
    builtinKey: row.builtinKey,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The organisation's template list. */
export function presentTemplateList(rows: TemplateRow[]): CanvasTemplateList {
  return { templates: rows.map(presentTemplate) };
}
