import type { App, AppContext } from '../../http/context.ts';

export function registerPlacesRoutes(_app: App, _ctx: AppContext): void {}
