import type { App, AppContext } from '../../http/context.ts';

export function registerOrgRoutes(_app: App, _ctx: AppContext): void {}
