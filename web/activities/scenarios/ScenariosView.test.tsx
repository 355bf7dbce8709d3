// Renders the scenario views to HTML (no browser), to check what they say, not how they look.
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { defaultActivityState } from '../../../common/activities/control.ts';
import {
  addScenarioNote,
  proposeAction,
  recordVerdict,
  writeQuadrant,
} from '../../../common/activities/scenarios.doc.ts';
import { defaultScenariosConfig } from '../../../common/activities/scenarios.ts';
import type { Activity, Lab } from '../../../common/labs.ts';
import type { ActivityViewProps } from '../registry.types.ts';
import { scenariosMessages } from './scenarios.messages.ts';
import { ScenariosPresenterView } from './ScenariosPresenterView.tsx';
import { ScenariosView } from './ScenariosView.tsx';

// A static render is one pass with no server snapshot; the document's version does not matter.
vi.mock('../../collab/useDocVersion.ts', () => ({ useDocVersion: () => 0 }));

const LAB_ID = '0d9b8c7a-6e5f-4a3b-9c2d-1e0f9a8b7c6d';
const activity: Activity = {
  id: '6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f',
  labId: LAB_ID,
  position: 0,
  title: 'Scenario’s',
  kind: 'scenarios',
  config: defaultScenariosConfig(),
  documentName: 'doc',
};
// Only what the views read; the rest of a lab does not matter here.
const lab = { id: LAB_ID, anonymous: false, themes: [] } as unknown as Lab;

function propsFor(doc: Y.Doc, role: 'facilitator' | 'participant'): ActivityViewProps {
  return {
    lab,
    activity,
    doc,
    state: defaultActivityState,
    spotlight: null,
    me: { participantId: role === 'facilitator' ? 'fien' : 'anna', displayName: 'X', role },
    readOnly: false,
    announce: () => undefined,
    controls: null,
  };
}

function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');
}

beforeAll(async () => {
  await i18next.use(initReactI18next).init({
    lng: 'nl',
    resources: { nl: { scenarios: scenariosMessages.nl } },
    interpolation: { escapeValue: false },
  });
});

function filledDoc(): { doc: Y.Doc; hub: string } {
  const doc = new Y.Doc();
  writeQuadrant(doc, 'hh', { name: 'Slimme kringloop', narrative: 'Alles wordt gedeeld.' });
  addScenarioNote(doc, {
    quadrant: 'hl',
    lane: 'regret',
    text: '<b>Geen</b> opslag',
    authorId: 'bram',
    authorName: 'Bram',
  });
  const hub = proposeAction(doc, { title: 'Hub', origin: 'hh', authorId: 'anna', authorName: 'A' });
  recordVerdict(doc, hub.id, 'hl', true);
  recordVerdict(doc, hub.id, 'lh', true);
  recordVerdict(doc, hub.id, 'll', false);
  return { doc, hub: hub.id };
}

describe('scenario views', () => {
  it('labels each of the four regions with both poles, and shows typed text as text', () => {
    const html = renderToStaticMarkup(
      <ScenariosView {...propsFor(filledDoc().doc, 'participant')} />,
    );
    const text = textOf(html);
    for (const label of [
      'Weinig digitalisering, sterk circulair',
      'Veel digitalisering, sterk circulair',
      'Weinig digitalisering, weinig circulair',
      'Veel digitalisering, weinig circulair',
    ]) {
      expect(text).toContain(label);
    }
    expect(
      html.match(/<section[^>]*aria-labelledby="scenarios-[^"]*-(lh|hh|ll|hl)-heading"/g),
    ).toHaveLength(4);
    expect(html).toContain('&lt;b&gt;Geen&lt;/b&gt; opslag');
    expect(html).not.toContain('<b>Geen</b>');
  });

  it('says per scenario whether an action holds, in words, and marks it robust with the count', () => {
    const text = textOf(
      renderToStaticMarkup(<ScenariosView {...propsFor(filledDoc().doc, 'participant')} />),
    );
    expect(text).toContain('Hier voorgesteld');
    expect(text).toContain('Houdt geen stand');
    expect(text).toContain('Robuust: houdt stand in 3 van 4');
    // Participants get no verdict buttons; facilitators do, with the current one pressed.
    expect(text).not.toContain('Wissen');
    const facilitator = renderToStaticMarkup(
      <ScenariosView {...propsFor(filledDoc().doc, 'facilitator')} />,
    );
    expect(facilitator.match(/aria-pressed="true"/g)).toHaveLength(3);
  });

  it('shows names, narratives, note counts and robust actions on the big screen', () => {
    const text = textOf(
      renderToStaticMarkup(
        <ScenariosPresenterView {...propsFor(filledDoc().doc, 'participant')} />,
      ),
    );
    expect(text).toContain('Slimme kringloop');
    expect(text).toContain('Alles wordt gedeeld.');
    expect(text).toContain('Spijt: 1');
    expect(text).toContain('Hub (houdt stand in 3 van 4)');
  });
});
