// Who is connected to which lab on this server: the people limit, presence and revocation read it.
import type { SocketHandle } from './collab.types.ts';

/** One authenticated document connection. */
export interface RosterEntry {
  socket: SocketHandle;
  documentName: string;
  labId: string;
  participantId: string;
  displayName: string;
  role: 'facilitator' | 'participant';
  readOnly: boolean;
}

/** A connected person as presence shows them to facilitators. */
export interface PresentPerson {
  participantId: string;
  name: string;
  role: string;
}

function entryKey(socketId: string, documentName: string): string {
  return `${socketId}\u0000${documentName}`;
}

/** The connections of this server, grouped by lab and person. */
export class LabRoster {
  private readonly entries = new Map<string, RosterEntry>();
  // labId → participantId → how many of their document connections are open
  private readonly labs = new Map<string, Map<string, number>>();
  private readonly changedLabs = new Set<string>();

  /**
   * Adds a connection unless it would bring a new person into a lab that already holds
   * `maxPeople` people; someone already connected may always open more documents.
   */
  admit(entry: RosterEntry, maxPeople: number): boolean {
    const key = entryKey(entry.socket.id, entry.documentName);
    const people = this.labs.get(entry.labId) ?? new Map<string, number>();
    const known = this.entries.get(key);
    if (!known && !people.has(entry.participantId) && people.size >= maxPeople) return false;
    if (known) this.remove(key, known);
    this.entries.set(key, entry);
    if (!people.has(entry.participantId)) this.changedLabs.add(entry.labId);
    people.set(entry.participantId, (people.get(entry.participantId) ?? 0) + 1);
    this.labs.set(entry.labId, people);
    return true;
  }

  /** Removes one document connection (a no-op when it is not here). */
  release(socketId: string, documentName: string): void {
    const key = entryKey(socketId, documentName);
    const entry = this.entries.get(key);
    if (entry) this.remove(key, entry);
  }

  /** Removes every connection of a socket. */
  releaseSocket(socketId: string): void {
    for (const [key, entry] of this.entries) {
      if (entry.socket.id === socketId) this.remove(key, entry);
    }
  }

  private remove(key: string, entry: RosterEntry): void {
    this.entries.delete(key);
    const people = this.labs.get(entry.labId);
    const count = people?.get(entry.participantId) ?? 0;
    if (!people) return;
    if (count <= 1) {
      people.delete(entry.participantId);
      this.changedLabs.add(entry.labId);
    } else {
      people.set(entry.participantId, count - 1);
    }
    if (people.size === 0) this.labs.delete(entry.labId);
  }

  /** How many different people are connected to the lab. */
  countPeople(labId: string): number {
    return this.labs.get(labId)?.size ?? 0;
  }

  /** The people connected to the lab, each once. */
  listPeople(labId: string): PresentPerson[] {
    const seen = new Map<string, PresentPerson>();
    for (const entry of this.entries.values()) {
      if (entry.labId !== labId || seen.has(entry.participantId)) continue;
      seen.set(entry.participantId, {
        participantId: entry.participantId,
        name: entry.displayName,
        role: entry.role,
      });
    }
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }

  /** The connections of one lab, optionally of one person only. */
  entriesOf(labId: string, participantId?: string): RosterEntry[] {
    return [...this.entries.values()].filter(
      (entry) =>
        entry.labId === labId &&
        (participantId === undefined || entry.participantId === participantId),
    );
  }

  /** Every lab with at least one connection, with the people connected to it. */
  peopleByLab(): Map<string, string[]> {
    return new Map([...this.labs].map(([labId, people]) => [labId, [...people.keys()]]));
  }

  /** Marks a lab's presence as changed, e.g. when someone opens its control document. */
  markChanged(labId: string): void {
    this.changedLabs.add(labId);
  }

  /** The labs whose presence changed since the last call. */
  takeChangedLabs(): string[] {
    const labs = [...this.changedLabs];
    this.changedLabs.clear();
    return labs;
  }
}
