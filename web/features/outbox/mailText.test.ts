import { describe, expect, it } from 'vitest';
import { splitMailText } from './mailText.ts';

const origin = 'https://stadshart.example.nl';

describe('splitMailText', () => {
  it('makes a link to the site itself clickable and keeps the text around it', () => {
    const text = `Welkom!\nOpen ${origin}/welcome#token=abc_123 om verder te gaan.\nGroet`;
    expect(splitMailText(text, origin)).toEqual([
      { kind: 'text', text: 'Welkom!\nOpen ' },
      { kind: 'link', href: `${origin}/welcome#token=abc_123` },
      { kind: 'text', text: ' om verder te gaan.\nGroet' },
    ]);
  });

  it('leaves links to other hosts as plain text', () => {
    const text = 'Zie https://evil.example.com/login en http://stadshart.example.nl/ (geen https).';
    expect(splitMailText(text, origin)).toEqual([{ kind: 'text', text }]);
  });

  it('does not take sentence punctuation into the link', () => {
    expect(splitMailText(`Ga naar ${origin}/auth/link#token=x.`, origin)).toEqual([
      { kind: 'text', text: 'Ga naar ' },
      { kind: 'link', href: `${origin}/auth/link#token=x` },
      { kind: 'text', text: '.' },
    ]);
  });

  it('does not accept a host that only starts like the site', () => {
    for (const text of [`${origin}.evil.example/pad`, `${origin}@evil.example/pad`]) {
      expect(splitMailText(text, origin)).toEqual([{ kind: 'text', text }]);
    }
  });

  it('keeps every character of the text, links included, in order', () => {
    const text = `a ${origin}/x b https://other.example/y c ${origin}/z`;
    const joined = splitMailText(text, origin)
      .map((segment) => (segment.kind === 'text' ? segment.text : segment.href))
      .join('');
    expect(joined).toBe(text);
  });

  it('returns nothing for an empty mail', () => {
    expect(splitMailText('', origin)).toEqual([]);
  });
});
