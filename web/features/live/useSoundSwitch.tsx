// The "sound off" switch for the timer's end signal, remembered in this browser.
import { FormFieldCheckbox } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useStoredToggle } from './useStoredToggle.ts';

const SOUND_OFF_KEY = 'stadshart.live.soundOff';

/** Whether the person turned the timer's sound off, and the checkbox that does it. */
export function useSoundSwitch(): { isMuted: boolean; toggle: React.ReactNode } {
  const { t } = useTranslation('live');
  const [isMuted, setMuted] = useStoredToggle(SOUND_OFF_KEY, false);
  const toggle = (
    <FormFieldCheckbox
      label={t('timer.mute')}
      checked={isMuted}
      onChange={(event: React.ChangeEvent<HTMLInputElement>) => setMuted(event.target.checked)}
    />
  );
  return { isMuted, toggle };
}
