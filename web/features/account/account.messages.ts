// Messages of the account pages, Dutch first.
import { defineMessages } from '../../i18n/messages.ts';

export const accountMessages = defineMessages({
  nl: {
    title: 'Mijn account',
    passwordReset: 'Uw nieuwe wachtwoord is opgeslagen en u bent ingelogd.',
    profile: {
      heading: 'Profiel',
      initials: 'Anderen zien uw initialen: {{initials}}',
      name: 'Naam',
      nameHint: 'Zo zien anderen u in labs en leertrajecten.',
      function: 'Functie',
      functionHint: 'Kies een van de suggesties of typ uw eigen functie.',
      functions: {
        ambtenaar: 'ambtenaar',
        wethouder: 'wethouder',
        binnenstadsmanager: 'binnenstadsmanager',
        ondernemer: 'ondernemer',
        onderzoeker: 'onderzoeker',
        adviseur: 'adviseur',
      },
      municipality: 'Gemeente of organisatie',
      municipalityHint: 'Bijvoorbeeld Velsen, of de ondernemersvereniging waarvoor u werkt.',
      locale: 'Taal',
      locales: { nl: 'Nederlands', en: 'English' },
      submit: 'Profiel opslaan',
      saved: 'Uw profiel is opgeslagen.',
    },
    email: {
      heading: 'E-mailadres',
      address: 'E-mailadres',
      state: 'Status',
      verified: 'Bevestigd',
      unverified: 'Nog niet bevestigd',
      unverifiedHint:
        'Bevestig uw adres met de link uit de mail die we u stuurden. Geen mail gekregen of is de link verlopen? Vraag een nieuwe aan.',
      resend: 'Stuur de bevestigingsmail opnieuw',
      resent: 'Er is een nieuwe bevestigingsmail naar {{email}} onderweg.',
    },
    password: {
      heading: 'Wachtwoord',
      setIntro:
        'U logt nu in met een link per e-mail. Stel een wachtwoord in als u ook met een wachtwoord wilt kunnen inloggen.',
      changeIntro: 'Na het wijzigen van uw wachtwoord wordt u op al uw andere apparaten uitgelogd.',
      current: 'Huidig wachtwoord',
      new: 'Nieuw wachtwoord',
      incorrect: 'Dit is niet uw huidige wachtwoord.',
      submitSet: 'Wachtwoord instellen',
      submitChange: 'Wachtwoord wijzigen',
      saved: 'Uw wachtwoord is opgeslagen. Op uw andere apparaten bent u uitgelogd.',
    },
    sessions: {
      heading: 'Ingelogde apparaten',
      intro:
        'Bent u nog ingelogd op een computer die niet van u is, of bent u een telefoon kwijt? Log dan op alle apparaten tegelijk uit, ook op dit apparaat.',
      submit: 'Overal uitloggen',
    },
    data: {
      heading: 'Mijn gegevens',
      intro:
        'Download alles wat Stadshart over u bewaart: uw profiel, uw lidmaatschappen en de apparaten waarop u bent ingelogd. U krijgt één bestand (JSON) dat u kunt bewaren of met een ander programma kunt openen.',
      download: 'Mijn gegevens downloaden',
    },
    delete: {
      heading: 'Account verwijderen',
      intro:
        'Wilt u Stadshart niet meer gebruiken? Dan kunt u uw account verwijderen. Dit gebeurt er dan:',
      consequenceProfile: 'Uw naam, e-mailadres en profiel worden gewist.',
      consequenceAccess:
        'U bent geen lid meer van uw organisaties en u wordt op al uw apparaten uitgelogd.',
      consequenceFinal:
        'U kunt dit niet ongedaan maken. Wilt u uw gegevens bewaren? Download ze dan eerst.',
      start: 'Ik wil mijn account verwijderen',
      confirmEmail: 'Typ uw e-mailadres om te bevestigen',
      confirmEmailHint: 'Uw e-mailadres is {{email}}.',
      mismatch: 'Dit is niet het e-mailadres van uw account.',
      confirm: 'Mijn account definitief verwijderen',
      cancel: 'Niet verwijderen',
      lastAdminHeading: 'Eerst een andere beheerder nodig',
      lastAdminText:
        'U bent de laatste beheerder van een organisatie. Maak eerst iemand anders beheerder; daarna kunt u uw account verwijderen. U bent beheerder van:',
      lastAdminLink: 'Leden van {{org}}',
    },
  },
  en: {
    title: 'My account',
    passwordReset: 'Your new password is saved and you are signed in.',
    profile: {
      heading: 'Profile',
      initials: 'Others see your initials: {{initials}}',
      name: 'Name',
      nameHint: 'This is how others see you in labs and learning tracks.',
      function: 'Function',
      functionHint: 'Pick one of the suggestions or type your own function.',
      functions: {
        ambtenaar: 'civil servant',
        wethouder: 'alderman',
        binnenstadsmanager: 'city-centre manager',
        ondernemer: 'business owner',
        onderzoeker: 'researcher',
        adviseur: 'adviser',
      },
      municipality: 'Municipality or organisation',
      municipalityHint: 'For example Velsen, or the business association you work for.',
      locale: 'Language',
      locales: { nl: 'Nederlands', en: 'English' },
      submit: 'Save profile',
      saved: 'Your profile has been saved.',
    },
    email: {
      heading: 'E-mail address',
      address: 'E-mail address',
      state: 'Status',
      verified: 'Confirmed',
      unverified: 'Not confirmed yet',
      unverifiedHint:
        'Confirm your address with the link in the mail we sent you. No mail, or has the link expired? Ask for a new one.',
      resend: 'Send the confirmation mail again',
      resent: 'A new confirmation mail is on its way to {{email}}.',
    },
    password: {
      heading: 'Password',
      setIntro:
        'You now sign in with a link by e-mail. Set a password if you also want to be able to sign in with a password.',
      changeIntro: 'After changing your password you will be signed out on all your other devices.',
      current: 'Current password',
      new: 'New password',
      incorrect: 'This is not your current password.',
      submitSet: 'Set password',
      submitChange: 'Change password',
      saved: 'Your password has been saved. You have been signed out on your other devices.',
    },
    sessions: {
      heading: 'Signed-in devices',
      intro:
        'Still signed in on a computer that is not yours, or lost a phone? Sign out on all devices at once, this one included.',
      submit: 'Sign out everywhere',
    },
    data: {
      heading: 'My data',
      intro:
        'Download everything Stadshart keeps about you: your profile, your memberships and the devices you are signed in on. You get one file (JSON) that you can keep or open with another program.',
      download: 'Download my data',
    },
    delete: {
      heading: 'Delete account',
      intro:
        'No longer want to use Stadshart? Then you can delete your account. This is what happens:',
      consequenceProfile: 'Your name, e-mail address and profile are erased.',
      consequenceAccess:
        'You are no longer a member of your organisations and you are signed out on all your devices.',
      consequenceFinal: 'This cannot be undone. Want to keep your data? Download it first.',
      start: 'I want to delete my account',
      confirmEmail: 'Type your e-mail address to confirm',
      confirmEmailHint: 'Your e-mail address is {{email}}.',
      mismatch: 'This is not the e-mail address of your account.',
      confirm: 'Delete my account for good',
      cancel: 'Do not delete',
      lastAdminHeading: 'Another admin is needed first',
      lastAdminText:
        'You are the last admin of an organisation. Make someone else admin first; then you can delete your account. You are admin of:',
      lastAdminLink: 'Members of {{org}}',
    },
  },
});
