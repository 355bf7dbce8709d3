import { describe, expect, it } from 'vitest';
import { mediaTypeOf } from '../../http/media.ts';
import { isLogoMediaType, sniffLogoType } from './orgs.logo.ts';

describe('sniffLogoType', () => {
  it('recognises PNG, JPEG and WebP by their first bytes', () => {
    expect(sniffLogoType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
    expect(sniffLogoType(Buffer.from([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg');
    expect(sniffLogoType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
  });

  it('recognises nothing else', () => {
    expect(sniffLogoType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffLogoType(Buffer.from('<svg></svg>'))).toBeNull();
    // A RIFF file that is not WebP, such as a WAV sound.
    expect(sniffLogoType(Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull();
    // A truncated PNG signature.
    expect(sniffLogoType(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffLogoType(Buffer.alloc(0))).toBeNull();
  });
});

describe('mediaTypeOf', () => {
  it('drops parameters and case', () => {
    expect(mediaTypeOf('Image/PNG; charset=binary')).toBe('image/png');
    expect(mediaTypeOf(undefined)).toBe('');
    expect(isLogoMediaType('image/png')).toBe(true);
    expect(isLogoMediaType('image/gif')).toBe(false);
  });
});
