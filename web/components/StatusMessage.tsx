// A confirmation after saving, in a live region that exists before the message so it is announced.
import { Alert, Paragraph } from '@utrecht/component-library-react';

/** Announces `message` politely to screen readers and shows it as a success note; empty when null. */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <div role="status">
      {message && (
        // The outer element is the live region; the alert itself needs no second role.
        <Alert type="ok" role="presentation">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
    </div>
  );
}
