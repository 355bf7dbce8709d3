// Stored files (images of knowledge items): the only code of this feature that queries the database.
import { and, count, eq } from 'drizzle-orm';
import type { KnowledgeStatus } from '../../../common/knowledge.ts';
import type { Db } from '../../db/client.ts';
import { knowledgeItems, storedFiles } from '../../db/schema.ts';

export type StoredFileRow = typeof storedFiles.$inferSelect;

/** What the file rules need to know about the item an image belongs to. */
export interface ImageOwnerItem {
  id: string;
  orgId: string;
  status: KnowledgeStatus;
  membersOnly: boolean;
}

const ownerColumns = {
  id: knowledgeItems.id,
  orgId: knowledgeItems.orgId,
  status: knowledgeItems.status,
  membersOnly: knowledgeItems.membersOnly,
};

/** The item with this id in this organisation, or null. */
export async function findItemOfOrg(
  db: Db,
  orgId: string,
  itemId: string,
): Promise<ImageOwnerItem | null> {
  const [row] = await db
    .select(ownerColumns)
    .from(knowledgeItems)
    .where(and(eq(knowledgeItems.id, itemId), eq(knowledgeItems.orgId, orgId)));
  return row ?? null;
}

/** How many images the item has. */
export async function countImagesOfItem(db: Db, itemId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(storedFiles)
    .where(eq(storedFiles.knowledgeItemId, itemId));
  return row?.n ?? 0;
}

/**
 * Inserts the image unless the item already has `max` images; the item's row is locked for the
 * count, so two uploads at once cannot both take the last place. Null when it was full.
 */
export function insertImageIfRoom(
  db: Db,
  values: typeof storedFiles.$inferInsert & { knowledgeItemId: string },
  max: number,
): Promise<StoredFileRow | null> {
  return db.transaction(async (tx) => {
    await tx
      .select({ id: knowledgeItems.id })
      .from(knowledgeItems)
      .where(eq(knowledgeItems.id, values.knowledgeItemId))
      .for('no key update');
    const [counted] = await tx
      .select({ n: count() })
      .from(storedFiles)
      .where(eq(storedFiles.knowledgeItemId, values.knowledgeItemId));
    if ((counted?.n ?? 0) >= max) return null;
    const [row] = await tx.insert(storedFiles).values(values).returning();
    return row ?? null;
  });
}

/** One image of one item, or null. */
export async function findImageOfItem(
  db: Db,
  itemId: string,
  imageId: string,
): Promise<StoredFileRow | null> {
  const [row] = await db
    .select()
    .from(storedFiles)
    .where(and(eq(storedFiles.id, imageId), eq(storedFiles.knowledgeItemId, itemId)));
  return row ?? null;
}

/** Sets an image's alt text; the changed row, or null when it is gone. */
export async function updateImageAlt(
  db: Db,
  imageId: string,
  alt: string,
): Promise<StoredFileRow | null> {
  const [row] = await db
    .update(storedFiles)
    .set({ alt })
    .where(eq(storedFiles.id, imageId))
    .returning();
  return row ?? null;
}

/** Deletes an image's row; true when there was one. */
export async function deleteImageRow(db: Db, imageId: string): Promise<boolean> {
  const rows = await db
    .delete(storedFiles)
    .where(eq(storedFiles.id, imageId))
    .returning({ id: storedFiles.id });
  return rows.length > 0;
}

/** A stored file with the item it belongs to (files without an item are never served), or null. */
export async function findFileWithItem(
  db: Db,
  fileId: string,
): Promise<{ file: StoredFileRow; item: ImageOwnerItem } | null> {
  const [row] = await db
    .select({ file: storedFiles, item: ownerColumns })
    .from(storedFiles)
    .innerJoin(knowledgeItems, eq(knowledgeItems.id, storedFiles.knowledgeItemId))
    .where(eq(storedFiles.id, fileId));
  return row ?? null;
}
