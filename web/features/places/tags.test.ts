import { describe, expect, it } from 'vitest';
import { dnaTags } from '../../../common/places.ts';
import { formatTagList, parseTagList } from './tags.ts';

describe('parseTagList', () => {
  it('splits on commas and trims each tag', () => {
    expect(parseTagList(' staal,vis , haven ')).toEqual(['staal', 'vis', 'haven']);
  });

  it('drops empty pieces, so a trailing comma or an empty field gives no empty tag', () => {
    expect(parseTagList('staal,, ,vis,')).toEqual(['staal', 'vis']);
    expect(parseTagList('')).toEqual([]);
    expect(parseTagList('   ')).toEqual([]);
  });

  it('keeps tags with spaces inside them whole', () => {
    expect(parseTagList('industrieel karakter, de haven')).toEqual([
      'industrieel karakter',
      'de haven',
    ]);
  });

  it('gives a list the shared schema accepts, and survives a round trip through the form', () => {
    const tags = parseTagList('staal, vis, haven');
    expect(dnaTags.parse(tags)).toEqual(tags);
    expect(parseTagList(formatTagList(tags))).toEqual(tags);
  });
});
