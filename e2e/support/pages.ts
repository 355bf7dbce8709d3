// Steps the scenarios share: arriving on a page, and reading links from the server's mail outbox.
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';

/** Waits for the page's heading, then checks it with axe: the step every visit ends with. */
export async function visit(page: Page, heading: string | RegExp, label: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expectAccessible(page, label);
}

interface StoredMail {
  to: string;
  text: string;
}

/** The newest link of `kind` mailed to `email` after `since` (ms), read from the outbox folder. */
export async function mailedLink(email: string, since: number, kind: RegExp): Promise<string> {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error('the global setup did not provide the data folder');
  const folder = path.join(dataDir, 'outbox');
  const find = async (): Promise<string | null> => {
    const names = (await fs.readdir(folder).catch(() => [] as string[]))
      .filter((name) => name.endsWith('.json') && Number.parseInt(name, 10) >= since)
      .sort()
      .reverse();
    for (const name of names) {
      const mail = JSON.parse(await fs.readFile(path.join(folder, name), 'utf8')) as StoredMail;
      const link = mail.to === email ? kind.exec(mail.text)?.[0] : undefined;
      if (link) return link;
    }
    return null;
  };
  let link: string | null = null;
  await expect
    .poll(async () => (link = await find()), { message: `a link mailed to ${email}` })
    .not.toBeNull();
  return link ?? '';
}

/** Signs `email` in on `page` with a sign-in link by mail; ends on the personal home page. */
export async function signInByMail(page: Page, email: string, greeting: RegExp): Promise<void> {
  await page.goto('/sign-in');
  await visit(page, 'Inloggen', `sign in (${email})`);
  const since = Date.now();
  const linkForm = page.getByRole('region', { name: 'Met een link per e-mail' });
  await linkForm.getByLabel('E-mailadres').fill(email);
  await linkForm.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
  await expect(linkForm.getByRole('status')).toContainText(`het adres ${email}`);
  await page.goto(await mailedLink(email, since, /https?:\/\/\S+\/auth\/link#token=[\w-]+/));
  await visit(page, greeting, `home (${email})`);
}
