// Images of knowledge items: receiving an upload (type by content, size limit, safe name), its
// alt text, removing it, and deciding who may fetch the bytes.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  IMAGE_MAX_BYTES,
  IMAGES_PER_ITEM_MAX,
  imageAlt,
  type KnowledgeImage,
} from '../../../common/knowledge.ts';
import type { OrgActor } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { badInput, conflict, forbidden, HttpProblem, notFound } from '../../http/problem.ts';
import { canEditItem } from '../knowledge/knowledge.policy.ts';
import { presentImage } from '../knowledge/knowledge.presenter.ts';
import { mayReadKnowledgeItem, type KnowledgeViewer } from '../knowledge/knowledge.viewer.ts';
import {
  countImagesOfItem,
  deleteImageRow,
  findFileWithItem,
  findImageOfItem,
  findItemOfOrg,
  insertImageIfRoom,
  updateImageAlt,
  type ImageOwnerItem,
  type StoredFileRow,
} from './files.repo.ts';
import {
  ACCEPTED_TYPES_TEXT,
  describeBytes,
  sanitizeFileName,
  sniffImageType,
} from './files.sniff.ts';
import {
  commitTempFile,
  openStoredFile,
  removeStoredFile,
  removeTempFile,
  writeTempFile,
  type WrittenFile,
} from './files.storage.ts';

/** The form field names of an upload. */
export const UPLOAD_FILE_FIELD = 'file';
export const UPLOAD_ALT_FIELD = 'alt';

/** One part of a multipart upload, as @fastify/multipart yields it (only what we read). */
export type UploadPart =
  | {
      type: 'file';
      fieldname: string;
      filename: string;
      file: Readable & { truncated?: boolean };
    }
  | { type: 'field'; fieldname: string; value: unknown; valueTruncated?: boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function tooLarge(): HttpProblem {
  return new HttpProblem(
    413,
    'payload_too_large',
    `The image is larger than ${describeBytes(IMAGE_MAX_BYTES)}; send an image of at most ${describeBytes(IMAGE_MAX_BYTES)}.`,
  );
}

function unsupportedType(): HttpProblem {
  return new HttpProblem(
    415,
    'unsupported_media_type',
    `Only ${ACCEPTED_TYPES_TEXT} images are accepted, recognised by their content; this file is none of them.`,
  );
}

function errorCodeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : undefined;
}

/** The item in the actor's organisation whose images they may change: 404 when absent, 403 when not theirs to change. */
async function loadChangeableItem(
  ctx: AppContext,
  actor: OrgActor,
  itemId: string,
): Promise<ImageOwnerItem> {
  const item = await findItemOfOrg(ctx.database.db, actor.orgId, itemId);
  if (!item) throw notFound('This knowledge item');
  // Images are part of the item: whoever may edit the item may change them (knowledge.policy.ts).
  if (!canEditItem(actor.role, item.status)) {
    throw forbidden('Only facilitators and admins change the images of a published item.');
  }
  return item;
}

async function loadImage(
  ctx: AppContext,
  actor: OrgActor,
  itemId: string,
  imageId: string,
): Promise<StoredFileRow> {
  const item = await loadChangeableItem(ctx, actor, itemId);
  const image = await findImageOfItem(ctx.database.db, item.id, imageId);
  if (!image) throw notFound('This image');
  return image;
}

/** Ensures the item has room for one more image before a byte of the upload is read. */
export async function assertMayAddImage(
  ctx: AppContext,
  actor: OrgActor,
  itemId: string,
): Promise<void> {
  const item = await loadChangeableItem(ctx, actor, itemId);
  if ((await countImagesOfItem(ctx.database.db, item.id)) >= IMAGES_PER_ITEM_MAX) {
    throw conflict(`An item has at most ${IMAGES_PER_ITEM_MAX} images; remove one first.`);
  }
}

interface ReceivedUpload {
  written: WrittenFile | null;
  claimedName: string;
  alt: unknown;
}

// Reads the parts: the one file goes to a temporary file, the alt text is kept.
async function receiveParts(
  ctx: AppContext,
  id: string,
  parts: AsyncIterable<UploadPart>,
): Promise<ReceivedUpload> {
  const received: ReceivedUpload = { written: null, claimedName: '', alt: undefined };
  try {
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== UPLOAD_FILE_FIELD || received.written) {
          part.file.resume();
          throw badInput(part.fieldname, `send one file, in the field "${UPLOAD_FILE_FIELD}"`);
        }
        received.claimedName = part.filename;
        received.written = await writeTempFile(ctx.config, id, part.file);
        if (received.written.isTruncated) throw tooLarge();
      } else if (part.fieldname === UPLOAD_ALT_FIELD) {
        if (part.valueTruncated) {
          throw badInput(UPLOAD_ALT_FIELD, 'is too long', 'too_big');
        }
        received.alt = part.value;
      }
    }
  } catch (error) {
    const code = errorCodeOf(error);
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (code === 'FST_FILES_LIMIT') {
      throw badInput(UPLOAD_FILE_FIELD, 'send one file per request');
    }
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
      throw badInput(
        'body',
        `send only the fields "${UPLOAD_FILE_FIELD}" and "${UPLOAD_ALT_FIELD}"`,
      );
    }
    throw error;
  }
  return received;
}

function parseAlt(value: unknown): string {
  const parsed = imageAlt.safeParse(typeof value === 'string' ? value : '');
  if (!parsed.success) {
    const isTooLong = parsed.error.issues.some((issue) => issue.code === 'too_big');
    throw isTooLong
      ? badInput(UPLOAD_ALT_FIELD, 'is too long', 'too_big')
      : badInput(UPLOAD_ALT_FIELD, 'is required: say what the image shows', 'too_small');
  }
  return parsed.data;
}

/**
 * Stores an uploaded image of an item the actor may change. The type is what the first bytes
 * say (PNG, JPEG, WebP, GIF; else 415), at most IMAGE_MAX_BYTES (else 413), with an alt text;
 * on any refusal nothing is stored and no temporary file is left.
 */
export async function addItemImage(
  ctx: AppContext,
  actor: OrgActor,
  itemId: string,
  parts: AsyncIterable<UploadPart>,
): Promise<KnowledgeImage> {
  await assertMayAddImage(ctx, actor, itemId);
  const id = randomUUID();
  let isStored = false;
  try {
    const { written, claimedName, alt } = await receiveParts(ctx, id, parts);
    if (!written) throw badInput(UPLOAD_FILE_FIELD, `is required: a ${ACCEPTED_TYPES_TEXT} image`);
    if (written.byteSize === 0) {
      throw badInput(UPLOAD_FILE_FIELD, `is empty; send a ${ACCEPTED_TYPES_TEXT} image`, 'empty');
    }
    const mediaType = sniffImageType(written.head);
    if (!mediaType) throw unsupportedType();
    const altText = parseAlt(alt);
    // Bytes first, row second: a row never points at a file that is not there.
    await commitTempFile(ctx.config, id);
    isStored = true;
    let row: StoredFileRow | null;
    try {
      row = await insertImageIfRoom(
        ctx.database.db,
        {
          id,
          orgId: actor.orgId,
          knowledgeItemId: itemId,
          mediaType,
          byteSize: written.byteSize,
          sha256: written.sha256,
          fileName: sanitizeFileName(claimedName, mediaType),
          alt: altText,
          createdBy: actor.auth.user.id,
        },
        IMAGES_PER_ITEM_MAX,
      );
    } catch (error) {
      await removeStoredFile(ctx.config, id);
      throw error;
    }
    if (!row) {
      await removeStoredFile(ctx.config, id);
      throw conflict(`An item has at most ${IMAGES_PER_ITEM_MAX} images; remove one first.`);
    }
    return presentImage(row);
  } finally {
    if (!isStored) await removeTempFile(ctx.config, id);
  }
}

/** Changes an image's alt text (whoever may change the item's images). */
export async function changeImageAlt(
  ctx: AppContext,
  actor: OrgActor,
  itemId: string,
  imageId: string,
  alt: string,
): Promise<KnowledgeImage> {
  const image = await loadImage(ctx, actor, itemId, imageId);
  const row = await updateImageAlt(ctx.database.db, image.id, alt);
  if (!row) throw notFound('This image');
  return presentImage(row);
}

/** Removes an image: its row, then its bytes. */
export async function removeItemImage(
  ctx: AppContext,
  actor: OrgActor,
  itemId: string,
  imageId: string,
): Promise<void> {
  const image = await loadImage(ctx, actor, itemId, imageId);
  await deleteImageRow(ctx.database.db, image.id);
  await removeStoredFile(ctx.config, image.id);
}

/** A file ready to send: its row, its bytes, and whether anyone may read it. */
export interface ServedFile {
  file: StoredFileRow;
  /** True when the item is published and open to all, so shared caches may keep it. */
  isPublic: boolean;
  body: Readable;
}

/**
 * The file with this id when the viewer may read its item (mayReadKnowledgeItem), else null:
 * a missing file and a hidden one look the same.
 */
export async function readServedFile(
  ctx: AppContext,
  viewer: KnowledgeViewer,
  fileId: string,
): Promise<ServedFile | null> {
  if (!UUID.test(fileId)) return null;
  const found = await findFileWithItem(ctx.database.db, fileId.toLowerCase());
  if (!found || !mayReadKnowledgeItem(viewer, found.item)) return null;
  const body = await openStoredFile(ctx.config, found.file.id);
  if (!body) return null;
  return {
    file: found.file,
    isPublic: found.item.status === 'published' && !found.item.membersOnly,
    body,
  };
}
