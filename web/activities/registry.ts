// The web side of every activity kind: one line per kind (ADR 0002).
import type { ActivityKind } from '../../common/activities/registry.ts';
import { actionsWebModule } from './actions/actionsModule.ts';
import { canvasWebModule } from './canvas/canvasModule.ts';
import { pollWebModule } from './poll/pollModule.ts';
import { positioningWebModule } from './positioning/positioningModule.ts';
import { scenariosWebModule } from './scenarios/scenariosModule.ts';
import { trendscanWebModule } from './trendscan/trendscanModule.ts';
import { visionWebModule } from './vision/visionModule.ts';
import type { WebActivityModule } from './registry.types.ts';

export const webActivityModules: Record<ActivityKind, WebActivityModule> = {
  canvas: canvasWebModule,
  poll: pollWebModule,
  trendscan: trendscanWebModule,
  scenarios: scenariosWebModule,
  vision: visionWebModule,
  positioning: positioningWebModule,
  actions: actionsWebModule,
};

/** Returns the web module of an activity kind; every kind has one, so this never fails. */
export function moduleFor(kind: ActivityKind): WebActivityModule {
  return webActivityModules[kind];
}
