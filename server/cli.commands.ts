// The operators' commands: parsing a command line, and the work each command does on a database.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { z } from 'zod';
import { displayName, email, slug } from '../common/fields.ts';
import { orgRole, orgRoles, type OrgRole } from '../common/roles.ts';
import type { Db } from './db/client.ts';
import {
  grantActiveMembership,
  insertOrganisation,
  listOrganisationsWithMemberCounts,
  type OrganisationRow,
} from './db/operator.repo.ts';
import { findUserByEmail, insertUser, updateUserName } from './features/auth/auth.repo.ts';
import { issueLink } from './features/auth/links.service.ts';
import type { AppContext } from './http/context.ts';

/** A mistake in the command line itself; the process exits with code 2. */
export class UsageError extends Error {}

/** A command that could not do its work, e.g. an unknown organisation; the process exits with code 1. */
export class CommandError extends Error {}

type Values = Record<string, string | undefined>;
type OrgRef = { id: string; slug: string; name: string };

/** Does a command's work and returns the lines to print. */
export type Execute = (ctx: AppContext) => Promise<string[]>;

interface CommandSpec {
  name: string;
  usage: string;
  summary: string;
  options: ParseArgsOptionsConfig;
  required: string[];
  /** Checks the flag values (throwing a UsageError) before any database is opened. */
  prepare(values: Values): Execute;
}

/** The outcome of reading a command line: show the help, or run one command. */
export type ParsedCommandLine = { kind: 'help' } | { kind: 'run'; name: string; execute: Execute };

const CLI = 'npm run cli --';

function check<T>(schema: z.ZodType<T>, flag: string, value: string, expected: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new UsageError(`--${flag}: ${expected} (got ${JSON.stringify(value)})`);
}

/** Makes or refreshes a person's account with an active role in an organisation and a sign-in link. */
export async function createUser(
  ctx: AppContext,
  input: { email: string; role: OrgRole; orgSlug?: string | undefined; name?: string | undefined },
): Promise<{
  userId: string;
  email: string;
  isNew: boolean;
  org: OrgRef;
  signInUrl: string;
  expiresAt: Date;
}> {
  return ctx.database.db.transaction(async (tx) => {
    const org = await chooseOrganisation(tx, input.orgSlug);
    const now = new Date();
    const existing = await findUserByEmail(tx, input.email);
    const user = existing ?? (await insertUser(tx, { email: input.email, name: input.name ?? '' }));
    if (existing && input.name !== undefined) await updateUserName(tx, user.id, input.name, now);
    await grantActiveMembership(tx, { orgId: org.id, userId: user.id, role: input.role }, now);
    const link = await issueLink(tx, ctx.config, { userId: user.id, purpose: 'sign_in' });
    return {
      userId: user.id,
      email: user.email,
      isNew: existing === null,
      org,
      signInUrl: link.url,
      expiresAt: link.expiresAt,
    };
  });
}

// With --org: that organisation. Without: the only one, so a fresh install needs no flag.
async function chooseOrganisation(db: Db, orgSlug: string | undefined): Promise<OrgRef> {
  const all = await listOrganisationsWithMemberCounts(db);
  const slugs = all.map((o) => o.slug).join(', ');
  if (orgSlug !== undefined) {
    const chosen = all.find((o) => o.slug === orgSlug);
    if (chosen) return chosen;
    throw new CommandError(
      `there is no organisation with slug "${orgSlug}"; ${all.length ? `existing slugs: ${slugs}` : 'there are no organisations yet'}.`,
    );
  }
  const [only, ...others] = all;
  if (!only) {
    throw new CommandError(
      `there is no organisation yet; create one first: ${CLI} orgs:create --name NAME --slug SLUG`,
    );
  }
  if (others.length > 0) {
    throw new CommandError(`there are several organisations; choose one with --org (${slugs}).`);
  }
  return only;
}

/** Creates an organisation; a taken slug is a CommandError. */
export async function createOrganisation(
  ctx: AppContext,
  input: { name: string; slug: string },
): Promise<OrganisationRow> {
  const org = await insertOrganisation(ctx.database.db, input);
  if (!org) throw new CommandError(`the slug "${input.slug}" is already taken; choose another.`);
  return org;
}

/** Every organisation with its number of active members. */
export function listOrganisations(ctx: AppContext) {
  return listOrganisationsWithMemberCounts(ctx.database.db);
}

/** The commands, in the order --help lists them. */
export const commands: CommandSpec[] = [
  {
    name: 'users:create',
    usage: 'users:create --email E --role admin|facilitator|member [--org SLUG] [--name NAME]',
    summary:
      'Create a person (or refresh an existing one), make them an active member with that role, and print a one-time sign-in link.',
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      org: { type: 'string' },
      name: { type: 'string' },
    },
    required: ['email', 'role'],
    prepare(values) {
      const input = {
        email: check(email, 'email', values.email ?? '', 'an e-mail address'),
        role: check(orgRole, 'role', values.role ?? '', `one of ${orgRoles.join(', ')}`),
        orgSlug:
          values.org === undefined
            ? undefined
            : check(slug, 'org', values.org, 'an organisation slug'),
        name:
          values.name === undefined
            ? undefined
            : check(displayName, 'name', values.name, 'a name of 1 to 120 characters'),
      };
      return async (ctx) => {
        const result = await createUser(ctx, input);
        return [
          `${result.isNew ? 'Created' : 'Updated'} ${result.email}: active ${input.role} of ${result.org.name} (${result.org.slug}).`,
          `One-time sign-in link, valid until ${result.expiresAt.toISOString()}:`,
          `  ${result.signInUrl}`,
        ];
      };
    },
  },
  {
    name: 'orgs:create',
    usage: 'orgs:create --name NAME --slug SLUG',
    summary: 'Create an organisation (slug: lower-case letters, digits and hyphens).',
    options: { name: { type: 'string' }, slug: { type: 'string' } },
    required: ['name', 'slug'],
    prepare(values) {
      const input = {
        name: check(displayName, 'name', values.name ?? '', 'a name of 1 to 120 characters'),
        slug: check(
          slug,
          'slug',
          values.slug ?? '',
          'lower-case letters, digits and single hyphens',
        ),
      };
      return async (ctx) => {
        const org = await createOrganisation(ctx, input);
        return [
          `Created organisation ${org.name} (${org.slug}).`,
          `Give it an admin: ${CLI} users:create --email E --role admin --org ${org.slug}`,
        ];
      };
    },
  },
  {
    name: 'orgs:list',
    usage: 'orgs:list',
    summary: 'List the organisations with their slugs and number of active members.',
    options: {},
    required: [],
    prepare() {
      return async (ctx) => {
        const all = await listOrganisations(ctx);
        if (all.length === 0) {
          return [
            `No organisations yet; create one with: ${CLI} orgs:create --name NAME --slug SLUG`,
          ];
        }
        return all.map((o) => `${o.slug}\t${o.name}\t${o.activeMembers} active`);
      };
    },
  },
];

/** The text of --help: one line per command. */
export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `Usage: ${CLI} <command> [flags]`,
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Flags per command:',
    ...commands.map((c) => `  ${c.usage}`),
    '',
  ].join('\n');
}

// node:util's messages run over several sentences; the first one names the problem.
function firstSentence(message: string): string {
  return message.split(/\.\s/)[0]?.replace(/\.$/, '') ?? message;
}

/** Reads argv (without node and the script); throws a UsageError naming a bad command or flag. */
export function parseCommandLine(argv: string[]): ParsedCommandLine {
  const [name, ...rest] = argv;
  if (name === undefined) throw new UsageError(`no command given; see ${CLI} --help`);
  if (name === '--help' || name === '-h' || name === 'help') return { kind: 'help' };
  const command = commands.find((c) => c.name === name);
  if (command && (rest.includes('--help') || rest.includes('-h'))) return { kind: 'help' };
  if (!command) {
    throw new UsageError(
      `unknown command "${name}"; known commands: ${commands.map((c) => c.name).join(', ')}`,
    );
  }
  let values: Values;
  try {
    const parsed = parseArgs({ args: rest, options: command.options, strict: true });
    values = parsed.values as Values;
  } catch (error) {
    const reason = error instanceof Error ? firstSentence(error.message) : String(error);
    throw new UsageError(`${command.name}: ${reason}; usage: ${command.usage}`);
  }
  const missing = command.required.filter((flag) => values[flag] === undefined);
  if (missing.length > 0) {
    throw new UsageError(
      `${command.name}: missing ${missing.map((f) => `--${f}`).join(', ')}; usage: ${command.usage}`,
    );
  }
  try {
    return { kind: 'run', name: command.name, execute: command.prepare(values) };
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`${command.name}: ${error.message}`);
    throw error;
  }
}
