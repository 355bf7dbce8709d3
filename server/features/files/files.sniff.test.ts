import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imageMediaTypes } from '../../../common/knowledge.ts';
import {
  asciiFileName,
  describeBytes,
  FILE_NAME_MAX,
  sanitizeFileName,
  sniffImageType,
} from './files.sniff.ts';

const bytes = (...values: Array<number | string>) =>
  Buffer.concat(
    values.map((v) => (typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.from([v]))),
  );

describe('sniffImageType', () => {
  it('recognises the four formats by their first structures', () => {
    const png = bytes(0x89, 'PNG\r\n\x1a\n', '\0\0\0\x0dIHDR');
    expect(sniffImageType(png)).toBe('image/png');
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffImageType(bytes('RIFF\x1a\0\0\0WEBPVP8L'))).toBe('image/webp');
    expect(sniffImageType(bytes('GIF89a\x01\0\x01\0\x80\0\0'))).toBe('image/gif');
    expect(sniffImageType(bytes('GIF87a\x01\0\x01\0\x80\0\0'))).toBe('image/gif');
  });

  it('refuses cut-off signatures and look-alikes', () => {
    expect(sniffImageType(bytes(0x89, 'PNG\r\n\x1a\n'))).toBeNull();
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff))).toBeNull();
    expect(sniffImageType(bytes('RIFF\x1a\0\0\0WAVEfmt '))).toBeNull();
    expect(sniffImageType(bytes('RIFF\x1a\0\0\0WEBPABCD'))).toBeNull();
    expect(sniffImageType(bytes('GIF89a'))).toBeNull();
    expect(sniffImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
  });

  it('says null for anything that does not start like one of the four', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 32 }), (head) => {
        const first = head[0];
        fc.pre(first !== 0x89 && first !== 0xff && first !== 0x52 && first !== 0x47);
        expect(sniffImageType(head)).toBeNull();
      }),
    );
  });
});

describe('sanitizeFileName', () => {
  it('keeps the last path segment and drops direction overrides', () => {
    expect(sanitizeFileName('../../etc/passwd', 'image/png')).toBe('passwd.png');
    expect(sanitizeFileName('C:\\Users\\x\\foto.JPG', 'image/jpeg')).toBe('foto.jpg');
    expect(sanitizeFileName('a\u202Egnp.exe', 'image/png')).toBe('agnp.exe.png');
    expect(sanitizeFileName('.htaccess', 'image/gif')).toBe('htaccess.gif');
    expect(sanitizeFileName('', 'image/webp')).toBe('afbeelding.webp');
  });

  it('always gives a short, single-line name with the real type’s extension', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400, unit: 'grapheme' }),
        fc.constantFrom(...imageMediaTypes),
        (claimed, type) => {
          const name = sanitizeFileName(claimed, type);
          expect([...name].length).toBeLessThanOrEqual(FILE_NAME_MAX);
          expect(name).not.toMatch(/[/\\\p{Cc}\p{Cf}]/u);
          expect(name).toMatch(type === 'image/jpeg' ? /\.(jpe?g)$/i : /\.(png|webp|gif)$/i);
          expect(name.startsWith('.')).toBe(false);
        },
      ),
    );
  });
});

describe('asciiFileName', () => {
  it('is safe inside a quoted header value', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (name) => {
        expect(asciiFileName(name)).toMatch(/^[A-Za-z0-9-][A-Za-z0-9._-]*$/);
      }),
    );
    expect(asciiFileName('café "noord".png')).toBe('cafe_noord_.png');
  });
});

describe('describeBytes', () => {
  it('names the limit in words', () => {
    expect(describeBytes(5 * 1024 * 1024)).toBe('5 MB');
    expect(describeBytes(300 * 1024)).toBe('300 KB');
    expect(describeBytes(12)).toBe('12 bytes');
  });
});
