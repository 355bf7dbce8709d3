// The server's list of activity kinds: the only place that maps a kind to its module (ADR 0002).
import type { ActivityKind } from '../../common/activities/registry.ts';
import { actionsModule } from './actions/actions.module.ts';
import { canvasModule } from './canvas/canvas.module.ts';
import { pollModule } from './poll/poll.module.ts';
import { positioningModule } from './positioning/positioning.module.ts';
import { scenariosModule } from './scenarios/scenarios.module.ts';
import { trendscanModule } from './trendscan/trendscan.module.ts';
import { visionModule } from './vision/vision.module.ts';
import type { ServerActivityModule } from './registry.types.ts';

export const activityModules: Record<ActivityKind, ServerActivityModule> = {
  canvas: canvasModule,
  poll: pollModule,
  trendscan: trendscanModule,
  scenarios: scenariosModule,
  vision: visionModule,
  positioning: positioningModule,
  actions: actionsModule,
};

/** Returns the server module of an activity kind. */
export function moduleFor(kind: ActivityKind): ServerActivityModule {
  return activityModules[kind];
}
