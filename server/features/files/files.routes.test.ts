import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  IMAGE_MAX_BYTES,
  IMAGES_PER_ITEM_MAX,
  knowledgeImage,
  type KnowledgeImage,
  type KnowledgeStatus,
} from '../../../common/knowledge.ts';
import { problem } from '../../../common/problem.ts';
import { knowledgeItems, storedFiles } from '../../db/schema.ts';
import {
  createActor,
  createOrg,
  createTestContext,
  request,
  type Actor,
  type TestContext,
} from '../../testing/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

interface Org {
  id: string;
  slug: string;
}

let orgA: Org;
let orgB: Org;
let adminA: Actor;
let memberA: Actor;
let facilitatorA: Actor;
let adminB: Actor;

beforeEach(async () => {
  orgA = await createOrg(t, 'IJmond');
  orgB = await createOrg(t, 'Kennemerland');
  adminA = await createActor(t, { org: orgA, role: 'admin' });
  facilitatorA = await createActor(t, { org: orgA, role: 'facilitator' });
  memberA = await createActor(t, { org: orgA, role: 'member' });
  adminB = await createActor(t, { org: orgB, role: 'admin' });
});

// Real, tiny images (1×1) and the first bytes of a JPEG: the service only reads the head.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0', 'latin1'),
  Buffer.alloc(64, 0),
  Buffer.from([0xff, 0xd9]),
]);

async function createItem(
  org: Org,
  options: { status?: KnowledgeStatus; membersOnly?: boolean } = {},
): Promise<string> {
  const [row] = await t.database.db
    .insert(knowledgeItems)
    .values({
      orgId: org.id,
      slug: `item-${randomBytes(4).toString('hex')}`,
      kind: 'best_practice',
      title: 'Regiolab IJmond',
      status: options.status ?? 'draft',
      membersOnly: options.membersOnly ?? false,
      publishedAt: options.status === 'published' ? new Date() : null,
    })
    .returning();
  if (!row) throw new Error('item not created');
  return row.id;
}

interface Part {
  name: string;
  data: Buffer | string;
  /** Written as filename="…" as is; use fileNameStar for characters a quoted string cannot hold. */
  fileName?: string;
  fileNameStar?: string;
  contentType?: string;
}

// Builds the body by hand, so tests control every byte of hostile names and declared types.
function multipart(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----stadshart${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let disposition = `form-data; name="${part.name}"`;
    if (part.fileName !== undefined) disposition += `; filename="${part.fileName}"`;
    if (part.fileNameStar !== undefined) {
      disposition += `; filename*=utf-8''${encodeURIComponent(part.fileNameStar)}`;
    }
    const head = [`--${boundary}`, `Content-Disposition: ${disposition}`];
    if (part.contentType) head.push(`Content-Type: ${part.contentType}`);
    chunks.push(Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'utf8'));
    chunks.push(typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : part.data);
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

function imageForm(
  data: Buffer | string,
  options: { fileName?: string; fileNameStar?: string; alt?: string; contentType?: string } = {},
) {
  const parts: Part[] = [];
  if (options.alt !== undefined) parts.push({ name: 'alt', data: options.alt });
  parts.push({
    name: 'file',
    data,
    contentType: options.contentType ?? 'image/png',
    ...(options.fileNameStar !== undefined
      ? { fileNameStar: options.fileNameStar }
      : { fileName: options.fileName ?? 'plein.png' }),
  });
  return multipart(parts);
}

const imagesUrl = (org: Org, itemId: string) =>
  `/api/v1/orgs/${org.slug}/knowledge/${itemId}/images`;

function upload(
  actor: Actor | null,
  org: Org,
  itemId: string,
  form: { payload: Buffer; headers: Record<string, string> },
) {
  return request(t, actor, {
    method: 'POST',
    url: imagesUrl(org, itemId),
    payload: form.payload,
    headers: form.headers,
  });
}

async function uploadOk(
  actor: Actor,
  org: Org,
  itemId: string,
  data: Buffer = PNG,
  options: Parameters<typeof imageForm>[1] = {},
): Promise<KnowledgeImage> {
  const response = await upload(
    actor,
    org,
    itemId,
    imageForm(data, { alt: 'Het plein', ...options }),
  );
  expect(response.statusCode, response.body).toBe(201);
  return knowledgeImage.parse(response.json());
}

async function storedRows(itemId: string) {
  return t.database.db.select().from(storedFiles).where(eq(storedFiles.knowledgeItemId, itemId));
}

async function filesOnDisk(): Promise<string[]> {
  try {
    return (await fs.readdir(path.join(t.config.dataDir, 'files'))).sort();
  } catch {
    return [];
  }
}

// Refusals leave no row, no stored file and no temporary file behind.
async function expectNothingStored(itemId: string, before: string[]) {
  expect(await storedRows(itemId)).toEqual([]);
  expect(await filesOnDisk()).toEqual(before);
}

function expectProblem(response: { statusCode: number; json(): unknown }, status: number) {
  expect(response.statusCode).toBe(status);
  return problem.parse(response.json());
}

describe('POST …/knowledge/:itemId/images', () => {
  it('refuses a signed-out person with 401 before reading the upload', async () => {
    const itemId = await createItem(orgA);
    const response = await upload(null, orgA, itemId, imageForm(PNG, { alt: 'Plein' }));
    expectProblem(response, 401);
    expect(await storedRows(itemId)).toEqual([]);
  });

  it("answers 404 for another organisation's item, by either organisation's URL", async () => {
    const before = await filesOnDisk();
    const itemId = await createItem(orgA);
    expectProblem(await upload(adminB, orgA, itemId, imageForm(PNG, { alt: 'Plein' })), 404);
    expectProblem(await upload(adminB, orgB, itemId, imageForm(PNG, { alt: 'Plein' })), 404);
    await expectNothingStored(itemId, before);
  });

  it('answers 400 naming alt when the alt text is missing or empty, and stores nothing', async () => {
    const before = await filesOnDisk();
    const itemId = await createItem(orgA);
    for (const alt of [undefined, '   ', 'x'.repeat(301)]) {
      const response = await upload(memberA, orgA, itemId, imageForm(PNG, { alt }));
      const body = expectProblem(response, 400);
      expect(body.errors?.[0]?.field).toBe('alt');
    }
    await expectNothingStored(itemId, before);
  });

  it('answers 400 naming file when there is no file or it is empty', async () => {
    const before = await filesOnDisk();
    const itemId = await createItem(orgA);
    const noFile = await upload(memberA, orgA, itemId, multipart([{ name: 'alt', data: 'Plein' }]));
    expect(expectProblem(noFile, 400).errors?.[0]?.field).toBe('file');
    const empty = await upload(memberA, orgA, itemId, imageForm(Buffer.alloc(0), { alt: 'Plein' }));
    const body = expectProblem(empty, 400);
    expect(body.errors?.[0]?.field).toBe('file');
    expect(body.detail).toContain('PNG, JPEG, WebP or GIF');
    await expectNothingStored(itemId, before);
  });

  it('answers 415 for a body that is not multipart', async () => {
    const itemId = await createItem(orgA);
    const response = await request(t, memberA, {
      method: 'POST',
      url: imagesUrl(orgA, itemId),
      payload: PNG,
      headers: { 'content-type': 'image/png' },
    });
    expect(expectProblem(response, 415).detail).toContain('multipart/form-data');
  });

  it.each([
    ['a text file named .png', 'Dit is geen afbeelding, ook al heet het zo.\n', 'notitie.png'],
    [
      'an SVG with a script',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>',
      'logo.svg',
    ],
    ['an HTML page', '<!doctype html><html><script>alert(1)</script></html>', 'plein.png'],
    ['a PDF', '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n', 'verslag.png'],
    ['a truncated PNG header', PNG.subarray(0, 6), 'half.png'],
    ['a bare PNG signature without its IHDR chunk', PNG.subarray(0, 8), 'kaal.png'],
    [
      'an HTML polyglot with PNG bytes further on',
      Buffer.concat([Buffer.from('<html>'), PNG]),
      'p.png',
    ],
    ['a JPEG start without a marker', Buffer.from([0xff, 0xd8, 0xff]), 'kort.jpg'],
  ])(
    'refuses %s with 415 naming the accepted types, whatever it claims',
    async (_name, data, fileName) => {
      const before = await filesOnDisk();
      const itemId = await createItem(orgA);
      const response = await upload(
        memberA,
        orgA,
        itemId,
        imageForm(data, { alt: 'Plein', fileName, contentType: 'image/png' }),
      );
      const body = expectProblem(response, 415);
      expect(body.code).toBe('unsupported_media_type');
      expect(body.detail).toContain('PNG, JPEG, WebP or GIF');
      await expectNothingStored(itemId, before);
    },
  );

  it('refuses one byte over the limit with 413 naming the limit; nothing stored, no temp file', async () => {
    const before = await filesOnDisk();
    const itemId = await createItem(orgA);
    const tooBig = Buffer.concat([PNG, Buffer.alloc(IMAGE_MAX_BYTES + 1 - PNG.length, 0)]);
    const response = await upload(memberA, orgA, itemId, imageForm(tooBig, { alt: 'Plein' }));
    const body = expectProblem(response, 413);
    expect(body.detail).toContain('5 MB');
    await expectNothingStored(itemId, before);
  });

  it('accepts an image of exactly the limit', async () => {
    const itemId = await createItem(orgA);
    const exact = Buffer.concat([PNG, Buffer.alloc(IMAGE_MAX_BYTES - PNG.length, 0)]);
    const image = await uploadOk(memberA, orgA, itemId, exact);
    expect(image.byteSize).toBe(IMAGE_MAX_BYTES);
  });

  it('refuses a second file in the same request', async () => {
    const before = await filesOnDisk();
    const itemId = await createItem(orgA);
    const form = multipart([
      { name: 'alt', data: 'Plein' },
      { name: 'file', data: PNG, fileName: 'a.png', contentType: 'image/png' },
      { name: 'file', data: PNG, fileName: 'b.png', contentType: 'image/png' },
    ]);
    expectProblem(await upload(memberA, orgA, itemId, form), 400);
    await expectNothingStored(itemId, before);
  });

  it.each([
    ['PNG', PNG, 'image/png', 'plein.png'],
    ['JPEG', JPEG, 'image/jpeg', 'plein.jpg'],
    ['WebP', WEBP, 'image/webp', 'plein.webp'],
    ['GIF', GIF, 'image/gif', 'plein.gif'],
  ])('stores a %s by its content, whatever type was declared', async (_n, data, type, fileName) => {
    const itemId = await createItem(orgA);
    const image = await uploadOk(memberA, orgA, itemId, data, {
      fileName,
      contentType: 'application/octet-stream',
      alt: '  Het plein van IJmuiden  ',
    });
    expect(image).toEqual({
      id: image.id,
      url: `/files/${image.id}`,
      mediaType: type,
      byteSize: data.length,
      fileName,
      alt: 'Het plein van IJmuiden',
    });
    const [row] = await storedRows(itemId);
    expect(row?.orgId).toBe(orgA.id);
    expect(row?.createdBy).toBe(memberA.userId);
    expect(row?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const onDisk = await fs.readFile(path.join(t.config.dataDir, 'files', image.id));
    expect(onDisk.equals(data)).toBe(true);
    expect(await filesOnDisk()).not.toContainEqual(expect.stringMatching(/\.part$/));
  });

  it('stores the bytes under the id only and shows a cleaned name for hostile names', async () => {
    const itemId = await createItem(orgA);
    const cases: Array<[Parameters<typeof imageForm>[1], (name: string) => void]> = [
      [{ fileName: '../../etc/passwd' }, (name) => expect(name).toBe('passwd.png')],
      [{ fileName: '..\\..\\windows\\win.ini' }, (name) => expect(name).toBe('win.ini.png')],
      [{ fileNameStar: 'a\u202Egnp.exe' }, (name) => expect(name).toBe('agnp.exe.png')],
      [
        { fileNameStar: 'plein "noord"\t\u0007x.png' },
        (name) => expect(name).toBe('plein "noord" x.png'),
      ],
      [
        { fileName: `${'a'.repeat(10 * 1024)}.png` },
        (name) => {
          expect(name.length).toBeLessThanOrEqual(120);
          expect(name.endsWith('.png')).toBe(true);
        },
      ],
      [{ fileNameStar: '\u202E\u0007/..' }, (name) => expect(name).toBe('afbeelding.png')],
    ];
    for (const [options, check] of cases) {
      const image = await uploadOk(adminA, orgA, itemId, PNG, options);
      check(image.fileName);
    }
    // A name with a line break does not even arrive as a file: refused, nothing stored.
    const before = await storedRows(itemId);
    const broken = imageForm(PNG, { alt: 'Plein', fileNameStar: 'a"\r\nSet-Cookie: x=1.png' });
    expectProblem(await upload(adminA, orgA, itemId, broken), 400);
    expect(await storedRows(itemId)).toHaveLength(before.length);
    // Only <uuid> names in the folder: nothing a client sent reached the path.
    const names = await filesOnDisk();
    expect(names.length).toBeGreaterThanOrEqual(cases.length);
    for (const name of names) expect(name).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lets members add images to drafts and unpublished items, not while in review or published', async () => {
    for (const status of ['draft', 'unpublished'] as const) {
      await uploadOk(memberA, orgA, await createItem(orgA, { status }));
    }
    for (const status of ['in_review', 'published'] as const) {
      const itemId = await createItem(orgA, { status });
      const before = await filesOnDisk();
      expectProblem(await upload(memberA, orgA, itemId, imageForm(PNG, { alt: 'Plein' })), 403);
      await expectNothingStored(itemId, before);
      await uploadOk(facilitatorA, orgA, itemId);
      await uploadOk(adminA, orgA, itemId);
    }
  });

  it(`refuses the ${IMAGES_PER_ITEM_MAX + 1}th image with 409`, async () => {
    const itemId = await createItem(orgA);
    await t.database.db.insert(storedFiles).values(
      Array.from({ length: IMAGES_PER_ITEM_MAX }, () => ({
        orgId: orgA.id,
        knowledgeItemId: itemId,
        mediaType: 'image/png',
        byteSize: 1,
        sha256: '0'.repeat(64),
        fileName: 'x.png',
        alt: 'x',
      })),
    );
    const before = await filesOnDisk();
    expectProblem(await upload(memberA, orgA, itemId, imageForm(PNG, { alt: 'Plein' })), 409);
    expect(await filesOnDisk()).toEqual(before);
    expect(await storedRows(itemId)).toHaveLength(IMAGES_PER_ITEM_MAX);
  });
});

describe('PATCH …/images/:imageId', () => {
  const imageUrl = (org: Org, itemId: string, imageId: string) =>
    `${imagesUrl(org, itemId)}/${imageId}`;

  it('answers 401 signed out, 404 for another organisation, 400 naming alt, 200 with the image', async () => {
    const itemId = await createItem(orgA);
    const image = await uploadOk(memberA, orgA, itemId);
    const url = imageUrl(orgA, itemId, image.id);
    expectProblem(await request(t, null, { method: 'PATCH', url, payload: { alt: 'Nieuw' } }), 401);
    expectProblem(
      await request(t, adminB, { method: 'PATCH', url, payload: { alt: 'Nieuw' } }),
      404,
    );
    expectProblem(
      await request(t, adminB, {
        method: 'PATCH',
        url: imageUrl(orgB, itemId, image.id),
        payload: { alt: 'Nieuw' },
      }),
      404,
    );
    const bad = await request(t, memberA, { method: 'PATCH', url, payload: { alt: ' ' } });
    expect(expectProblem(bad, 400).errors?.[0]?.field).toBe('alt');
    expect((await storedRows(itemId))[0]?.alt).toBe('Het plein');
    const ok = await request(t, memberA, {
      method: 'PATCH',
      url,
      payload: { alt: 'Het plein bij avond' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(knowledgeImage.parse(ok.json())).toEqual({ ...image, alt: 'Het plein bij avond' });
  });

  it('answers 404 for an image of another item', async () => {
    const itemId = await createItem(orgA);
    const other = await createItem(orgA);
    const image = await uploadOk(memberA, orgA, itemId);
    const response = await request(t, memberA, {
      method: 'PATCH',
      url: imageUrl(orgA, other, image.id),
      payload: { alt: 'Nieuw' },
    });
    expectProblem(response, 404);
  });
});

describe('DELETE …/images/:imageId', () => {
  it('answers 401 signed out, 404 for another organisation, 400 naming imageId, 204 removing row and file', async () => {
    const itemId = await createItem(orgA);
    const image = await uploadOk(memberA, orgA, itemId);
    const url = `${imagesUrl(orgA, itemId)}/${image.id}`;
    expectProblem(await request(t, null, { method: 'DELETE', url }), 401);
    expectProblem(await request(t, adminB, { method: 'DELETE', url }), 404);
    const bad = await request(t, memberA, {
      method: 'DELETE',
      url: `${imagesUrl(orgA, itemId)}/not-a-uuid`,
    });
    expect(expectProblem(bad, 400).errors?.[0]?.field).toBe('imageId');
    expect(await storedRows(itemId)).toHaveLength(1);
    const ok = await request(t, memberA, { method: 'DELETE', url });
    expect(ok.statusCode, ok.body).toBe(204);
    expect(await storedRows(itemId)).toEqual([]);
    expect(await filesOnDisk()).not.toContain(image.id);
    expect((await request(t, null, { method: 'GET', url: image.url })).statusCode).toBe(404);
  });

  it('refuses a member on a published item with 403 and keeps the image', async () => {
    const itemId = await createItem(orgA, { status: 'published' });
    const image = await uploadOk(adminA, orgA, itemId);
    const url = `${imagesUrl(orgA, itemId)}/${image.id}`;
    expectProblem(await request(t, memberA, { method: 'DELETE', url }), 403);
    expect(await storedRows(itemId)).toHaveLength(1);
  });
});

describe('GET /files/:fileId', () => {
  it('serves a public item’s image to visitors with safe headers', async () => {
    const itemId = await createItem(orgA, { status: 'published' });
    const image = await uploadOk(adminA, orgA, itemId, PNG, {
      fileNameStar: 'plein "noord"\u202E.png',
    });
    const response = await request(t, null, { method: 'GET', url: image.url });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(PNG)).toBe(true);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(response.headers['content-disposition']).toBe('inline; filename="plein_noord_.png"');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-length']).toBe(String(PNG.length));
    const etag = String(response.headers.etag);
    const again = await request(t, null, {
      method: 'GET',
      url: image.url,
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
  });

  it('serves a GIF polyglot as image/gif in a sandbox, never as HTML', async () => {
    const itemId = await createItem(orgA, { status: 'published' });
    const polyglot = Buffer.concat([
      Buffer.from('GIF89a'),
      Buffer.from('<html><script>alert(document.cookie)</script></html>'),
    ]);
    const image = await uploadOk(adminA, orgA, itemId, polyglot, {
      fileName: 'x.html',
      contentType: 'text/html',
    });
    expect(image.fileName).toBe('x.html.gif');
    const response = await request(t, null, { method: 'GET', url: image.url });
    expect(response.headers['content-type']).toBe('image/gif');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain('sandbox');
  });

  it("never serves a draft's image to visitors or other organisations; members get it privately", async () => {
    const itemId = await createItem(orgA, { status: 'draft' });
    const image = await uploadOk(memberA, orgA, itemId);
    const visitor = await request(t, null, { method: 'GET', url: image.url });
    expect(visitor.statusCode).toBe(404);
    expect(visitor.rawPayload.includes(PNG.subarray(0, 8))).toBe(false);
    expect((await request(t, adminB, { method: 'GET', url: image.url })).statusCode).toBe(404);
    const member = await request(t, memberA, { method: 'GET', url: image.url });
    expect(member.statusCode).toBe(200);
    expect(member.headers['cache-control']).toBe('private, no-cache');
  });

  it('treats members-only and unpublished items as private', async () => {
    for (const options of [
      { status: 'published' as const, membersOnly: true },
      { status: 'unpublished' as const },
      { status: 'in_review' as const },
    ]) {
      const itemId = await createItem(orgA, options);
      const image = await uploadOk(adminA, orgA, itemId);
      expect((await request(t, null, { method: 'GET', url: image.url })).statusCode).toBe(404);
      expect((await request(t, adminB, { method: 'GET', url: image.url })).statusCode).toBe(404);
      const member = await request(t, memberA, { method: 'GET', url: image.url });
      expect(member.statusCode).toBe(200);
      expect(member.headers['cache-control']).toBe('private, no-cache');
    }
  });

  it('answers a missing, malformed or signed-out-of-reach id with the same 404', async () => {
    const unknown = await request(t, memberA, { method: 'GET', url: `/files/${randomUUID()}` });
    const malformed = await request(t, memberA, {
      method: 'GET',
      url: '/files/..%2F..%2Fetc%2Fpasswd',
    });
    expect(unknown.statusCode).toBe(404);
    expect(malformed.statusCode).toBe(404);
    expect(problem.parse(unknown.json()).detail).toBe(problem.parse(malformed.json()).detail);
  });
});
