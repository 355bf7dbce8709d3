// The texts of mails about membership; Dutch first, English second, plain text only.
import type { OrgRole } from '../../../common/roles.ts';
import type { MailMessage } from '../../mail/mailer.ts';

const roleNames: Record<OrgRole, { nl: string; en: string }> = {
  admin: { nl: 'beheerder', en: 'admin' },
  facilitator: { nl: 'begeleider', en: 'facilitator' },
  member: { nl: 'lid', en: 'member' },
};

// Names end up in the subject line; a line break there would start a new mail header.
function singleLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').trim();
}

/** The invitation to join an organisation, carrying the one-time link to /welcome. */
export function buildInvitationMail(invitation: {
  to: string;
  orgName: string;
  inviterName: string;
  role: OrgRole;
  url: string;
  validDays: number;
}): MailMessage {
  const orgName = singleLine(invitation.orgName);
  const inviter = singleLine(invitation.inviterName) || 'Een beheerder';
  const inviterEn = singleLine(invitation.inviterName) || 'An admin';
  const role = roleNames[invitation.role];
  const text = [
    'Hallo,',
    '',
    `${inviter} nodigt u uit voor ${orgName} op Stadshart, het platform voor binnenstadslabs. U doet mee als ${role.nl}.`,
    '',
    'Maak uw account af en neem de uitnodiging aan via deze link:',
    invitation.url,
    '',
    `De link is ${invitation.validDays} dagen geldig en werkt één keer. Had u deze uitnodiging niet verwacht? Dan kunt u dit bericht gewoon negeren.`,
    '',
    '---',
    '',
    'Hello,',
    '',
    `${inviterEn} invites you to ${orgName} on Stadshart, the platform for city centre labs. You will take part as ${role.en}.`,
    '',
    'Finish your account and accept the invitation with this link:',
    invitation.url,
    '',
    `The link is valid for ${invitation.validDays} days and works once. Not expecting this invitation? Then you can simply ignore this message.`,
    '',
  ].join('\n');
  return {
    to: invitation.to,
    subject: `Uitnodiging voor ${orgName} / Invitation to ${orgName}`,
    text,
  };
}
