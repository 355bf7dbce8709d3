// `npm start`: builds the web app when its sources changed since the last build, then starts the server.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const stampFile = path.join(root, 'dist', 'web', '.source-hash');
const sourceEntries = ['web', 'common', 'index.html', 'vite.config.ts', 'package-lock.json'];

async function hashSources(): Promise<string> {
  const hash = createHash('sha256');
  async function walk(entry: string): Promise<void> {
    const full = path.join(root, entry);
    const stat = await fs.stat(full).catch(() => null);
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of (await fs.readdir(full)).sort()) await walk(path.join(entry, name));
    } else {
      hash.update(entry).update(await fs.readFile(full));
    }
  }
  for (const entry of sourceEntries) await walk(entry);
  return hash.digest('hex');
}

/** Rebuilds dist/web when the hash of its sources differs from the one stored with the last build. */
export async function buildWebIfStale(): Promise<void> {
  const current = await hashSources();
  const built = await fs.readFile(stampFile, 'utf8').catch(() => '');
  if (built === current) return;
  process.stdout.write('Building the web app (first start or changed sources)…\n');
  const { build } = await import('vite');
  await build({ root, logLevel: 'warn', configFile: path.join(root, 'vite.config.ts') });
  await fs.writeFile(stampFile, current);
}

await buildWebIfStale();
const { main } = await import('./main.ts');
await main();
