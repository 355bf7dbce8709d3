// The server's list of activity kinds: the only place that maps a kind to its module (ADR 0002).
import type { ActivityKind } from '../../common/activities/registry.ts';
import { canvasModule } from './canvas/canvas.module.ts';
import { pollModule } from './poll/poll.module.ts';
import type { ServerActivityModule } from './registry.types.ts';

export const activityModules: Record<ActivityKind, ServerActivityModule> = {
  canvas: canvasModule,
  poll: pollModule,
};

/** Returns the server module of an activity kind. */
export function moduleFor(kind: ActivityKind): ServerActivityModule {
  return activityModules[kind];
}
