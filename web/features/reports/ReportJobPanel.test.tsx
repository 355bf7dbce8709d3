// The job panel rendered to HTML (no browser): what it says and offers in each state of the job.
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportState } from '../../../common/reports.ts';
import { ReportJobPanel } from './ReportJobPanel.tsx';
import { initReportI18n, stateWith, textOf } from './reports.testing.ts';

beforeAll(initReportI18n);

function render(state: ReportState, options: { startError?: string } = {}): string {
  return renderToStaticMarkup(
    <ReportJobPanel
      state={state}
      isStarting={false}
      startError={options.startError ?? null}
      onGenerate={() => undefined}
    />,
  );
}

function job(change: Partial<ReportState['job']>): ReportState['job'] {
  return {
    status: 'running',
    progress: 40,
    step: 'synthesis',
    error: null,
    requestedAt: null,
    finishedAt: null,
    ...change,
  };
}

describe('the generation panel', () => {
  it('shows a labelled progress bar and the current step in words while the job runs', () => {
    const html = render(stateWith({ job: job({}) }));
    const progress = /<progress id="([^"]+)" max="100" value="40">/.exec(html);
    expect(progress).not.toBeNull();
    expect(html).toContain(`<label for="${progress?.[1]}">Voortgang</label>`);
    expect(textOf(html)).toContain('Nu bezig met: de uitkomsten samenvatten');
    // No second start while it runs.
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>[^<]*Opnieuw maken/);
  });

  it('names a step it does not know generically, and a queued job as waiting', () => {
    expect(textOf(render(stateWith({ job: job({ step: 'charts' }) })))).toContain(
      'Nu bezig met: het verslag samenstellen',
    );
    expect(textOf(render(stateWith({ job: job({ status: 'queued', step: null }) })))).toContain(
      'in de wachtrij',
    );
  });

  it('shows the API’s error text and an enabled retry button when the job failed', () => {
    const html = render(
      stateWith({
        job: job({ status: 'failed', error: 'De scores van de trendscan ontbreken.' }),
      }),
    );
    const text = textOf(html);
    expect(text).toContain('Het maken van het verslag is niet gelukt.');
    expect(text).toContain('De scores van de trendscan ontbreken.');
    expect(html).not.toContain('<progress');
    const retry = /<button([^>]*)>Opnieuw proberen<\/button>/.exec(html);
    expect(retry).not.toBeNull();
    expect(retry?.[1]).not.toContain('disabled');
  });

  it('explains why the button is disabled before the lab has started', () => {
    const html = render(
      stateWith({ canGenerate: false, preview: null, job: job({ status: 'idle', step: null }) }),
    );
    const why = /<p[^>]*id="([^"]+)"[^>]*>U kunt het verslag maken zodra het lab is begonnen/.exec(
      html,
    );
    expect(why).not.toBeNull();
    expect(html).toMatch(
      new RegExp(`<button[^>]*disabled=""[^>]*aria-describedby="${why?.[1]}"[^>]*>Verslag maken`),
    );
  });

  it('offers members who may not edit no buttons at all', () => {
    const html = render(
      stateWith({ can: { edit: false, publish: false }, job: job({ status: 'failed' }) }),
    );
    expect(html).not.toContain('<button');
  });

  it('shows why starting failed', () => {
    const html = render(stateWith(), { startError: 'Uw rol geeft geen toestemming.' });
    expect(textOf(html)).toContain('Uw rol geeft geen toestemming.');
  });
});
