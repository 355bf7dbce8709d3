// The regional positioning on the big screen: the matrix, the summary and the agreements, large.
import { useTranslation } from 'react-i18next';
import type { PositioningConfig } from '../../../common/activities/positioning.ts';
import type { ActivityViewProps } from '../registry.types.ts';
import { AgreementList } from './AgreementList.tsx';
import { PositioningMatrix, PositioningSummary } from './PositioningMatrix.tsx';
import { usePositioningData } from './usePositioningData.ts';

/** The positioning activity's presenter view; nothing here can be changed. */
export function PositioningPresenterView(props: ActivityViewProps) {
  if (props.activity.config.kind !== 'positioning') return null;
  return <PositioningPresenter {...props} config={props.activity.config} />;
}

function PositioningPresenter({
  lab,
  activity,
  doc,
  config,
}: ActivityViewProps & { config: PositioningConfig }) {
  const { i18n } = useTranslation('positioning');
  const locale = i18n.language === 'en' ? 'en' : 'nl';
  const data = usePositioningData(doc, config, lab);
  return (
    <div className="stadshart-positioning stadshart-positioning--presenter stadshart-stack">
      <PositioningMatrix config={config} data={data} locale={locale} />
      <PositioningSummary data={data} />
      <AgreementList
        activityId={activity.id}
        config={config}
        data={data}
        locale={locale}
        actions={null}
        size="large"
      />
    </div>
  );
}
