// A confirmation carried across a navigation, e.g. "deleted" shown on the list the person lands on.
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useLocation } from 'react-router';

interface FlashState {
  flash: string;
}

/** Builds the navigation state that makes the next page show `message`. */
export function flashState(message: string): FlashState {
  return { flash: message };
}

/** Shows the message the previous page passed along, if any, as a polite status. */
export function FlashMessage() {
  const state: unknown = useLocation().state;
  const message =
    typeof state === 'object' &&
    state !== null &&
    'flash' in state &&
    typeof state.flash === 'string'
      ? state.flash
      : null;
  if (!message) return null;
  return (
    <Alert type="ok" role="status">
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
}
