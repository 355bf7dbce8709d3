// The web side of every activity kind: one line per kind (ADR 0002).
import type { ActivityKind } from '../../common/activities/registry.ts';
import { canvasWebModule } from './canvas/canvasModule.ts';
import { pollWebModule } from './poll/pollModule.ts';
import type { WebActivityModule } from './registry.types.ts';

export const webActivityModules: Record<ActivityKind, WebActivityModule> = {
  canvas: canvasWebModule,
  poll: pollWebModule,
};

/** Returns the web module of an activity kind; every kind has one, so this never fails. */
export function moduleFor(kind: ActivityKind): WebActivityModule {
  return webActivityModules[kind];
}
