import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DataDirError,
  sharedBuffersMb,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from './embedded.ts';

let dataDir: string;
let first: EmbeddedDatabase | null = null;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'stadshart-embedded-'));
  await fs.chmod(dataDir, 0o755);
});
afterAll(async () => {
  await first?.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('sharedBuffersMb', () => {
  it('gives an eighth of the memory, from 128 MB up to 1 GB', () => {
    const gb = 1024 ** 3;
    expect(sharedBuffersMb(0.5 * gb)).toBe(128);
    expect(sharedBuffersMb(4 * gb)).toBe(512);
    expect(sharedBuffersMb(24 * gb)).toBe(1024);
  });
});

describe('embedded PostgreSQL', () => {
  it('initialises a cluster, keeps data across a restart, and refuses a second user of the folder', async () => {
    first = await startEmbeddedPostgres({ dataDir });
    const client = new pg.Client({ connectionString: first.adminUrl });
    await client.connect();
    const buffers = await client.query<{ shared_buffers: string }>('show shared_buffers');
    expect(buffers.rows[0]?.shared_buffers).toBe(
      sharedBuffersMb(os.totalmem()) % 1024 === 0
        ? `${sharedBuffersMb(os.totalmem()) / 1024}GB`
        : `${sharedBuffersMb(os.totalmem())}MB`,
    );
    await client.query('create table kept (value text)');
    await client.query("insert into kept values ('IJmuiden')");
    await client.end();

    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(DataDirError);
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(
      /already running on .* stop it first, or set DATA_DIR/,
    );

    await first.stop();
    first = null;
    await expect(fs.access(path.join(dataDir, 'stadshart.pid'))).rejects.toThrow();

    first = await startEmbeddedPostgres({ dataDir });
    const again = new pg.Client({ connectionString: first.adminUrl });
    await again.connect();
    const rows = await again.query<{ value: string }>('select value from kept');
    await again.end();
    expect(rows.rows).toEqual([{ value: 'IJmuiden' }]);
  }, 120_000);

  it('takes over a lock left by a process that no longer exists', async () => {
    await first?.stop();
    first = null;
    await fs.writeFile(path.join(dataDir, 'stadshart.pid'), '999999');
    first = await startEmbeddedPostgres({ dataDir });
    expect(first.adminUrl).toMatch(/^postgres:\/\//);
  }, 120_000);

  it('stops a PostgreSQL left running by a server that was killed outright', async () => {
    await first?.stop();
    first = null;
    const script = `
      const { startEmbeddedPostgres } = await import(${JSON.stringify(path.join(import.meta.dirname, 'embedded.ts'))});
      await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} });
      process.stdout.write('ready\\n');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
    });
    const orphan = Number.parseInt(
      (await fs.readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split(
        '\n',
      )[0] ?? '',
      10,
    );
    child.removeAllListeners('exit');
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(() => process.kill(orphan, 0)).not.toThrow();

    first = await startEmbeddedPostgres({ dataDir });
    expect(() => process.kill(orphan, 0)).toThrow();
  }, 120_000);

  it.runIf(os.userInfo().uid === 0)(
    'explains in one line when the postgres user cannot reach the data folder',
    async () => {
      const closed = await fs.mkdtemp(path.join(os.tmpdir(), 'stadshart-closed-'));
      await fs.chmod(closed, 0o700);
      try {
        await expect(startEmbeddedPostgres({ dataDir: path.join(closed, 'data') })).rejects.toThrow(
          /cannot reach .* closed to other users; set DATA_DIR/,
        );
      } finally {
        await fs.rm(closed, { recursive: true, force: true });
      }
    },
  );
});
