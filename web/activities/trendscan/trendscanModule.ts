// The trend scan activity's web module: views, settings form and the settings of a new scan.
import type { ActivityConfig } from '../../../common/activities/registry.ts';
import { DEFAULT_THEME_COUNT } from '../../../common/activities/trendscan.ts';
import { builtinCatalogue } from '../../../common/trends.builtin.ts';
import type { WebActivityModule } from '../registry.types.ts';
import { TrendscanConfigForm } from './TrendscanConfigForm.tsx';
import { TrendscanPresenterView } from './TrendscanPresenterView.tsx';
import { TrendscanView } from './TrendscanView.tsx';
import { catalogueItems } from './trendscanModel.ts';

/** A new scan scores the six built-in trends as a whole (copied, so later edits stay local). */
export function defaultTrendscanConfig(): ActivityConfig {
  return {
    kind: 'trendscan',
    items: catalogueItems(builtinCatalogue).filter((item) => item.kind === 'trend'),
    allowNewDevelopments: true,
    themeCount: DEFAULT_THEME_COUNT,
  };
}

export const trendscanWebModule: WebActivityModule = {
  kind: 'trendscan',
  labelKey: 'kinds.trendscan',
  ParticipantView: TrendscanView,
  PresenterView: TrendscanPresenterView,
  ConfigForm: TrendscanConfigForm,
  defaultConfig: defaultTrendscanConfig,
};
