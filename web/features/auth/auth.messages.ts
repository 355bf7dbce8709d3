// Messages of the auth pages, Dutch first.
import { defineMessages } from '../../i18n/messages.ts';

export const authMessages = defineMessages({
  nl: {
    signIn: {
      title: 'Inloggen',
      email: 'E-mailadres',
      alreadySignedIn: 'U bent al ingelogd als {{name}}.',
      signedOutEverywhere: 'U bent op al uw apparaten uitgelogd, ook hier.',
      toHome: 'Naar de startpagina',
      password: {
        heading: 'Met uw wachtwoord',
        password: 'Wachtwoord',
        submit: 'Inloggen',
        forgot: 'Wachtwoord vergeten?',
      },
      link: {
        heading: 'Met een link per e-mail',
        intro:
          'Geen wachtwoord, of liever geen wachtwoord typen? Dan sturen we u een link waarmee u meteen inlogt. De link werkt één keer en is maar kort geldig.',
        submit: 'Stuur mij een inloglink',
        sent: 'Als er een account is met het adres {{email}}, dan is er nu een inloglink naar dat adres onderweg. Ziet u niets? Kijk dan ook bij uw ongewenste mail.',
      },
    },
    magicLink: {
      titleBusy: 'Bezig met inloggen',
      busy: 'Een moment, we loggen u in…',
      titleFailed: 'Inloggen met deze link lukt niet',
      noToken:
        'De link uit uw e-mail is niet helemaal meegekomen. Vraag een nieuwe link aan of log in met uw wachtwoord.',
      again: 'Opnieuw inloggen',
    },
    welcome: {
      title: 'Welkom bij Stadshart',
      intro:
        'U bent uitgenodigd om mee te doen. Vul de naam in die anderen van u te zien krijgen en kies een wachtwoord. Daarna bent u meteen ingelogd.',
      name: 'Uw naam',
      nameHint: 'Bijvoorbeeld uw voor- en achternaam.',
      password: 'Kies een wachtwoord',
      submit: 'Account activeren',
      invalidTitle: 'Deze uitnodiging werkt niet meer',
      invalidText:
        'De uitnodiging is al gebruikt, verlopen of ingetrokken. Vraag de beheerder van de organisatie om u opnieuw uit te nodigen.',
      invalidSignIn: 'Heeft u uw account al geactiveerd? Dan kunt u gewoon inloggen.',
      signIn: 'Naar inloggen',
    },
    verify: {
      titleBusy: 'E-mailadres bevestigen',
      busy: 'Een moment, we bevestigen uw e-mailadres…',
      titleDone: 'Uw e-mailadres is bevestigd',
      done: 'Dank u wel. We weten nu zeker dat dit adres van u is.',
      titleFailed: 'Bevestigen lukt niet',
      noToken: 'De link uit uw e-mail is niet helemaal meegekomen.',
      failedSignedIn: 'Vraag op de pagina Mijn account een nieuwe bevestigingsmail aan.',
      failedSignedOut: 'Log in en vraag op de pagina Mijn account een nieuwe bevestigingsmail aan.',
      toAccount: 'Naar mijn account',
      toHome: 'Naar de startpagina',
      signIn: 'Inloggen',
    },
    reset: {
      title: 'Wachtwoord vergeten',
      intro: 'Vul uw e-mailadres in. We sturen u een link waarmee u een nieuw wachtwoord kiest.',
      submit: 'Stuur mij een link',
      sent: 'Als er een account is met het adres {{email}}, dan is er nu een link naar dat adres onderweg. De link werkt één keer en is maar kort geldig.',
      expired:
        'De link uit uw e-mail werkt niet meer: hij is al gebruikt of verlopen. Vraag hieronder een nieuwe aan.',
      backToSignIn: 'Terug naar inloggen',
      newTitle: 'Kies een nieuw wachtwoord',
      newIntro: 'Na het opslaan bent u hier ingelogd. Op al uw andere apparaten wordt u uitgelogd.',
      newPassword: 'Nieuw wachtwoord',
      newSubmit: 'Wachtwoord opslaan',
    },
    password: {
      hint: 'Minstens {{min}} tekens. Een zin van een paar woorden is lang en toch makkelijk te onthouden.',
      show: 'Wachtwoord tonen',
    },
  },
  en: {
    signIn: {
      title: 'Sign in',
      email: 'E-mail address',
      alreadySignedIn: 'You are already signed in as {{name}}.',
      signedOutEverywhere: 'You have been signed out on all your devices, this one included.',
      toHome: 'Go to the home page',
      password: {
        heading: 'With your password',
        password: 'Password',
        submit: 'Sign in',
        forgot: 'Forgot your password?',
      },
      link: {
        heading: 'With a link by e-mail',
        intro:
          'No password, or rather not type one? We will send you a link that signs you in straight away. The link works once and only for a short time.',
        submit: 'Send me a sign-in link',
        sent: 'If there is an account for {{email}}, a sign-in link is now on its way to that address. Nothing there? Check your spam folder too.',
      },
    },
    magicLink: {
      titleBusy: 'Signing you in',
      busy: 'One moment, we are signing you in…',
      titleFailed: 'This link cannot sign you in',
      noToken:
        'The link from your e-mail did not come through completely. Ask for a new link or sign in with your password.',
      again: 'Sign in again',
    },
    welcome: {
      title: 'Welcome to Stadshart',
      intro:
        'You have been invited to take part. Enter the name others will see and choose a password. You are signed in straight after.',
      name: 'Your name',
      nameHint: 'For example your first and last name.',
      password: 'Choose a password',
      submit: 'Activate account',
      invalidTitle: 'This invitation no longer works',
      invalidText:
        'The invitation has been used, has expired or was withdrawn. Ask the admin of the organisation to invite you again.',
      invalidSignIn: 'Already activated your account? Then simply sign in.',
      signIn: 'Go to sign in',
    },
    verify: {
      titleBusy: 'Confirming your e-mail address',
      busy: 'One moment, we are confirming your e-mail address…',
      titleDone: 'Your e-mail address is confirmed',
      done: 'Thank you. We now know for sure that this address is yours.',
      titleFailed: 'Confirming did not work',
      noToken: 'The link from your e-mail did not come through completely.',
      failedSignedIn: 'Ask for a new confirmation mail on the My account page.',
      failedSignedOut: 'Sign in and ask for a new confirmation mail on the My account page.',
      toAccount: 'Go to my account',
      toHome: 'Go to the home page',
      signIn: 'Sign in',
    },
    reset: {
      title: 'Forgot your password',
      intro: 'Enter your e-mail address. We will send you a link to choose a new password.',
      submit: 'Send me a link',
      sent: 'If there is an account for {{email}}, a link is now on its way to that address. The link works once and only for a short time.',
      expired:
        'The link from your e-mail no longer works: it has been used or has expired. Ask for a new one below.',
      backToSignIn: 'Back to sign in',
      newTitle: 'Choose a new password',
      newIntro:
        'Once saved, you are signed in here. You will be signed out on all your other devices.',
      newPassword: 'New password',
      newSubmit: 'Save password',
    },
    password: {
      hint: 'At least {{min}} characters. A sentence of a few words is long and still easy to remember.',
      show: 'Show password',
    },
  },
});
