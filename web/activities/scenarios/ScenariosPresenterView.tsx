// A scenario round on the big screen: the four scenarios large, with their names, narratives and note counts, and the robust actions.
import { Heading3, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { laneKeys, type ScenariosConfig } from '../../../common/activities/scenarios.ts';
import { formatNumber } from '../../i18n/i18n.ts';
import type { ActivityViewProps } from '../registry.types.ts';
import { AxesDescription, usePolesLabel } from './ScenarioAxes.tsx';
import { gridOrder } from './scenariosModel.ts';
import { useScenariosData } from './useScenariosData.ts';

/** The scenarios activity's presenter view; read-only. */
export function ScenariosPresenterView(props: ActivityViewProps) {
  if (props.activity.config.kind !== 'scenarios') return null;
  return <ScenariosPresenter {...props} config={props.activity.config} />;
}

function ScenariosPresenter({
  activity,
  doc,
  config,
}: ActivityViewProps & { config: ScenariosConfig }) {
  const { t } = useTranslation('scenarios');
  const data = useScenariosData(doc);
  const polesLabel = usePolesLabel(config);
  const idPrefix = `presenter-scenarios-${activity.id}`;
  const robust = data.actions
    .filter((item) => item.robust)
    .sort((a, b) => b.holdsIn.length - a.holdsIn.length);
  const others = data.actions.length - robust.length;

  return (
    <div className="stadshart-scenarios stadshart-scenarios--presenter">
      <AxesDescription config={config} />
      <ul className="stadshart-scenarios-grid" aria-label={t('grid.label')}>
        {gridOrder.map((quadrant) => {
          const value = data.quadrants[quadrant];
          const lanes = data.notesByLane.get(quadrant);
          const headingId = `${idPrefix}-${quadrant}`;
          return (
            <li key={quadrant} className="stadshart-scenarios-grid__cell">
              <section
                className={`stadshart-scenarios-quadrant stadshart-scenarios-quadrant--${quadrant}`}
                aria-labelledby={headingId}
              >
                <Heading3 id={headingId}>{polesLabel(quadrant)}</Heading3>
                <Paragraph className="stadshart-scenarios-quadrant__name">
                  {value.name.trim() || t('quadrant.unnamed')}
                </Paragraph>
                {value.narrative.trim() && (
                  <Paragraph className="stadshart-multiline">{value.narrative.trim()}</Paragraph>
                )}
                <ul className="stadshart-scenarios-counts">
                  {laneKeys.map((lane) => {
                    const count = lanes?.get(lane)?.length ?? 0;
                    return (
                      <li key={lane}>
                        {t('presenter.laneCount', {
                          lane: t(`lanesShort.${lane}`),
                          formatted: formatNumber(count),
                        })}
                      </li>
                    );
                  })}
                </ul>
              </section>
            </li>
          );
        })}
      </ul>
      <section aria-labelledby={`${idPrefix}-robust`} className="stadshart-scenarios-actions">
        <Heading3 id={`${idPrefix}-robust`}>{t('presenter.robustTitle')}</Heading3>
        {robust.length === 0 ? (
          <Paragraph>{t('presenter.noRobust')}</Paragraph>
        ) : (
          <ul className="stadshart-scenarios-robust-list">
            {robust.map((item) => (
              <li key={item.action.id}>
                <span aria-hidden="true">★ </span>
                <span className="stadshart-scenarios-robust-list__title">
                  {item.action.title}
                </span>{' '}
                ({t('actions.holdsCount', { holds: formatNumber(item.holdsIn.length) })})
              </li>
            ))}
          </ul>
        )}
        {others > 0 && (
          <Paragraph>
            {t('presenter.otherActions', { count: others, formatted: formatNumber(others) })}
          </Paragraph>
        )}
      </section>
    </div>
  );
}
