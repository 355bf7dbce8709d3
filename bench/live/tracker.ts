// Delivery accounting: which write should reach whom, who saw it, and how long it took.

/** One write the generator sent (a note added or moved, or a dot). */
export interface TrackedWrite {
  sentAt: number;
  senderIndex: number;
  /** Receivers listening when it was sent, the sender not counted. */
  expected: number;
  /** Bit per receiver index: already seen, so a repeat in a later frame counts once. */
  seen: Uint8Array;
  /** For note writes: the note, and whether this write created it (dots may go on it then). */
  noteId: string | null;
  isCreate: boolean;
}

/** Totals over every tracked write. */
export interface DeliveryTotals {
  writes: number;
  expected: number;
  delivered: number;
  lost: number;
}

/**
 * Counts deliveries per (write, receiver) pair: expected = receivers listening at send time
 * (the sender excluded), delivered = first sightings by those receivers, latency = seen − sent.
 */
export class DeliveryTracker {
  readonly latencies: number[] = [];
  private readonly notes = new Map<number, TrackedWrite>();
  private readonly dots = new Map<string, TrackedWrite>();
  private readonly listeningSince: Float64Array;
  private readonly listening: Uint8Array;
  private listeningCount = 0;
  private expectedTotal = 0;
  private deliveredTotal = 0;
  private readonly bitsetBytes: number;

  constructor(participants: number) {
    this.listeningSince = new Float64Array(participants).fill(Number.NaN);
    this.listening = new Uint8Array(participants);
    this.bitsetBytes = Math.ceil(participants / 8);
  }

  /** Marks a receiver as synced on the measured document from `at` on. */
  markListening(index: number, at: number): void {
    if (this.listening[index] === 1) return;
    this.listening[index] = 1;
    this.listeningSince[index] = at;
    this.listeningCount += 1;
  }

  /** Marks a receiver as gone (its socket or document closed); it is no longer expected to see writes. */
  markGone(index: number): void {
    if (this.listening[index] !== 1) return;
    this.listening[index] = 0;
    this.listeningCount -= 1;
  }

  /** Registers a note write under its marker's sequence number. */
  trackNote(
    seq: number,
    write: { sentAt: number; senderIndex: number; noteId: string; isCreate: boolean },
  ): void {
    this.notes.set(
      seq,
      this.newWrite(write.sentAt, write.senderIndex, write.noteId, write.isCreate),
    );
  }

  /** Registers a dot under its key (participantId|noteId). */
  trackDot(key: string, write: { sentAt: number; senderIndex: number }): void {
    this.dots.set(key, this.newWrite(write.sentAt, write.senderIndex, null, false));
  }

  /** Records that a receiver saw a note write; returns the write the first time, else null. */
  seeNote(seq: number, receiverIndex: number, now: number): TrackedWrite | null {
    const write = this.notes.get(seq);
    return write && this.see(write, receiverIndex, now) ? write : null;
  }

  /** Records that a receiver saw a dot; true the first time. */
  seeDot(key: string, receiverIndex: number, now: number): boolean {
    const write = this.dots.get(key);
    return write ? this.see(write, receiverIndex, now) : false;
  }

  /** The totals so far; `lost` is what was expected and not (yet) seen. */
  totals(): DeliveryTotals {
    return {
      writes: this.notes.size + this.dots.size,
      expected: this.expectedTotal,
      delivered: this.deliveredTotal,
      lost: this.expectedTotal - this.deliveredTotal,
    };
  }

  private newWrite(
    sentAt: number,
    senderIndex: number,
    noteId: string | null,
    isCreate: boolean,
  ): TrackedWrite {
    const expected = this.listeningCount - (this.listening[senderIndex] === 1 ? 1 : 0);
    this.expectedTotal += expected;
    return {
      sentAt,
      senderIndex,
      expected,
      seen: new Uint8Array(this.bitsetBytes),
      noteId,
      isCreate,
    };
  }

  private see(write: TrackedWrite, receiverIndex: number, now: number): boolean {
    if (receiverIndex === write.senderIndex) return false;
    // Someone who was not listening when it was sent was not counted in `expected` either.
    const since = this.listeningSince[receiverIndex];
    if (since === undefined || !(since <= write.sentAt)) return false;
    const byte = receiverIndex >> 3;
    const bit = 1 << (receiverIndex & 7);
    const current = write.seen[byte] ?? 0;
    if ((current & bit) !== 0) return false;
    write.seen[byte] = current | bit;
    this.deliveredTotal += 1;
    this.latencies.push(now - write.sentAt);
    return true;
  }
}
