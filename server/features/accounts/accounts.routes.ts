import type { App, AppContext } from '../../http/context.ts';

export function registerAccountRoutes(_app: App, _ctx: AppContext): void {}
