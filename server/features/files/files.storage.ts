// Where uploaded bytes live on disk: DATA_DIR/files/<uuid>. Paths are built from ids we generate,
// never from anything a client sent, so no upload can name a path.
import { createHash } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Config } from '../../config.ts';
import { SNIFF_BYTES } from './files.sniff.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The folder of stored files. */
export function filesDirOf(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'files');
}

function pathOf(config: Pick<Config, 'dataDir'>, id: string, suffix = ''): string {
  // Ids come from the database or randomUUID(); refusing anything else keeps the rule checkable.
  if (!UUID.test(id)) throw new Error('a stored file id must be a lower-case uuid');
  return path.join(filesDirOf(config), `${id}${suffix}`);
}

/** What was written while receiving one file. */
export interface WrittenFile {
  byteSize: number;
  sha256: string;
  /** The first SNIFF_BYTES bytes (fewer for a shorter file). */
  head: Buffer;
  /** True when the stream stopped at the size limit: the file on disk is incomplete. */
  isTruncated: boolean;
}

/**
 * Writes a stream to the temporary file of `id` (DATA_DIR/files/<id>.part) while hashing it and
 * keeping its first bytes. The caller either commits it with commitTempFile or removes it with
 * removeTempFile; both are safe to call whatever happened.
 */
export async function writeTempFile(
  config: Pick<Config, 'dataDir'>,
  id: string,
  source: Readable & { truncated?: boolean },
): Promise<WrittenFile> {
  await fs.mkdir(filesDirOf(config), { recursive: true });
  const handle = await fs.open(pathOf(config, id, '.part'), 'wx', 0o600);
  const hash = createHash('sha256');
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let byteSize = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      hash.update(chunk);
      byteSize += chunk.length;
      if (headLength < SNIFF_BYTES) {
        headChunks.push(chunk.subarray(0, SNIFF_BYTES - headLength));
        headLength += Math.min(chunk.length, SNIFF_BYTES - headLength);
      }
      await handle.write(chunk);
    }
  } finally {
    await handle.close();
  }
  return {
    byteSize,
    sha256: hash.digest('hex'),
    head: Buffer.concat(headChunks),
    isTruncated: source.truncated === true,
  };
}

/** Moves the temporary file of `id` to its final place. */
export async function commitTempFile(config: Pick<Config, 'dataDir'>, id: string): Promise<void> {
  await fs.rename(pathOf(config, id, '.part'), pathOf(config, id));
}

/** Removes the temporary file of `id`, if there is one. */
export async function removeTempFile(config: Pick<Config, 'dataDir'>, id: string): Promise<void> {
  await fs.rm(pathOf(config, id, '.part'), { force: true });
}

/** Removes the stored file of `id`, if there is one. */
export async function removeStoredFile(config: Pick<Config, 'dataDir'>, id: string): Promise<void> {
  await fs.rm(pathOf(config, id), { force: true });
}

/** A stream of the stored file of `id`, or null when the bytes are missing. */
export async function openStoredFile(
  config: Pick<Config, 'dataDir'>,
  id: string,
): Promise<ReadStream | null> {
  const file = pathOf(config, id);
  try {
    await fs.access(file);
  } catch {
    return null;
  }
  return createReadStream(file);
}
