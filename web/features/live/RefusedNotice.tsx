// Tells the person which of their changes the server did not keep, in their own words where possible.
import {
  Alert,
  Button,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { Lab } from '../../../common/labs.ts';
import type { RefusedChanges } from '../../collab/labConnection.ts';
import { lostChangeText } from '../../collab/lostChanges.ts';

/** One notice per refusal: why, the texts that were lost, and a button to close it. */
export function RefusedNotice({
  lab,
  refused,
  onDismiss,
}: {
  lab: Lab;
  refused: RefusedChanges;
  onDismiss: () => void;
}) {
  const { t } = useTranslation('live');
  const activity =
    lab.activities.find((candidate) => candidate.documentName === refused.documentName)?.title ??
    lab.title;
  const texts = refused.lost.map((change) => lostChangeText(change)).filter((x) => x !== null);
  const others = refused.lost.length - texts.length;
  return (
    <Alert type="warning" role="presentation" className="stadshart-live-refused">
      <Paragraph>
        <strong>{t('refused.title')}</strong>
      </Paragraph>
      <Paragraph>{t(`refused.${refused.reason}`, { activity })}</Paragraph>
      {texts.length > 0 && (
        <>
          <Paragraph>{t('refused.list')}</Paragraph>
          <UnorderedList>
            {texts.map((text, index) => (
              <UnorderedListItem key={index}>{text}</UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
      {others > 0 && <Paragraph>{t('refused.other', { count: others })}</Paragraph>}
      <Paragraph>{t('refused.reloaded')}</Paragraph>
      <Button appearance="secondary-action-button" onClick={onDismiss}>
        {t('refused.dismiss')}
      </Button>
    </Alert>
  );
}
