// Recognises logo images by their first bytes, so a file's declared type cannot lie about it.
import { logoMediaTypes } from '../../../common/orgs.ts';

export type LogoMediaType = (typeof logoMediaTypes)[number];

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];
const WEBP_TAG_OFFSET = 8;

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return (
    bytes.length >= offset + signature.length &&
    signature.every((byte, index) => bytes[offset + index] === byte)
  );
}

/** True when the media type is one we accept for logos. */
export function isLogoMediaType(mediaType: string): mediaType is LogoMediaType {
  return (logoMediaTypes as readonly string[]).includes(mediaType);
}

/** The logo type these bytes really are, or null when they are none of PNG, JPEG and WebP. */
export function sniffLogoType(bytes: Uint8Array): LogoMediaType | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(bytes, JPEG_SIGNATURE)) return 'image/jpeg';
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, WEBP_TAG_OFFSET)) return 'image/webp';
  return null;
}
