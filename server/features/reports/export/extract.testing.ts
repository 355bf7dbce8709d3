// Reads exported files back as text for tests, the way a reader or a screen reader would get it.
import JSZip from 'jszip';

/** Tags whose content is not the document's reading text: decoration, pictures, list labels. */
const SKIPPED_TAGS = new Set(['Artifact', 'Figure', 'Lbl']);

export interface PdfText {
  /** Everything pdf.js finds, page by page. */
  all: string;
  /** The logical content only: no artifacts (footers, repeated headers), figures or labels. */
  content: string;
}

/** Extracts a PDF's text with pdf.js, split into all text and the tagged reading content. */
export async function readPdfText(pdf: Buffer): Promise<PdfText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(pdf) });
  const loaded = await task.promise;
  let all = '';
  let content = '';
  for (let n = 1; n <= loaded.numPages; n += 1) {
    const page = await loaded.getPage(n);
    const text = await page.getTextContent({ includeMarkedContent: true });
    const stack: string[] = [];
    for (const item of text.items) {
      if ('type' in item) {
        if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
          // pdf.js reports the tag at run time; its types leave it out.
          stack.push((item as { tag?: string }).tag ?? '');
        } else if (item.type === 'endMarkedContent') {
          stack.pop();
        }
        continue;
      }
      const piece = item.str + (item.hasEOL ? '\n' : '');
      all += piece;
      if (!stack.some((tag) => SKIPPED_TAGS.has(tag))) content += piece;
    }
    all += '\n';
    content += '\n';
  }
  await task.destroy();
  return { all, content };
}

/** Extracts a DOCX file's body and footer text from its XML parts. */
export async function readDocx(docx: Buffer): Promise<{ body: string; footer: string }> {
  const zip = await JSZip.loadAsync(docx);
  const textOf = (xml: string) =>
    xml
      .replace(/<\/w:p>/g, '\n')
      .replace(/<w:tab\/>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'");
  const documentXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const footers = await Promise.all(
    Object.keys(zip.files)
      .filter((name) => /^word\/footer\d*\.xml$/.test(name))
      .map(async (name) => (await zip.file(name)?.async('string')) ?? ''),
  );
  return { body: textOf(documentXml), footer: footers.map(textOf).join('\n') };
}

/** Collapses every run of white space to one space, so wrapped lines compare as written. */
export function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
