// Sends mail over SMTP, or, without SMTP_URL, writes each message to DATA_DIR/outbox for admins to read.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { OutboxMessage } from '../../common/outbox.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** True when messages land in the outbox folder instead of going out. */
  readonly usesOutbox: boolean;
  /** Sends (or stores) one message; resolves once the SMTP server or the disk has it. */
  send(message: MailMessage): Promise<void>;
  /** Lists stored outbox messages, newest first; empty when mail goes over SMTP. */
  listOutbox(): Promise<OutboxMessage[]>;
}

/** Builds the mailer the configuration asks for. */
export function createMailer(options: {
  smtpUrl?: string | undefined;
  from: string;
  dataDir: string;
}): Mailer {
  return options.smtpUrl
    ? createSmtpMailer(options.smtpUrl, options.from)
    : createOutboxMailer(path.join(options.dataDir, 'outbox'));
}

function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    usesOutbox: false,
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
    listOutbox: () => Promise.resolve([]),
  };
}

/** A mailer that keeps each message as a JSON file in `folder`. */
export function createOutboxMailer(folder: string): Mailer {
  return {
    usesOutbox: true,
    async send(message) {
      await fs.mkdir(folder, { recursive: true, mode: 0o700 });
      const createdAt = new Date();
      // Sortable by name: timestamp first, then randomness against collisions.
      const id = `${createdAt.getTime()}-${randomBytes(6).toString('hex')}`;
      const stored: OutboxMessage = { id, ...message, createdAt: createdAt.toISOString() };
      const file = path.join(folder, `${id}.json`);
      await fs.writeFile(`${file}.tmp`, JSON.stringify(stored, null, 2), { mode: 0o600 });
      await fs.rename(`${file}.tmp`, file);
    },
    async listOutbox() {
      const names = await fs.readdir(folder).catch(() => [] as string[]);
      const messages = await Promise.all(
        names
          .filter((name) => name.endsWith('.json'))
          .map(
            async (name) =>
              JSON.parse(await fs.readFile(path.join(folder, name), 'utf8')) as OutboxMessage,
          ),
      );
      return messages.sort(
        (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
      );
    },
  };
}
