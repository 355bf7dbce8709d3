// Reading and writing a positioning document (ADR 0002): the web app edits through these, the
// server judges and summarises with them, so both read the document the same way.
import type * as Y from 'yjs';
import { analysePositioning, type PositioningAnalysis } from './positioning.overlap.ts';
import {
  agreementValue,
  positioningRoots,
  roleValue,
  verdictValue,
  type AgreementValue,
  type PositioningConfig,
  type RoleValue,
  type VerdictValue,
} from './positioning.ts';

function rootOf(doc: Y.Doc, root: keyof typeof positioningRoots): Y.Map<unknown> {
  return doc.getMap<unknown>(positioningRoots[root]);
}

function newId(): string {
  return globalThis.crypto.randomUUID();
}

/** Oldest first, then by id, so every reader lists the same way. */
function byCreation(a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Returns every valid role, oldest first; invalid entries are skipped. */
export function readRoles(doc: Y.Doc): RoleValue[] {
  const roles: RoleValue[] = [];
  for (const [key, value] of rootOf(doc, 'roles').entries()) {
    const parsed = roleValue.safeParse(value);
    if (parsed.success && parsed.data.id === key) roles.push(parsed.data);
  }
  return roles.sort(byCreation);
}

/** Returns every valid verdict by overlap key; invalid entries are skipped. */
export function readVerdicts(doc: Y.Doc): Map<string, VerdictValue> {
  const verdicts = new Map<string, VerdictValue>();
  for (const [key, value] of rootOf(doc, 'verdicts').entries()) {
    const parsed = verdictValue.safeParse(value);
    if (parsed.success) verdicts.set(key, parsed.data);
  }
  return verdicts;
}

/** Returns every valid agreement, oldest first; invalid entries are skipped. */
export function readAgreements(doc: Y.Doc): AgreementValue[] {
  const agreements: AgreementValue[] = [];
  for (const [key, value] of rootOf(doc, 'agreements').entries()) {
    const parsed = agreementValue.safeParse(value);
    if (parsed.success && parsed.data.id === key) agreements.push(parsed.data);
  }
  return agreements.sort(byCreation);
}

/** The overlaps and complements of the document as it is now (see analysePositioning). */
export function analyseDocument(doc: Y.Doc, config: PositioningConfig): PositioningAnalysis {
  return analysePositioning({
    programmes: config.programmes,
    placeIds: config.placeIds,
    roles: readRoles(doc),
    verdicts: readVerdicts(doc),
  });
}

export interface NewRole {
  placeId: string;
  programme: string;
  label: string;
  authorId: string;
  /** '' in an anonymous lab: the name is not stored there at all. */
  authorName: string;
}

/** Marks a role for a place within a programme and returns it. */
export function addRole(doc: Y.Doc, input: NewRole): RoleValue {
  const role: RoleValue = {
    id: newId(),
    placeId: input.placeId,
    programme: input.programme,
    label: input.label.trim(),
    authorId: input.authorId,
    authorName: input.authorName,
    createdAt: Date.now(),
  };
  doc.transact(() => {
    rootOf(doc, 'roles').set(role.id, role);
  });
  return role;
}

/** Removes a role; false when it did not exist. */
export function deleteRole(doc: Y.Doc, roleId: string): boolean {
  let isDone = false;
  doc.transact(() => {
    const roles = rootOf(doc, 'roles');
    if (!roles.has(roleId)) return;
    roles.delete(roleId);
    isDone = true;
  });
  return isDone;
}

/** Records what the room made of an overlap (facilitators only; the server refuses others). */
export function setVerdict(doc: Y.Doc, key: string, value: VerdictValue): void {
  doc.transact(() => {
    rootOf(doc, 'verdicts').set(key, { verdict: value.verdict, note: value.note.trim() });
  });
}

/** Opens an overlap again by removing its verdict; false when it had none. */
export function clearVerdict(doc: Y.Doc, key: string): boolean {
  let isDone = false;
  doc.transact(() => {
    const verdicts = rootOf(doc, 'verdicts');
    if (!verdicts.has(key)) return;
    verdicts.delete(key);
    isDone = true;
  });
  return isDone;
}

export interface NewAgreement {
  text: string;
  placeIds: string[];
  programme: string | null;
  authorId: string;
  authorName: string;
}

/** Records an agreement (facilitators only; the server refuses others) and returns it. */
export function addAgreement(doc: Y.Doc, input: NewAgreement): AgreementValue {
  const agreement: AgreementValue = {
    id: newId(),
    text: input.text.trim(),
    placeIds: [...new Set(input.placeIds)],
    programme: input.programme,
    authorId: input.authorId,
    authorName: input.authorName,
    createdAt: Date.now(),
  };
  doc.transact(() => {
    rootOf(doc, 'agreements').set(agreement.id, agreement);
  });
  return agreement;
}

/** Removes an agreement; false when it did not exist. */
export function deleteAgreement(doc: Y.Doc, agreementId: string): boolean {
  let isDone = false;
  doc.transact(() => {
    const agreements = rootOf(doc, 'agreements');
    if (!agreements.has(agreementId)) return;
    agreements.delete(agreementId);
    isDone = true;
  });
  return isDone;
}
