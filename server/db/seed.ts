import type { AppContext } from '../http/context.ts';

export async function seedDemoIfEmpty(
  _ctx: AppContext,
): Promise<{ adminEmail: string; signInUrl: string; expiresAt: Date } | null> {
  return null;
}
