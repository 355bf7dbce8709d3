// A vision on the big screen: the statement in large type, its target year and places, and how
// many suggestions wait for a decision. No editor: the screen only shows.
import { Heading3, Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countOpenSuggestions } from '../../../common/activities/vision.doc.ts';
import type { VisionConfig } from '../../../common/activities/vision.ts';
import { useDocVersion } from '../../collab/useDocVersion.ts';
import { formatNumber } from '../../i18n/i18n.ts';
import type { ActivityViewProps } from '../registry.types.ts';
import { VisionStatement } from './VisionStatement.tsx';
import { coveredPlaces } from './visionModel.ts';

/** The vision activity's presenter view. */
export function VisionPresenterView(props: ActivityViewProps) {
  if (props.activity.config.kind !== 'vision') return null;
  return <VisionPresenter {...props} config={props.activity.config} />;
}

function VisionPresenter({ lab, doc, config }: ActivityViewProps & { config: VisionConfig }) {
  const { t } = useTranslation('vision');
  const version = useDocVersion(doc);
  const open = useMemo(() => countOpenSuggestions(doc), [doc, version]);
  const places = coveredPlaces(lab, config);
  return (
    <div className="stadshart-vision-view stadshart-vision-view--presenter">
      <Heading3>{t('heading', { year: String(config.targetYear) })}</Heading3>
      <Paragraph>
        {t('places', { places: places.length > 0 ? places.join(', ') : t('noPlaces') })}
      </Paragraph>
      <VisionStatement doc={doc} emptyText={t('statement.empty')} isLarge />
      <Paragraph className="stadshart-vision-view__open-count">
        {t('presenter.open', { count: open, formatted: formatNumber(open) })}
      </Paragraph>
    </div>
  );
}
