// Every activity kind the platform knows. Adding a kind: one file here, one folder in
// server/activities/ and one in web/activities/, and one line in each registry (ADR 0002).
import { z } from 'zod';
import { actionsConfig } from './actions.ts';
import { canvasConfig } from './canvas.ts';
import { pollConfig } from './poll.ts';
import { positioningConfig } from './positioning.ts';
import { scenariosConfig } from './scenarios.ts';
import { trendscanConfig } from './trendscan.ts';
import { visionConfig } from './vision.ts';

export const activityKinds = [
  'canvas',
  'poll',
  'trendscan',
  'scenarios',
  'vision',
  'positioning',
  'actions',
] as const;
export const activityKind = z.enum(activityKinds);
export type ActivityKind = z.infer<typeof activityKind>;

/** An activity's settings; `kind` inside the config must match the activity's kind. */
export const activityConfig = z.discriminatedUnion('kind', [
  canvasConfig,
  pollConfig,
  trendscanConfig,
  scenariosConfig,
  visionConfig,
  positioningConfig,
  actionsConfig,
]);
export type ActivityConfig = z.infer<typeof activityConfig>;
