// Delivery is measured without decoding Yjs: every note write carries a unique marker in its text
// and every dot has a unique key, and both travel as plain ASCII inside the update bytes (Yjs
// writes map keys and JSON strings as UTF-8). A receiver scans each frame as latin1 text.

const MARKER_PREFIX = 'bench~';
const MARKER_END = '~';
const DOT_SEPARATOR = '|';
const UUID_LENGTH = 36;
const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const dotKeyPattern = new RegExp(`^${uuid}\\|${uuid}$`);
const digits = /^\d+$/;

/** The marker that makes one note write recognisable in any frame that carries it. */
export function noteMarker(seq: number): string {
  return `${MARKER_PREFIX}${seq}${MARKER_END}`;
}

/** What one frame carries: the sequence numbers of note writes and the keys of dots. */
export interface FrameMarkers {
  notes: number[];
  dots: string[];
}

/**
 * Finds every note marker and dot key (`<uuid>|<uuid>`) in a frame; a frame without them yields
 * empty lists. Plain indexOf scans: a regular expression over the whole frame cost ten times as
 * much, and the generator runs this for every frame every simulated person receives.
 */
export function extractMarkers(frame: Uint8Array): FrameMarkers {
  const found: FrameMarkers = { notes: [], dots: [] };
  const text = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength).toString('latin1');
  for (let at = text.indexOf(MARKER_PREFIX); at !== -1; at = text.indexOf(MARKER_PREFIX, at + 1)) {
    const start = at + MARKER_PREFIX.length;
    const end = text.indexOf(MARKER_END, start);
    const seq = end === -1 ? '' : text.slice(start, end);
    if (digits.test(seq)) found.notes.push(Number(seq));
  }
  for (let at = text.indexOf(DOT_SEPARATOR); at !== -1; at = text.indexOf(DOT_SEPARATOR, at + 1)) {
    if (at < UUID_LENGTH) continue;
    const key = text.slice(at - UUID_LENGTH, at + 1 + UUID_LENGTH);
    if (dotKeyPattern.test(key)) found.dots.push(key);
  }
  return found;
}
