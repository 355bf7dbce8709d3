import type { App, AppContext } from '../../http/context.ts';

export function registerOutboxRoutes(_app: App, _ctx: AppContext): void {}
