// The live region that says what changes in the lab, politely and not too often, with an off switch.
import { FormFieldCheckbox } from '@utrecht/component-library-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createAnnouncer } from './announcer.ts';
import { useStoredToggle } from './useStoredToggle.ts';

const ANNOUNCER_KEY = 'stadshart.live.announcements';

export interface LiveAnnouncer {
  /** Says `message` to screen readers (rate-limited, merged, silent when switched off). */
  announce: (message: string) => void;
  /** The aria-live region; render it once, early on the page, so it exists before it speaks. */
  region: React.ReactNode;
  /** The switch that turns announcements on and off (remembered in this browser). */
  toggle: React.ReactNode;
}

/** One announcer per page: a stable `announce` function plus its region and switch. */
export function useLiveAnnouncer(): LiveAnnouncer {
  const { t } = useTranslation('live');
  const [isEnabled, setEnabled] = useStoredToggle(ANNOUNCER_KEY, true);
  const [message, setMessage] = useState('');
  const tRef = useRef(t);
  tRef.current = t;
  const announcer = useMemo(
    () =>
      createAnnouncer({
        emit: setMessage,
        describeMore: (count) => tRef.current('announcer.more', { count }),
      }),
    [],
  );
  useEffect(() => () => announcer.dispose(), [announcer]);
  useEffect(() => {
    announcer.setEnabled(isEnabled);
    if (!isEnabled) setMessage('');
  }, [announcer, isEnabled]);
  const announce = useCallback((text: string) => announcer.announce(text), [announcer]);

  const region = (
    <div className="stadshart-visually-hidden" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
  const toggle = (
    <FormFieldCheckbox
      label={t('announcer.toggle')}
      checked={isEnabled}
      onChange={(event: React.ChangeEvent<HTMLInputElement>) => setEnabled(event.target.checked)}
    />
  );
  return { announce, region, toggle };
}
