import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addScenarioNote,
  proposeAction,
  recordVerdict,
  writeQuadrant,
} from '../../../common/activities/scenarios.doc.ts';
import { defaultScenariosConfig } from '../../../common/activities/scenarios.ts';
import { scenariosSynthesis } from '../../../common/synthesis.ts';
import { synthesiseScenarios } from './scenarios.synthesis.ts';

const ACTIVITY_ID = '6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f';
const target = {
  labId: '0d9b8c7a-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
  activityId: ACTIVITY_ID,
  config: defaultScenariosConfig(),
  title: 'Scenario’s 2030',
  anonymous: false,
};
const bram = { authorId: 'bram', authorName: 'Bram' };

describe('scenarios synthesis', () => {
  it('shows the axes, four scenarios with their lanes, and each action with where it holds', () => {
    const doc = new Y.Doc();
    writeQuadrant(doc, 'hh', { name: '  Slimme kringloop ', narrative: 'Data sturen hergebruik.' });
    addScenarioNote(doc, { ...bram, quadrant: 'hh', lane: 'policy', text: ' Open data ' });
    addScenarioNote(doc, { ...bram, quadrant: 'll', lane: 'regret', text: 'Niets doen' });
    const hub = proposeAction(doc, { ...bram, title: 'Logistieke hub', origin: 'hh' });
    const app = proposeAction(doc, { ...bram, title: 'App', origin: 'll' });
    recordVerdict(doc, hub.id, 'hl', true);
    recordVerdict(doc, hub.id, 'lh', true);
    recordVerdict(doc, app.id, 'hh', false);

    const part = synthesiseScenarios(doc, target);
    expect(scenariosSynthesis.parse(part)).toEqual(part);
    if (part.kind !== 'scenarios') throw new Error('not a scenarios part');
    expect(part.title).toBe('Scenario’s 2030');
    expect(part.axes).toEqual([
      {
        label: 'Digitalisering en data',
        low: 'Weinig digitalisering',
        high: 'Veel digitalisering',
      },
      { label: 'Circulaire economie', low: 'Weinig circulair', high: 'Sterk circulair' },
    ]);
    expect(part.quadrants.map((q) => q.key)).toEqual(['hh', 'hl', 'lh', 'll']);
    expect(part.quadrants[0]).toEqual({
      key: 'hh',
      name: 'Slimme kringloop',
      narrative: 'Data sturen hergebruik.',
      lanes: [
        { key: 'meaning', notes: [] },
        { key: 'policy', notes: ['Open data'] },
        { key: 'regret', notes: [] },
      ],
    });
    expect(part.quadrants[3]?.lanes[2]).toEqual({ key: 'regret', notes: ['Niets doen'] });
    // Actions proposed in the same millisecond come in id order, so compare without order.
    expect(part.actions).toHaveLength(2);
    expect(part.actions).toEqual(
      expect.arrayContaining([
        {
          id: hub.id,
          title: 'Logistieke hub',
          origin: 'hh',
          holdsIn: ['hh', 'hl', 'lh'],
          robust: true,
        },
        { id: app.id, title: 'App', origin: 'll', holdsIn: ['ll'], robust: false },
      ]),
    );
  });

  it('carries no author names, so an anonymous lab stays anonymous', () => {
    const doc = new Y.Doc();
    addScenarioNote(doc, { ...bram, quadrant: 'hh', lane: 'meaning', text: 'Iets' });
    proposeAction(doc, { ...bram, title: 'Plan', origin: 'hh' });
    const json = JSON.stringify(synthesiseScenarios(doc, { ...target, anonymous: true }));
    expect(json).not.toContain('Bram');
    expect(json).not.toContain('bram');
  });
});
