// An in-app link that looks like a button, for "new" and "edit" actions that open another page.
import type { ReactNode } from 'react';
import { Link } from 'react-router';

const appearances = {
  primary: 'utrecht-button-link--primary-action',
  secondary: 'utrecht-button-link--secondary-action',
} as const;

/** Navigates within the app like a link (it is one) while styled as an NL Design System button. */
export function ActionLink({
  to,
  appearance = 'secondary',
  children,
}: {
  to: string;
  appearance?: keyof typeof appearances;
  children: ReactNode;
}) {
  return (
    <Link
      to={to}
      className={`utrecht-button-link utrecht-button-link--html-a ${appearances[appearance]}`}
    >
      {children}
    </Link>
  );
}
