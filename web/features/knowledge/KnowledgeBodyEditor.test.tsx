// The body editor's toolbar, sync state and refusal handling, rendered to HTML (no browser): what
// they say and how they expose their state, not how they look. The editing itself is proven over
// real sockets (server/features/knowledge-collab/knowledge-collab.collab.test.ts).
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bodySyncState,
  KnowledgeBodyStatus,
  KnowledgeBodyToolbar,
  problemOfRefusal,
} from './KnowledgeBodyEditor.tsx';
import { knowledgeEditorMessages } from './knowledgeEditor.messages.ts';

beforeAll(async () => {
  await i18next.use(initReactI18next).init({
    lng: 'nl',
    resources: { nl: { knowledgeEditor: knowledgeEditorMessages.nl } },
    interpolation: { escapeValue: false },
  });
});

const connected = {
  socket: 'connected' as const,
  hasLostConnection: false,
  synced: true,
  unsynced: 0,
  serverReadOnly: false,
  problem: null,
  isOnline: true,
};

describe('KnowledgeBodyEditor', () => {
  it('has a labelled toolbar of seven real buttons that say with aria-pressed whether they are on', () => {
    const html = renderToStaticMarkup(
      <KnowledgeBodyToolbar active={{ bold: true, heading3: true }} onRun={() => undefined} />,
    );
    expect(html).toContain('role="toolbar"');
    expect(html).toContain('aria-label="Opmaak van de tekst"');
    const buttons = [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)];
    expect(buttons.map((b) => b[1])).toEqual([
      'Vet',
      'Cursief',
      'Kop',
      'Subkop',
      'Opsomming',
      'Genummerde lijst',
      'Citaat',
    ]);
    expect(buttons.every((b) => /type="button"/.test(b[0]))).toBe(true);
    const pressed = buttons.filter((b) => /aria-pressed="true"/.test(b[0])).map((b) => b[1]);
    expect(pressed).toEqual(['Vet', 'Subkop']);
    expect(buttons.filter((b) => /aria-pressed="false"/.test(b[0]))).toHaveLength(5);
  });

  it('says "Opgeslagen" once everything is acknowledged, and is a polite status', () => {
    const html = renderToStaticMarkup(
      <KnowledgeBodyStatus
        state={bodySyncState(connected)}
        problem={null}
        onReload={() => undefined}
      />,
    );
    expect(html).toContain('role="status"');
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain('data-sync-state="saved"');
    expect(html).toContain('>Opgeslagen<');
  });

  it('says the changes are kept while not connected, and is saving while changes wait', () => {
    expect(bodySyncState({ ...connected, unsynced: 2 })).toBe('saving');
    expect(bodySyncState({ ...connected, synced: false })).toBe('saving');
    const offline = bodySyncState({
      ...connected,
      socket: 'disconnected',
      hasLostConnection: true,
    });
    expect(offline).toBe('offline');
    expect(bodySyncState({ ...connected, isOnline: false })).toBe('offline');
    const html = renderToStaticMarkup(
      <KnowledgeBodyStatus state={offline} problem={null} onReload={() => undefined} />,
    );
    expect(html).toContain('Niet verbonden – uw wijzigingen worden bewaard');
  });

  it('turns refusals into a problem the person can act on', () => {
    expect(problemOfRefusal('4403 not a member of this organisation', 'authentication')).toBe(
      'noAccess',
    );
    expect(problemOfRefusal('4401 unknown or expired token', 'authentication')).toBe('noAccess');
    expect(problemOfRefusal('4422 writes content a rich text does not hold', 'document')).toBe(
      'refused',
    );
    expect(problemOfRefusal('4403 the body may not be changed now', 'document')).toBe('refused');
    expect(problemOfRefusal('4404 the item is gone', 'document')).toBe('noAccess');
    expect(problemOfRefusal('server restarting', 'document')).toBeNull();

    const html = renderToStaticMarkup(
      <KnowledgeBodyStatus state="saved" problem="refused" onReload={() => undefined} />,
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain('Tekst opnieuw laden');
    expect(html).not.toContain('Opgeslagen');
  });
});
