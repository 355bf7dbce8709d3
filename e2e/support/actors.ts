// Named actors (admin, facilitator, member, guest), each in a browser context of their own, and a
// guard that fails the test when any page asks another host for anything.
import { test as base, expect, type Browser, type Page } from '@playwright/test';

export interface Actors {
  /** Opens (or returns) the page of a named actor; each actor has separate cookies and storage. */
  actor(name: string): Promise<Page>;
}

async function openActor(browser: Browser, baseURL: string, foreign: string[]): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'nl-NL' });
  const origin = new URL(baseURL).origin;
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      foreign.push(url);
  });
  return context.newPage();
}

/** The test function with an `actors` fixture. */
export const test = base.extend<{ actors: Actors }>({
  actors: async ({ browser, baseURL }, use) => {
    const pages = new Map<string, Page>();
    const foreign: string[] = [];
    await use({
      async actor(name) {
        const existing = pages.get(name);
        if (existing) return existing;
        const page = await openActor(browser, baseURL ?? '', foreign);
        pages.set(name, page);
        return page;
      },
    });
    for (const page of pages.values()) await page.context().close();
    expect(foreign, 'requests to other hosts').toEqual([]);
  },
});

export { expect };
