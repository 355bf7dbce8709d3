// The editor and the version list rendered to HTML (no browser): the controls an editor gets,
// their labels and states. The requests they send are checked in reportApi.test.ts.
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultReportEditorial, type ReportState } from '../../../common/reports.ts';
import { ReportEditor } from './ReportEditor.tsx';
import { ReportVersions } from './ReportVersions.tsx';
import { ACTIVITY_ID, LAB_ID, initReportI18n, stateWith, textOf } from './reports.testing.ts';

beforeAll(initReportI18n);

function renderEditor(state: ReportState): string {
  return renderToStaticMarkup(
    <ReportEditor
      state={state}
      orgSlug="duinrand"
      labId={LAB_ID}
      onSaved={() => undefined}
      onFinalised={() => Promise.resolve()}
      announce={() => undefined}
    />,
  );
}

describe('the report editor', () => {
  const state = stateWith({
    editorial: {
      ...defaultReportEditorial(),
      order: ['quotes'],
      hidden: [`activity:${ACTIVITY_ID}`],
      quotedNoteIds: ['note-2'],
      licence: 'CC-BY-4.0',
      attribution: 'Team binnenstad',
    },
  });

  it('labels both rich-text fields and gives each a toolbar of toggle buttons', () => {
    const html = renderEditor(state);
    for (const label of ['Inleiding', 'Conclusies']) {
      expect(html).toContain(`>${label}</span>`);
      expect(html).toContain(`role="toolbar" aria-label="Opmaak van ${label}"`);
    }
    for (const tool of [
      'Vet',
      'Cursief',
      'Kop',
      'Subkop',
      'Opsomming',
      'Genummerde lijst',
      'Citaat',
    ]) {
      expect(html).toMatch(new RegExp(`<button[^>]*aria-pressed="false"[^>]*>${tool}</button>`));
    }
    expect(html).toMatch(/<button[^>]*aria-expanded="false"[^>]*>Link<\/button>/);
  });

  it('lists sections in the chosen order with a visibility checkbox and up/down buttons', () => {
    const html = renderEditor(state);
    const text = textOf(html);
    expect(text.indexOf('Citaten opnemen')).toBeLessThan(
      text.indexOf('Vraag en programma opnemen'),
    );
    expect(html).toMatch(/<input[^>]*checked=""[^>]*>.*Citaten opnemen/);
    expect(html).not.toMatch(/<input[^>]*checked=""[^>]*>(?:(?!<input).)*Trendscan opnemen/);
    // The first section cannot go up, the last cannot go down; the names follow for screen readers.
    expect(text).not.toContain('Omhoog : Citaten');
    expect(text).toContain('Omlaag : Citaten');
    expect(text).toContain('Omhoog : Conclusies');
    expect(text).not.toContain('Omlaag : Conclusies');
  });

  it('offers the notes as quotes with author, dots and activity, the chosen one ticked', () => {
    const html = renderEditor(state);
    const text = textOf(html);
    expect(text).toContain('Maak van de markt een huiskamer.');
    expect(text).toContain('Anna · 3 stippen · Canvas, Kansen');
    expect(text).toContain('zonder naam · 1 stip · Canvas, Knelpunten');
    expect(html).toMatch(/<input[^>]*checked=""[^>]*>(?:(?!<input).)*Te weinig groen/);
  });

  it('has the licence as a select with the chosen one and the attribution with its line', () => {
    const html = renderEditor(state);
    expect(html).toMatch(/<select[^>]*id="field-licence"/);
    expect(html).toMatch(/<option[^>]*value="CC-BY-4.0"[^>]*selected=""[^>]*>CC BY 4.0<\/option>/);
    expect(html).toMatch(/<input[^>]*id="field-attribution"[^>]*value="Team binnenstad"/);
    expect(textOf(html)).toContain(`Team binnenstad · CC BY 4.0`);
  });

  it('saves with a submit button and finalises behind a confirmation', () => {
    const html = renderEditor(state);
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Opslaan<\/button>/);
    expect(html).toMatch(/<button(?![^>]*disabled)[^>]*>Definitief maken<\/button>/);
  });

  it('does not offer finalising before there is a report', () => {
    const html = renderEditor(stateWith({ preview: null, sections: [] }));
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Definitief maken<\/button>/);
    expect(textOf(html)).toContain('Er zijn nog geen onderdelen. Maak eerst het verslag.');
  });
});

describe('the version list', () => {
  const versions = [
    {
      version: 1,
      title: 'Regiolab Kustdorpen',
      finalisedAt: '2026-03-01T10:00:00.000Z',
      finalisedBy: 'Fien Begeleider',
      licence: 'CC-BY-SA-4.0' as const,
    },
    {
      version: 2,
      title: 'Regiolab Kustdorpen',
      finalisedAt: '2026-03-02T10:00:00.000Z',
      finalisedBy: null,
      licence: 'CC0-1.0' as const,
    },
  ];

  function renderVersions(canPublish: boolean, justFinalised: ReportState['preview'] = null) {
    return renderToStaticMarkup(
      <MemoryRouter>
        <ReportVersions
          orgSlug="duinrand"
          labId={LAB_ID}
          versions={versions}
          canPublish={canPublish}
          justFinalised={
            justFinalised ? { ...versions[1]!, document: { ...justFinalised, version: 2 } } : null
          }
        />
      </MemoryRouter>,
    );
  }

  it('lists versions newest first with date, who and licence, and every file as a download link', () => {
    const html = renderVersions(false);
    const text = textOf(html);
    expect(text.indexOf('Versie 2')).toBeLessThan(text.indexOf('Versie 1'));
    expect(text).toContain('Fien Begeleider');
    expect(text).toContain('CC0 1.0');
    for (const file of [
      'report.pdf',
      'report.docx',
      'report.md',
      'data.xlsx',
      'notes.csv',
      'votes.csv',
      'scores.csv',
      'actions.csv',
    ]) {
      expect(html).toMatch(
        new RegExp(
          `<a[^>]*href="/api/v1/orgs/duinrand/labs/${LAB_ID}/report/versions/2/export/${file.replace('.', '\\.')}"[^>]*download=""`,
        ),
      );
    }
    expect(text).toContain('Verslag als PDF : versie 2');
    expect(html).not.toContain('Publiceren in de kennisbank');
  });

  it('lets publishers choose the full report or a short text for each version', () => {
    const html = renderVersions(true);
    expect(html.match(/Publiceren in de kennisbank/g)).toHaveLength(2);
    const full = /<input type="radio"[^>]*value="full"\/>/.exec(html)?.[0] ?? '';
    expect(full).toContain('checked=""');
    expect(textOf(html)).toContain('Korte beschrijving van de aanpak');
  });

  it('opens a version just finalised at once', () => {
    const html = renderVersions(false, stateWith().preview);
    expect(html).toMatch(/<button[^>]*aria-expanded="true"[^>]*>Verbergen/);
    expect(html).toMatch(/<h4[^>]*>Regiolab Kustdorpen<\/h4>/);
  });
});
