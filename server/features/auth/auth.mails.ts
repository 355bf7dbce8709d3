// The texts of the mails sign-in sends: plain text, Dutch first, English below it in the same mail.
import type { MailMessage } from '../../mail/mailer.ts';

/** What every link mail needs: the recipient, the one-time link and how long it stays valid. */
export interface LinkMailInput {
  to: string;
  url: string;
  validMinutes: number;
}

const SEPARATOR = '— English below —';
const SIGNATURE_NL = 'Stadshart';
const SIGNATURE_EN = 'Stadshart';

function validityNl(minutes: number): string {
  return minutes === 1 ? '1 minuut' : `${minutes} minuten`;
}

function validityEn(minutes: number): string {
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

function compose(to: string, subject: string, dutch: string[], english: string[]): MailMessage {
  return {
    to,
    subject,
    text: [...dutch, '', SIGNATURE_NL, '', SEPARATOR, '', ...english, '', SIGNATURE_EN, ''].join(
      '\n',
    ),
  };
}

/** The mail with a one-time sign-in link ("magic link"). */
export function signInLinkMail(input: LinkMailInput): MailMessage {
  return compose(
    input.to,
    'Uw inloglink voor Stadshart / Your sign-in link for Stadshart',
    [
      'Hallo,',
      '',
      'Met deze link logt u in bij Stadshart, zonder wachtwoord:',
      '',
      input.url,
      '',
      `De link werkt één keer en vervalt na ${validityNl(input.validMinutes)}.`,
      'Heeft u niet om deze link gevraagd? Dan kunt u deze mail negeren; er verandert niets.',
    ],
    [
      'Hello,',
      '',
      'This link signs you in to Stadshart, no password needed:',
      '',
      input.url,
      '',
      `It works once and expires after ${validityEn(input.validMinutes)}.`,
      'Did not ask for it? Ignore this mail; nothing changes.',
    ],
  );
}

/** The mail that asks a person to confirm their address. */
export function verifyEmailMail(input: LinkMailInput): MailMessage {
  return compose(
    input.to,
    'Bevestig uw e-mailadres / Confirm your e-mail address',
    [
      'Hallo,',
      '',
      'Klik op deze link om te bevestigen dat dit uw e-mailadres is:',
      '',
      input.url,
      '',
      `De link werkt één keer en vervalt na ${validityNl(input.validMinutes)}.`,
    ],
    [
      'Hello,',
      '',
      'Follow this link to confirm that this address is yours:',
      '',
      input.url,
      '',
      `It works once and expires after ${validityEn(input.validMinutes)}.`,
    ],
  );
}

/** The mail with a link to choose a new password. */
export function passwordResetMail(input: LinkMailInput): MailMessage {
  return compose(
    input.to,
    'Nieuw wachtwoord instellen / Choose a new password',
    [
      'Hallo,',
      '',
      'Iemand (hopelijk u) vroeg om een nieuw wachtwoord voor uw Stadshart-account.',
      'Via deze link kiest u een nieuw wachtwoord:',
      '',
      input.url,
      '',
      `De link werkt één keer en vervalt na ${validityNl(input.validMinutes)}.`,
      'Zodra u een nieuw wachtwoord kiest, wordt u op al uw andere apparaten uitgelogd.',
      'Heeft u hier niet om gevraagd? Negeer deze mail; uw huidige wachtwoord blijft gewoon werken.',
    ],
    [
      'Hello,',
      '',
      'Someone (hopefully you) asked for a new password for your Stadshart account.',
      'Choose one through this link:',
      '',
      input.url,
      '',
      `It works once and expires after ${validityEn(input.validMinutes)}.`,
      'Choosing a new password signs you out on all your other devices.',
      'Did not ask for this? Ignore this mail; your current password keeps working.',
    ],
  );
}
