// Canvas templates of an organisation: the only code that queries canvas_templates.
import { and, asc, count, desc, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { canvasTemplates, organisations } from '../../db/schema.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type TemplateRow = typeof canvasTemplates.$inferSelect;
export type TemplateValues = Pick<TemplateRow, 'name' | 'description' | 'sections' | 'isDefault'>;
export type BuiltinValues = TemplateValues & { builtinKey: string };

const notArchived = isNull(canvasTemplates.archivedAt);

/** How many built-in templates the organisation has (archived ones included). */
export async function countBuiltinTemplates(db: Db, orgId: string): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(canvasTemplates)
    .where(and(eq(canvasTemplates.orgId, orgId), isNotNull(canvasTemplates.builtinKey)));
  return row?.total ?? 0;
}

/**
 * Adds the built-in templates the organisation lacks; one that exists (even archived) is left
 * alone, and two concurrent calls create each template once (unique on org and builtin key).
 */
export async function insertMissingBuiltins(
  db: Db,
  orgId: string,
  builtins: BuiltinValues[],
): Promise<void> {
  if (builtins.length === 0) return;
  await db
    .insert(canvasTemplates)
    .values(builtins.map((builtin) => ({ ...builtin, orgId })))
    .onConflictDoNothing({ target: [canvasTemplates.orgId, canvasTemplates.builtinKey] });
}

/** The organisation's templates that are not archived: the default first, then by name. */
export function listTemplates(db: Db, orgId: string): Promise<TemplateRow[]> {
  return db
    .select()
    .from(canvasTemplates)
    .where(and(eq(canvasTemplates.orgId, orgId), notArchived))
    .orderBy(
      desc(canvasTemplates.isDefault),
      asc(sql`lower(${canvasTemplates.name})`),
      asc(canvasTemplates.id),
    );
}

/** One template of the organisation that is not archived, or null. */
export async function findTemplate(
  db: Db,
  orgId: string,
  templateId: string,
): Promise<TemplateRow | null> {
  const [row] = await db
    .select()
    .from(canvasTemplates)
    .where(and(eq(canvasTemplates.orgId, orgId), eq(canvasTemplates.id, templateId), notArchived));
  return row ?? null;
}

/** The organisation's default template, or null when it has none. */
export async function findDefaultTemplate(db: Db, orgId: string): Promise<TemplateRow | null> {
  const [row] = await db
    .select()
    .from(canvasTemplates)
    .where(and(eq(canvasTemplates.orgId, orgId), eq(canvasTemplates.isDefault, true), notArchived))
    .orderBy(asc(canvasTemplates.createdAt))
    .limit(1);
  return row ?? null;
}

// Default changes of one organisation run one at a time, so it never ends up with two defaults.
async function lockOrganisation(tx: Tx, orgId: string): Promise<void> {
  await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, orgId))
    .for('update');
}

async function clearOtherDefaults(tx: Tx, orgId: string, keepId: string): Promise<void> {
  await tx
    .update(canvasTemplates)
    .set({ isDefault: false, updatedAt: new Date() })
    .where(
      and(
        eq(canvasTemplates.orgId, orgId),
        eq(canvasTemplates.isDefault, true),
        ne(canvasTemplates.id, keepId),
      ),
    );
}

/** Adds a template; when it is the default, the previous default stops being one. */
export function insertTemplate(
  db: Db,
  orgId: string,
  values: TemplateValues,
): Promise<TemplateRow> {
  return db.transaction(async (tx) => {
    await lockOrganisation(tx, orgId);
    const [row] = await tx
      .insert(canvasTemplates)
      .values({ ...values, orgId })
      .returning();
    if (!row) throw new Error('insert into canvas_templates returned no row');
    if (values.isDefault) await clearOtherDefaults(tx, orgId, row.id);
    return row;
  });
}

/**
 * Changes a template that is not archived; made the default, the previous default stops being
 * one. Null when there is no such template.
 */
export function updateTemplate(
  db: Db,
  orgId: string,
  templateId: string,
  patch: Partial<TemplateValues>,
): Promise<TemplateRow | null> {
  return db.transaction(async (tx) => {
    await lockOrganisation(tx, orgId);
    const [row] = await tx
      .update(canvasTemplates)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(canvasTemplates.orgId, orgId), eq(canvasTemplates.id, templateId), notArchived))
      .returning();
    if (!row) return null;
    if (patch.isDefault) await clearOtherDefaults(tx, orgId, row.id);
    return row;
  });
}

/** Archives a template that is not the default; false when there is no such template. */
export function archiveTemplate(db: Db, orgId: string, templateId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockOrganisation(tx, orgId);
    const rows = await tx
      .update(canvasTemplates)
      .set({ archivedAt: new Date(), updatedAt: new Date() })
      .where(
        and(
          eq(canvasTemplates.orgId, orgId),
          eq(canvasTemplates.id, templateId),
          eq(canvasTemplates.isDefault, false),
          notArchived,
        ),
      )
      .returning({ id: canvasTemplates.id });
    return rows.length > 0;
  });
}
