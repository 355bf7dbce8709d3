// Messages of the outbox pages, Dutch first.
import { defineMessages } from '../../i18n/messages.ts';

export const outboxMessages = defineMessages({
  nl: {
    onlyAdmins: 'Alleen beheerders van deze organisatie kunnen de verstuurde e-mail bekijken.',
    noSubject: '(geen onderwerp)',
    list: {
      title: 'Postvak uit',
      intro:
        'Deze installatie heeft geen mailserver (SMTP). Berichten gaan daarom niet echt de deur uit, maar worden hier bewaard. U ziet alleen berichten aan mensen die lid zijn, waren of uitgenodigd zijn in deze organisatie. Zo kunt u bijvoorbeeld een uitnodigingslink zelf doorgeven.',
      smtp: 'Deze installatie verstuurt e-mail via een mailserver (SMTP). Berichten worden dan niet hier bewaard, dus er is niets te zien.',
      empty: 'Er zijn nog geen berichten.',
      caption_one: 'Bewaarde e-mail, nieuwste eerst ({{count}} bericht)',
      caption_other: 'Bewaarde e-mail, nieuwste eerst ({{count}} berichten)',
    },
    columns: {
      to: 'Aan',
      subject: 'Onderwerp',
      time: 'Tijdstip',
    },
    message: {
      title: 'Bericht',
      back: 'Terug naar het postvak uit',
      textHint:
        'Dit is de tekst zoals de ontvanger die krijgt. Links naar deze website kunt u aanklikken; andere adressen staan er als gewone tekst, die u kunt kopiëren. Let op: een link om in te loggen of een uitnodiging aan te nemen werkt maar één keer. Wilt u hem doorgeven, kopieer hem dan in plaats van erop te klikken.',
    },
  },
  en: {
    onlyAdmins: 'Only admins of this organisation can see the e-mail that was sent.',
    noSubject: '(no subject)',
    list: {
      title: 'Outbox',
      intro:
        'This installation has no mail server (SMTP). Messages therefore do not really go out, but are kept here. You only see messages to people who are, were or have been invited as members of this organisation. That way you can, for example, pass on an invitation link yourself.',
      smtp: 'This installation sends e-mail through a mail server (SMTP). Messages are not kept here, so there is nothing to see.',
      empty: 'There are no messages yet.',
      caption_one: 'Kept e-mail, newest first ({{count}} message)',
      caption_other: 'Kept e-mail, newest first ({{count}} messages)',
    },
    columns: {
      to: 'To',
      subject: 'Subject',
      time: 'Time',
    },
    message: {
      title: 'Message',
      back: 'Back to the outbox',
      textHint:
        'This is the text as the recipient gets it. Links to this website can be clicked; other addresses are shown as plain text that you can copy. Note: a link to sign in or to accept an invitation works only once. If you want to pass it on, copy it rather than clicking it.',
    },
  },
});
