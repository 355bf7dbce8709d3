import { describe, expect, it } from 'vitest';
import type { RichDoc } from '../../../common/richtext.ts';
import { escapeHtml, isSafeHref, markup } from './public-site.html.ts';
import { renderRichText } from './public-site.pages.ts';

const text = (value: string, marks?: NonNullable<RichDoc['marks']>): RichDoc => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const paragraph = (...content: RichDoc[]): RichDoc => ({ type: 'paragraph', content });
const item = (...content: RichDoc[]): RichDoc => ({ type: 'listItem', content });

describe('markup', () => {
  it('escapes every interpolated string and keeps nested markup', () => {
    const hostile = `<script>alert('x')</script>"&`;
    const out = markup`<p title="${hostile}">${hostile}${markup`<b>${hostile}</b>`}</p>`.value;
    expect(out).not.toContain('<script>');
    expect(out).toBe(
      `<p title="${escapeHtml(hostile)}">${escapeHtml(hostile)}<b>${escapeHtml(hostile)}</b></p>`,
    );
    expect(escapeHtml(`<>"'&`)).toBe('&lt;&gt;&quot;&#39;&amp;');
  });

  it('accepts only web and mail links', () => {
    expect(isSafeHref('https://example.org')).toBe(true);
    expect(isSafeHref('mailto:a@example.org')).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,x',
      '//evil',
    ]) {
      expect(isSafeHref(bad), bad).toBe(false);
    }
  });
});

describe('renderRichText', () => {
  it('never renders a link that richBlocks or the page would not accept', () => {
    // Stored JSON that bypassed the schema: the renderer must still refuse it.
    const doc: RichDoc = {
      type: 'doc',
      content: [
        paragraph(
          text('<img src=x onerror=alert(1)>'),
          text('klik', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
          text('mail', [{ type: 'link', attrs: { href: 'mailto:a@example.org' } }]),
        ),
      ],
    };
    const out = renderRichText(doc).value;
    expect(out).not.toContain('javascript:');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;klik');
    expect(out).toContain('href="mailto:a@example.org" rel="nofollow noopener">mail</a>');
  });

  it('nests lists inside their parent item and groups quotes', () => {
    const doc: RichDoc = {
      type: 'doc',
      content: [
        {
          type: 'bulletList',
          content: [
            item(paragraph(text('a')), {
              type: 'orderedList',
              content: [item(paragraph(text('a1'))), item(paragraph(text('a2')))],
            }),
            item(paragraph(text('b'))),
          ],
        },
        { type: 'blockquote', content: [paragraph(text('q1')), paragraph(text('q2'))] },
        { type: 'heading', attrs: { level: 3 }, content: [text('Kop', [{ type: 'italic' }])] },
        paragraph(text('regel 1'), { type: 'hardBreak' }, text('regel 2', [{ type: 'bold' }])),
      ],
    };
    expect(renderRichText(doc).value).toBe(
      '<ul class="utrecht-unordered-list"><li>a<ol class="utrecht-ordered-list"><li>a1</li><li>a2</li></ol></li><li>b</li></ul>' +
        '<blockquote class="utrecht-blockquote"><p class="utrecht-paragraph">q1</p><p class="utrecht-paragraph">q2</p></blockquote>' +
        '<h3 class="utrecht-heading-3"><em>Kop</em></h3>' +
        '<p class="utrecht-paragraph">regel 1<br><strong>regel 2</strong></p>',
    );
  });
});
