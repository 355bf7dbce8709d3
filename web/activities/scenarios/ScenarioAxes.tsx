// How the two axes are put into words: the phrase that names a scenario, and what runs where in the grid.
import { useTranslation } from 'react-i18next';
import type { QuadrantKey, ScenariosConfig } from '../../../common/activities/scenarios.ts';
import { lowerFirst, polesFor } from './scenariosModel.ts';

/** Both poles of a scenario as one phrase, e.g. "Veel digitalisering, weinig circulair". */
export function usePolesLabel(config: ScenariosConfig): (quadrant: QuadrantKey) => string {
  const { t } = useTranslation('scenarios');
  return (quadrant) => {
    const [first, second] = polesFor(config, quadrant);
    return t('grid.poles', { first, second: lowerFirst(second) });
  };
}

/** The axes in words: which runs left to right and which bottom to top. */
export function AxesDescription({ config }: { config: ScenariosConfig }) {
  const { t } = useTranslation('scenarios');
  const [horizontal, vertical] = config.axes;
  return (
    <ul className="stadshart-scenarios__axes">
      <li>
        {t('axes.horizontal', {
          label: horizontal.label,
          low: horizontal.low,
          high: horizontal.high,
        })}
      </li>
      <li>
        {t('axes.vertical', { label: vertical.label, low: vertical.low, high: vertical.high })}
      </li>
    </ul>
  );
}
