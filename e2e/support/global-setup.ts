// Starts a real Stadshart (npm start's code path) on a free port with a fresh data folder, and
// hands the printed one-time admin link to the tests.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { assertChromiumInstalled } from './browser.ts';

const root = path.resolve(import.meta.dirname, '../..');
// Global setup and teardown run in the runner's own process: its pid keeps two runs on one
// machine from stopping each other's server.
export const stateFile = path.join(os.tmpdir(), `stadshart-e2e-state-${process.pid}.json`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Starts the server and waits for its sign-in link; the teardown stops it. */
export default async function globalSetup(): Promise<void> {
  assertChromiumInstalled();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'stadshart-e2e-'));
  await fs.chmod(dataDir, 0o755);
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const child = spawn(process.execPath, ['server/start.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      PUBLIC_URL: baseUrl,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const adminLink = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not print a sign-in link in time:\n${output}`)),
      120_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(https?:\/\/\S+#token=[A-Za-z0-9_-]+)/.exec(output);
      if (match?.[1] && output.includes('Stadshart is running')) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  child.stdout.removeAllListeners('data');
  child.stderr.removeAllListeners('data');
  child.removeAllListeners('exit');
  // Keep draining output so the server never blocks on a full pipe.
  child.stdout.resume();
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  await fs.writeFile(stateFile, JSON.stringify({ pid: child.pid, dataDir, baseUrl, adminLink }));
  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_ADMIN_LINK = adminLink;
  process.env.E2E_DATA_DIR = dataDir;
}
