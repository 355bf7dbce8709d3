// The rules for canvas templates: built-ins on first need, one default, archive instead of delete.
import type { CanvasSection } from '../../../common/activities/canvas.ts';
import {
  builtinTemplates,
  defaultBuiltinTemplate,
  type CanvasTemplate,
  type CanvasTemplateInput,
  type CanvasTemplateList,
  type UpdateCanvasTemplateRequest,
} from '../../../common/canvas-templates.ts';
import type { Db } from '../../db/client.ts';
import type { OrgActor } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { badInput, conflict, forbidden, notFound } from '../../http/problem.ts';
import { canManageTemplates, canReadTemplates } from './labs.policy.ts';
import { presentTemplate, presentTemplateList } from './templates.presenter.ts';
import {
  archiveTemplate,
  countBuiltinTemplates,
  findDefaultTemplate,
  findTemplate,
  insertMissingBuiltins,
  insertTemplate,
  listTemplates,
  updateTemplate,
  type TemplateRow,
} from './templates.repo.ts';

function assertMayRead(actor: OrgActor): void {
  if (!canReadTemplates(actor.role)) throw forbidden();
}

function assertMayManage(actor: OrgActor): void {
  if (!canManageTemplates(actor.role)) {
    throw forbidden('Only an admin of this organisation may change canvas templates.');
  }
}

/**
 * Gives the organisation the built-in templates it does not have yet. Idempotent and safe to
 * run concurrently; a built-in an admin archived stays archived.
 */
export async function ensureBuiltinTemplates(db: Db, orgId: string): Promise<void> {
  if ((await countBuiltinTemplates(db, orgId)) >= builtinTemplates.length) return;
  const hasDefault = (await findDefaultTemplate(db, orgId)) !== null;
  await insertMissingBuiltins(
    db,
    orgId,
    builtinTemplates.map((builtin) => ({
      builtinKey: builtin.key,
      name: builtin.name,
      description: builtin.description,
      sections: builtin.sections,
      isDefault: builtin.isDefault && !hasDefault,
    })),
  );
}

/** The canvas a new lab starts with: the chosen template, or the organisation's default. */
export async function resolveLabTemplate(
  db: Db,
  orgId: string,
  templateId: string | null | undefined,
): Promise<{ name: string; sections: CanvasSection[] }> {
  await ensureBuiltinTemplates(db, orgId);
  if (templateId) {
    const chosen = await findTemplate(db, orgId, templateId);
    if (!chosen) {
      throw badInput(
        'templateId',
        'is not a canvas template of this organisation.',
        'unknown_template',
      );
    }
    return presentTemplate(chosen);
  }
  const fallback = await findDefaultTemplate(db, orgId);
  return fallback ? presentTemplate(fallback) : defaultBuiltinTemplate;
}

async function loadTemplate(
  ctx: AppContext,
  actor: OrgActor,
  templateId: string,
): Promise<TemplateRow> {
  await ensureBuiltinTemplates(ctx.database.db, actor.orgId);
  const row = await findTemplate(ctx.database.db, actor.orgId, templateId);
  if (!row) throw notFound('This canvas template');
  return row;
}

/** The organisation's templates that are not archived, the default first (every member). */
export async function listCanvasTemplates(
  ctx: AppContext,
  actor: OrgActor,
): Promise<CanvasTemplateList> {
  assertMayRead(actor);
  await ensureBuiltinTemplates(ctx.database.db, actor.orgId);
  return presentTemplateList(await listTemplates(ctx.database.db, actor.orgId));
}

/** One template of the organisation (every member); 404 for an archived or foreign one. */
export async function getCanvasTemplate(
  ctx: AppContext,
  actor: OrgActor,
  templateId: string,
): Promise<CanvasTemplate> {
  assertMayRead(actor);
  return presentTemplate(await loadTemplate(ctx, actor, templateId));
}

/** Adds a template (admins); made the default, the previous default becomes an ordinary one. */
export async function createCanvasTemplate(
  ctx: AppContext,
  actor: OrgActor,
  input: CanvasTemplateInput,
): Promise<CanvasTemplate> {
  assertMayManage(actor);
  await ensureBuiltinTemplates(ctx.database.db, actor.orgId);
  const row = await insertTemplate(ctx.database.db, actor.orgId, {
    name: input.name,
    description: input.description,
    sections: input.sections,
    isDefault: input.isDefault,
  });
  return presentTemplate(row);
}

/**
 * Changes the given fields of a template (admins). The default cannot be unset directly: an
 * organisation always has one, so another template is made the default instead.
 */
export async function changeCanvasTemplate(
  ctx: AppContext,
  actor: OrgActor,
  templateId: string,
  input: UpdateCanvasTemplateRequest,
): Promise<CanvasTemplate> {
  assertMayManage(actor);
  const current = await loadTemplate(ctx, actor, templateId);
  if (current.isDefault && input.isDefault === false) {
    throw conflict('This is the default template; make another template the default instead.');
  }
  const row = await updateTemplate(ctx.database.db, actor.orgId, templateId, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.sections !== undefined ? { sections: input.sections } : {}),
    ...(input.isDefault ? { isDefault: true } : {}),
  });
  if (!row) throw notFound('This canvas template');
  return presentTemplate(row);
}

/** Archives a template (admins): labs keep their copies; the default cannot be archived (409). */
export async function archiveCanvasTemplate(
  ctx: AppContext,
  actor: OrgActor,
  templateId: string,
): Promise<void> {
  assertMayManage(actor);
  const current = await loadTemplate(ctx, actor, templateId);
  if (current.isDefault) {
    throw conflict(
      'The default template cannot be archived; make another template the default first.',
    );
  }
  if (!(await archiveTemplate(ctx.database.db, actor.orgId, templateId))) {
    throw conflict('This template became the default meanwhile; reload and try again.');
  }
}
