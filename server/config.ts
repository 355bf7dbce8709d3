// Configuration comes from environment variables only; this module is where they are read and checked.
import path from 'node:path';
import { z } from 'zod';
import { collabDefaults } from '../common/collab.ts';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const positiveMinutes = z.coerce.number().int().positive();

/** Every variable Stadshart reads, with its default; README.md has the same table for people. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// connection URL')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.nl:587')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Stadshart <no-reply@localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: positiveMinutes.default(8 * 60),
  SESSION_ABSOLUTE_MINUTES: positiveMinutes.default(14 * 24 * 60),
  LINK_TTL_MINUTES: positiveMinutes.default(30),
  INVITE_TTL_DAYS: z.coerce.number().int().positive().default(7),
  SECURITY_CONTACT: z.string().min(3).optional(),
  TRUST_PROXY: booleanFlag.default(false),
  SEED_DEMO: booleanFlag.default(true),
  // Realtime limits (docs/COLLAB_SPEC.md, "Limits"); defaults live in common/collab.ts.
  COLLAB_DEBOUNCE_MS: z.coerce.number().int().min(0).max(60_000).default(collabDefaults.debounceMs),
  COLLAB_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(collabDefaults.maxMessageBytes),
  NOTE_MAX_LENGTH: z.coerce.number().int().min(1).max(10_000).default(collabDefaults.noteMaxLength),
  NOTES_PER_MINUTE: z.coerce.number().int().min(1).default(collabDefaults.notesPerMinute),
  LAB_MAX_PARTICIPANTS: z.coerce.number().int().min(1).default(collabDefaults.labMaxParticipants),
  // Signs knowledge items' collaboration tokens (docs/COLLAB_SPEC.md, B2); every app node behind
  // one load balancer needs the same value. Unset: a random key per process.
  COLLAB_TOKEN_SECRET: z.string().min(32, 'at least 32 characters').optional(),
});

export type RawConfig = z.infer<typeof configSchema>;

/** The validated configuration with derived values filled in. */
export type Config = Omit<RawConfig, 'PUBLIC_URL' | 'SECURITY_CONTACT'> & {
  PUBLIC_URL: string;
  SECURITY_CONTACT: string;
  /** DATA_DIR made absolute. */
  dataDir: string;
  /** True when PUBLIC_URL is https, so cookies get Secure and responses get HSTS. */
  isHttps: boolean;
  /** The origin browsers send in the Origin header for this site. */
  publicOrigin: string;
};

/** Thrown with one line per wrong variable, each naming the variable and what it expects. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/** Reads and checks the environment; throws a ConfigError that names each wrong variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset: `FOO= npm start` should mean "use the default".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        return `${name}: ${issue.message} (got ${JSON.stringify(cleaned[name] ?? null)})`;
      }),
    );
  }
  const raw = parsed.data;
  const publicUrl = (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, '');
  const url = new URL(publicUrl);
  return {
    ...raw,
    PUBLIC_URL: publicUrl,
    SECURITY_CONTACT: raw.SECURITY_CONTACT ?? `mailto:security@${url.hostname}`,
    dataDir: path.resolve(raw.DATA_DIR),
    isHttps: url.protocol === 'https:',
    publicOrigin: url.origin,
  };
}
