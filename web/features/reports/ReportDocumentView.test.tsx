// The document view rendered to HTML: every block type becomes real, accessible markup.
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReportDocumentView } from './ReportDocumentView.tsx';
import { documentWithEveryBlock, initReportI18n, textOf } from './reports.testing.ts';

beforeAll(initReportI18n);

function render(headingLevel?: number): string {
  return renderToStaticMarkup(
    <ReportDocumentView document={documentWithEveryBlock()} headingLevel={headingLevel} />,
  );
}

function figureOf(html: string, caption: string): string {
  const start = html.indexOf(`<figcaption class="utrecht-figure__caption">${caption}`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</figure>', start));
}

describe('the report document view', () => {
  it('shows the cover with title, question and facts', () => {
    const html = render();
    expect(html).toMatch(/<h2[^>]*>Regiolab Kustdorpen<\/h2>/);
    const text = textOf(html);
    expect(text).toContain('Hoe houden we de dorpskernen levendig?');
    expect(text).toContain('Zeedorp, Heidekerk');
    expect(text).toContain('Het oude raadhuis');
    expect(text).toContain('14');
    expect(text).toContain('© 2026 Gemeente Duinrand · CC BY-SA 4.0');
    expect(html).toContain('rel="license"');
  });

  it('nests headings under the level it is given', () => {
    const html = render(3);
    expect(html).toMatch(/<h3[^>]*>Regiolab Kustdorpen<\/h3>/);
    expect(html).toMatch(/<h4[^>]*>Vraag en programma<\/h4>/);
    expect(html).toMatch(/<h5[^>]*>Het programma<\/h5>/);
  });

  it('renders paragraphs as text, headings, and ordered and unordered lists', () => {
    const html = render();
    expect(html).toContain('Een &lt;b&gt;vetgedrukte&lt;/b&gt; poging.');
    expect(html).not.toContain('<b>vetgedrukte</b>');
    expect(html).toMatch(/<h4[^>]*>Het programma<\/h4>/);
    expect(html).toMatch(/<ol[^>]*>.*Canvas.*Trendscan.*<\/ol>/);
    expect(html).toMatch(/<ul[^>]*>.*Koffie.*<\/ul>/);
  });

  it('renders a table block as a real table with caption, column headers and cells', () => {
    const html = render();
    expect(html).toMatch(/<caption[^>]*>Scores per trend<\/caption>/);
    expect(html).toMatch(/<th[^>]*scope="col"[^>]*>Trend<\/th>/);
    expect(html).toMatch(/<td[^>]*>4,5<\/td>/);
  });

  it('draws each chart as one described image, with its numbers in a table beside it', () => {
    const html = render();
    const cases = [
      {
        caption: 'Relevantie per trend',
        alt: 'Anders werken scoort het hoogst, met 4,5.',
        cells: ['Anders werken', '4,5', 'geen waarde'],
      },
      {
        caption: 'Impact en onzekerheid',
        alt: 'Twee trends in het kwadrant met veel impact.',
        cells: ['Deelplatforms', 'Onzekerheid', 'Impact', '4,25'],
      },
      {
        caption: 'Profiel per plaats',
        alt: 'Zeedorp scoort hoger op identiteit dan Heidekerk.',
        cells: ['Zeedorp', 'Heidekerk', 'Identiteit', '5', 'geen waarde'],
      },
    ];
    for (const { caption, alt, cells } of cases) {
      const figure = figureOf(html, caption);
      expect(figure).toContain(`<svg class="stadshart-trendscan-chart"`);
      expect(figure).toMatch(new RegExp(`<svg[^>]*role="img"[^>]*aria-label="${alt}"`));
      expect(figure).toMatch(/<g aria-hidden="true"/);
      expect(figure).toMatch(new RegExp(`<caption[^>]*>${caption}: de cijfers</caption>`));
      const table = textOf(figure.slice(figure.indexOf('<table')));
      for (const cell of cells) expect(table).toContain(cell);
    }
  });

  it('renders a quote with its author', () => {
    const html = render();
    expect(html).toMatch(/<blockquote[^>]*>.*Maak van de markt een huiskamer\..*<\/blockquote>/);
    expect(textOf(html)).toContain('— Anna');
  });

  it('renders rich text through richBlocks: headings, marks, checked links, nested lists, quotes', () => {
    const html = render();
    expect(html).toMatch(/<h4[^>]*>.*Kern.*<\/h4>/);
    expect(html).toMatch(/<a[^>]*href="https:\/\/example.org\/barometer"[^>]*>de barometer<\/a>/);
    expect(html).toContain('<strong>vooral dit</strong>');
    expect(html).toMatch(/<ul[^>]*><li[^>]*>.*Eerste punt.*<ol[^>]*><li[^>]*>.*Genest punt/);
    expect(html).toMatch(/<blockquote[^>]*>.*Een rijk citaat.*<\/blockquote>/);
  });

  it('leaves out a link the rich-text rules do not allow', () => {
    const document = documentWithEveryBlock();
    document.sections = [
      {
        key: 'conclusions',
        title: 'Conclusies',
        activityKind: null,
        blocks: [
          {
            type: 'rich',
            doc: {
              type: 'doc',
              content: [
                {
                  type: 'paragraph',
                  content: [
                    {
                      type: 'text',
                      text: 'klik',
                      marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
                    },
                  ],
                },
              ],
            },
          },
        ],
      },
    ];
    const html = renderToStaticMarkup(<ReportDocumentView document={document} />);
    expect(html).toContain('klik');
    expect(html).not.toContain('javascript:');
  });
});
