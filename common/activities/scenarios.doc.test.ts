import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addScenarioNote,
  deleteScenarioNote,
  judgeActions,
  proposeAction,
  readQuadrants,
  readScenarioActions,
  readScenarioNotes,
  readVerdicts,
  recordVerdict,
  renameAction,
  updateScenarioNote,
  withdrawAction,
  writeQuadrant,
} from './scenarios.doc.ts';
import { scenariosRoots } from './scenarios.ts';

const anna = { authorId: 'anna', authorName: 'Anna' };

describe('scenarios document', () => {
  it('writes a scenario name without touching its narrative, and reads unwritten ones as empty', () => {
    const doc = new Y.Doc();
    writeQuadrant(doc, 'hl', { narrative: 'Alles online, weinig hergebruik.' });
    writeQuadrant(doc, 'hl', { name: 'Snel en vluchtig' });
    expect(readQuadrants(doc)).toEqual({
      hh: { name: '', narrative: '' },
      hl: { name: 'Snel en vluchtig', narrative: 'Alles online, weinig hergebruik.' },
      lh: { name: '', narrative: '' },
      ll: { name: '', narrative: '' },
    });
  });

  it('writes nothing when a scenario does not change', () => {
    const doc = new Y.Doc();
    writeQuadrant(doc, 'hh', { name: 'Slim' });
    let updates = 0;
    doc.on('update', () => (updates += 1));
    writeQuadrant(doc, 'hh', { name: 'Slim' });
    expect(updates).toBe(0);
  });

  it('adds, changes and deletes notes, oldest first, skipping invalid entries', () => {
    const doc = new Y.Doc();
    const first = addScenarioNote(doc, { ...anna, quadrant: 'hh', lane: 'meaning', text: 'Een' });
    const second = addScenarioNote(doc, { ...anna, quadrant: 'll', lane: 'regret', text: 'Twee' });
    doc.getMap(scenariosRoots.notes).set('junk', { text: 'geen notitie' });
    expect(updateScenarioNote(doc, first.id, 'Eén')).toBe(true);
    expect(readScenarioNotes(doc).map((n) => n.text)).toEqual(
      // Notes of the same millisecond come in id order.
      first.createdAt < second.createdAt ||
        (first.createdAt === second.createdAt && first.id < second.id)
        ? ['Eén', 'Twee']
        : ['Twee', 'Eén'],
    );
    expect(deleteScenarioNote(doc, second.id)).toBe(true);
    expect(deleteScenarioNote(doc, second.id)).toBe(false);
    expect(updateScenarioNote(doc, 'junk', 'x')).toBe(false);
    expect(readScenarioNotes(doc).map((n) => n.id)).toEqual([first.id]);
  });

  it('judges actions by their verdicts and drops the verdicts with a withdrawn action', () => {
    const doc = new Y.Doc();
    const hub = proposeAction(doc, { ...anna, title: 'Logistieke hub', origin: 'hh' });
    const app = proposeAction(doc, { ...anna, title: 'Binnenstad-app', origin: 'hl' });
    recordVerdict(doc, hub.id, 'hl', true);
    recordVerdict(doc, hub.id, 'lh', true);
    recordVerdict(doc, hub.id, 'll', false);
    recordVerdict(doc, app.id, 'hh', true);
    recordVerdict(doc, app.id, 'hl', false);
    expect(renameAction(doc, app.id, 'Een app voor de binnenstad')).toBe(true);

    const judged = new Map(judgeActions(doc).map((j) => [j.action.id, j]));
    expect(judged.get(hub.id)).toMatchObject({ holdsIn: ['hh', 'hl', 'lh'], robust: true });
    // The verdict on the origin is left out: the origin always holds.
    expect(judged.get(app.id)).toMatchObject({ holdsIn: ['hh', 'hl'], robust: false });
    expect([...(judged.get(app.id)?.verdicts.keys() ?? [])]).toEqual(['hh']);
    expect(judged.get(app.id)?.action.title).toBe('Een app voor de binnenstad');

    recordVerdict(doc, hub.id, 'lh', null);
    expect(readVerdicts(doc).get(hub.id)?.has('lh')).toBe(false);
    expect(withdrawAction(doc, hub.id)).toBe(true);
    expect(readScenarioActions(doc).map((a) => a.id)).toEqual([app.id]);
    expect(readVerdicts(doc).has(hub.id)).toBe(false);
    expect(withdrawAction(doc, hub.id)).toBe(false);
  });
});
