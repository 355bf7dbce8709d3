// Field schemas reused across resources, so a rule such as "what is an e-mail address" lives once.
import { z } from 'zod';

export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
export const NAME_MAX = 120;

/** An e-mail address, trimmed and lower-cased so the same person is never two accounts. */
export const email = z
  .string()
  .trim()
  .max(EMAIL_MAX)
  .pipe(z.email())
  .transform((value) => value.toLowerCase());

/** A new password: long rather than complicated (NIST SP 800-63B). */
export const newPassword = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);

/** A person's or thing's display name: trimmed, not empty. */
export const displayName = z.string().trim().min(1).max(NAME_MAX);

/** An organisation slug as it appears in URLs. */
export const slug = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens');

export const uuid = z.uuid();

/** A colour as #rrggbb. */
export const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb');

export const locales = ['nl', 'en'] as const;
export const locale = z.enum(locales);
export type Locale = z.infer<typeof locale>;

/** An ISO 8601 timestamp as sent over the wire. */
export const isoDateTime = z.iso.datetime({ offset: true });
