// Splits a plain-text mail into text and links, so only links to this site become clickable.

export type MailSegment = { kind: 'text'; text: string } | { kind: 'link'; href: string };

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;
// Punctuation that ends a sentence is rarely part of the link it follows.
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

function isOnOrigin(candidate: string, origin: string): boolean {
  try {
    return new URL(candidate).origin === origin;
  } catch {
    return false;
  }
}

/**
 * Returns the text in order as segments; a URL becomes a link only when it points at `origin`
 * (the site itself), everything else stays text, so a mail can never lead elsewhere with one click.
 */
export function splitMailText(text: string, origin: string): MailSegment[] {
  const segments: MailSegment[] = [];
  let pending = '';
  let position = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const raw = match[0];
    const candidate = raw.replace(TRAILING_PUNCTUATION, '');
    pending += text.slice(position, match.index);
    position = match.index + candidate.length;
    if (!isOnOrigin(candidate, origin)) {
      pending += candidate;
      continue;
    }
    if (pending) segments.push({ kind: 'text', text: pending });
    pending = '';
    segments.push({ kind: 'link', href: candidate });
  }
  pending += text.slice(position);
  if (pending) segments.push({ kind: 'text', text: pending });
  return segments;
}
