// What an uploaded image really is, read from its first bytes, and the names it may be shown and
// served under. The declared Content-Type and the file name are the uploader's claims; neither
// decides anything here.
import type { imageMediaTypes } from '../../../common/knowledge.ts';

export type ImageMediaType = (typeof imageMediaTypes)[number];

/** How many leading bytes sniffImageType needs to see at most. */
export const SNIFF_BYTES = 16;

/** Longest display file name kept, in characters (extension included). */
export const FILE_NAME_MAX = 120;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_IHDR = [0x49, 0x48, 0x44, 0x52];
const JPEG_SOI = [0xff, 0xd8, 0xff];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];
const GIF87A = [0x47, 0x49, 0x46, 0x38, 0x37, 0x61];
const GIF89A = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61];
// The WebP chunk that follows "WEBP": lossy, lossless or extended.
const WEBP_CHUNKS = ['VP8 ', 'VP8L', 'VP8X'].map((tag) => [...tag].map((c) => c.charCodeAt(0)));

const extensionsOf: Record<ImageMediaType, readonly string[]> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
};

/** The accepted types in words, for error messages: "PNG, JPEG, WebP or GIF". */
export const ACCEPTED_TYPES_TEXT = 'PNG, JPEG, WebP or GIF';

function hasBytesAt(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return (
    bytes.length >= offset + signature.length &&
    signature.every((byte, index) => bytes[offset + index] === byte)
  );
}

/**
 * The image type these leading bytes belong to, or null when they are none of PNG, JPEG, WebP and
 * GIF. Beyond the magic number it checks the first structure each format must start with (the
 * PNG IHDR chunk, a JPEG marker, a WebP VP8 chunk, a GIF screen descriptor), so a bare or cut-off
 * signature is refused too.
 */
export function sniffImageType(bytes: Uint8Array): ImageMediaType | null {
  if (hasBytesAt(bytes, PNG_SIGNATURE) && hasBytesAt(bytes, PNG_IHDR, 12)) return 'image/png';
  // SOI, then the first segment's marker byte (0xC0..0xFE: APPn, DQT, SOF, …).
  if (hasBytesAt(bytes, JPEG_SOI) && bytes.length >= 4 && (bytes[3] ?? 0) >= 0xc0) {
    return 'image/jpeg';
  }
  if (
    hasBytesAt(bytes, RIFF) &&
    hasBytesAt(bytes, WEBP, 8) &&
    WEBP_CHUNKS.some((chunk) => hasBytesAt(bytes, chunk, 12))
  ) {
    return 'image/webp';
  }
  // Signature (6) + logical screen descriptor (7).
  if ((hasBytesAt(bytes, GIF87A) || hasBytesAt(bytes, GIF89A)) && bytes.length >= 13) {
    return 'image/gif';
  }
  return null;
}

// Control characters, and format characters: bidirectional overrides and isolates (U+202A–U+202E,
// U+2066–U+2069) that make "a\u202Egnp.exe" look like "aexe.png", zero-width joiners, BOMs.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * The name shown for an upload: the last path segment only, without control or direction-changing
 * characters, whitespace collapsed, at most FILE_NAME_MAX characters, and ending in an extension
 * of the type the bytes really are (appended when the claimed one differs).
 */
export function sanitizeFileName(claimed: string, type: ImageMediaType): string {
  const extensions = extensionsOf[type];
  const lastSegment = claimed.split(/[/\\]/).pop() ?? '';
  let name = lastSegment
    .normalize('NFC')
    // Tabs and line breaks separate words; other invisible characters vanish.
    .replace(/[\t\n\v\f\r]/g, ' ')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim()
    // A leading dot would make a hidden file name on download; dots at the end mean nothing.
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  let base = extensions.includes(extension) ? name.slice(0, dot) : name;
  const suffix = `.${extensions.includes(extension) ? extension : (extensions[0] ?? 'bin')}`;
  // Cut by code points so a surrogate pair is never split in half.
  base = [...base]
    .slice(0, FILE_NAME_MAX - suffix.length)
    .join('')
    .trim();
  name = `${base || 'afbeelding'}${suffix}`;
  return name;
}

/**
 * A file name safe inside `content-disposition: inline; filename="…"`: ASCII letters, digits,
 * dot, dash and underscore only (everything else becomes "_"), never empty.
 */
export function asciiFileName(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, FILE_NAME_MAX);
  return ascii || 'afbeelding';
}

/** A byte count in words for messages: "5 MB", "300 KB", "12 bytes". */
export function describeBytes(bytes: number): string {
  const mb = 1024 * 1024;
  if (bytes >= mb && bytes % mb === 0) return `${bytes / mb} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}
