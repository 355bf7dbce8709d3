// The vision over real sockets with the real provider (docs/COLLAB_SPEC.md, U6, V12, V15, V17, A6).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addSuggestion,
  decideSuggestion,
  readSuggestions,
  readVisionText,
  visionFragment,
} from '../../../common/activities/vision.doc.ts';
import { visionConfig, type VisionEditors } from '../../../common/activities/vision.ts';
import type { LabStatus } from '../../../common/labs.ts';
import {
  addConfiguredActivity,
  addParticipant,
  createLab,
  refusedWith,
  sleep,
  storedDoc,
  useCollabServer,
  waitAcknowledged,
  waitFor,
  waitSynced,
  type TestClient,
} from '../../collab/collab.testing.ts';

const collab = useCollabServer();
const open = (name: string, token: string): TestClient => collab.open(name, token);

/** A lab with a vision activity, one participant (Anna) and one facilitator (Fien). */
async function visionLab(options: { editors?: VisionEditors; status?: LabStatus } = {}) {
  const lab = await createLab(collab.t, { status: options.status ?? 'live' });
  const config = visionConfig.parse({ kind: 'vision', editors: options.editors ?? 'everyone' });
  const { name } = await addConfiguredActivity(collab.t, lab.labId, config, 'Visie');
  const anna = await addParticipant(collab.t, lab.labId, { name: 'Anna' });
  const fien = await addParticipant(collab.t, lab.labId, { role: 'facilitator', name: 'Fien' });
  return { ...lab, name, anna, fien };
}

/** Appends a paragraph to the statement, as the editor does: an element holding a text node. */
function writeParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = visionFragment(doc);
  fragment.insert(fragment.length, [paragraph]);
}

describe('vision over real sockets', () => {
  it('U6, V12: rich text written into the free root reaches the others and is stored', async () => {
    const lab = await visionLab();
    const fien = open(lab.name, lab.fien.token);
    const anna = open(lab.name, lab.anna.token);
    await Promise.all([waitSynced(fien), waitSynced(anna)]);

    writeParagraph(fien.doc, 'In 2030 is de haven het hart van IJmuiden.');
    await waitAcknowledged(fien);
    await waitFor('Anna sees the paragraph', () => readVisionText(anna.doc) !== '');
    expect(readVisionText(anna.doc)).toBe('In 2030 is de haven het hart van IJmuiden.');

    // Everyone writes when the settings say so: Anna types into Fien's text node.
    const text = (visionFragment(anna.doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(text.length, ' Iedereen woont er graag.');
    await waitAcknowledged(anna);
    await waitFor('Fien sees the addition', () => readVisionText(fien.doc).endsWith('graag.'));

    await sleep(150);
    expect(readVisionText(await storedDoc(collab.t, lab.name))).toBe(
      'In 2030 is de haven het hart van IJmuiden. Iedereen woont er graag.',
    );
    expect(anna.closes).toEqual([]);
  });

  it('V12: when only facilitators write, a participant edit of the text is refused with 4403 and reaches nobody', async () => {
    const lab = await visionLab({ editors: 'facilitators' });
    const fien = open(lab.name, lab.fien.token);
    const anna = open(lab.name, lab.anna.token);
    await Promise.all([waitSynced(fien), waitSynced(anna)]);
    writeParagraph(fien.doc, 'Alleen de begeleiding schrijft.');
    await waitAcknowledged(fien);
    await waitFor('Anna has the text', () => readVisionText(anna.doc) !== '');

    writeParagraph(anna.doc, 'Toch geschreven door Anna.');
    expect(await refusedWith(anna, 4403)).toMatch(/only facilitators/);
    expect(anna.statelesses).toContainEqual(
      expect.objectContaining({ type: 'rejected', documentName: lab.name }),
    );
    await sleep(200);
    expect(readVisionText(fien.doc)).toBe('Alleen de begeleiding schrijft.');
    expect(readVisionText(await storedDoc(collab.t, lab.name))).toBe(
      'Alleen de begeleiding schrijft.',
    );
  });

  it('V15, V17: a participant suggests a text, the facilitator takes it in, and the participant sees both', async () => {
    const lab = await visionLab({ editors: 'facilitators' });
    const fien = open(lab.name, lab.fien.token);
    const anna = open(lab.name, lab.anna.token);
    await Promise.all([waitSynced(fien), waitSynced(anna)]);
    writeParagraph(fien.doc, 'De kades zijn grijs.');
    await waitAcknowledged(fien);

    const suggestion = addSuggestion(anna.doc, {
      text: 'De kades zijn groen.',
      quote: 'De kades zijn grijs.',
      authorId: lab.anna.participantId,
      authorName: 'Anna',
    });
    await waitAcknowledged(anna);
    await waitFor('Fien sees the suggestion', () => readSuggestions(fien.doc).length === 1);

    // What the accept button does: the text through the editor, then the decision.
    const text = (visionFragment(fien.doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    fien.doc.transact(() => {
      text.delete(0, text.length);
      text.insert(0, suggestion.text);
    });
    decideSuggestion(fien.doc, suggestion.id, 'accepted');
    await waitAcknowledged(fien);

    await waitFor(
      'Anna sees the decision and the new text',
      () =>
        readSuggestions(anna.doc)[0]?.status === 'accepted' &&
        readVisionText(anna.doc) === 'De kades zijn groen.',
    );
    expect(anna.closes).toEqual([]);
    expect(fien.closes).toEqual([]);
  });

  it('V16: a participant cannot decide on their own suggestion (4422)', async () => {
    const lab = await visionLab();
    const anna = open(lab.name, lab.anna.token);
    await waitSynced(anna);
    const suggestion = addSuggestion(anna.doc, {
      text: 'Meer bankjes.',
      quote: null,
      authorId: lab.anna.participantId,
      authorName: 'Anna',
    });
    await waitAcknowledged(anna);
    decideSuggestion(anna.doc, suggestion.id, 'accepted');
    expect(await refusedWith(anna, 4422)).toMatch(/only facilitators decide/);
  });

  it('A6: in a closed lab the statement is read-only for everyone, facilitators too', async () => {
    const lab = await visionLab({ status: 'closed' });
    const fien = open(lab.name, lab.fien.token);
    const anna = open(lab.name, lab.anna.token);
    await Promise.all([waitSynced(fien), waitSynced(anna)]);
    expect(fien.scope()).toBe('readonly');
    expect(anna.scope()).toBe('readonly');

    writeParagraph(fien.doc, 'Te laat.');
    expect(await refusedWith(fien, 4403)).toMatch(/read-only/);
    addSuggestion(anna.doc, {
      text: 'Ook te laat.',
      quote: null,
      authorId: lab.anna.participantId,
      authorName: 'Anna',
    });
    expect(await refusedWith(anna, 4403)).toMatch(/read-only/);
    await sleep(200);
    const stored = await storedDoc(collab.t, lab.name);
    expect(readVisionText(stored)).toBe('');
    expect(readSuggestions(stored)).toEqual([]);
  });
});
