// Stops the server started by the global setup with SIGTERM, as an operator would, and checks
// that it took its PostgreSQL down with it.
import fs from 'node:fs/promises';
import path from 'node:path';
import { stateFile } from './global-setup.ts';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return !isAlive(pid);
}

/** Stops the server and fails loudly if PostgreSQL outlives it. */
export default async function globalTeardown(): Promise<void> {
  const state = JSON.parse(await fs.readFile(stateFile, 'utf8')) as {
    pid: number;
    dataDir: string;
  };
  const postmaster = await fs
    .readFile(path.join(state.dataDir, 'postgres', 'postmaster.pid'), 'utf8')
    .catch(() => '');
  const postgresPid = Number.parseInt(postmaster.split('\n')[0] ?? '', 10);
  process.kill(state.pid, 'SIGTERM');
  const serverStopped = await waitForExit(state.pid, 30_000);
  const postgresStopped = Number.isInteger(postgresPid)
    ? await waitForExit(postgresPid, 30_000)
    : true;
  await fs.rm(state.dataDir, { recursive: true, force: true });
  await fs.rm(stateFile, { force: true });
  if (!serverStopped || !postgresStopped) {
    throw new Error(
      `after SIGTERM the server ${serverStopped ? 'stopped' : 'kept running'} and PostgreSQL ${postgresStopped ? 'stopped' : 'kept running'}`,
    );
  }
}
