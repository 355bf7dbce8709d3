// Messages used across the whole app: layout, navigation, generic errors and form words.
import { defineMessages } from './messages.ts';

export const commonMessages = defineMessages({
  nl: {
    appName: 'Stadshart',
    skipLink: 'Naar de inhoud',
    loading: 'Bezig met laden…',
    nav: {
      label: 'Hoofdmenu',
      home: 'Start',
      account: 'Mijn account',
      signIn: 'Inloggen',
      signOut: 'Uitloggen',
      api: 'API',
    },
    language: {
      label: 'Taal',
      switchTo: 'English',
      switchToLang: 'en',
    },
    footer: {
      text: 'Stadshart: samen werken aan de binnenstad van morgen.',
      security: 'Beveiliging melden',
    },
    errors: {
      summaryTitle: 'Er ging iets mis',
      fieldsTitle: 'Controleer de volgende velden',
      network:
        'Geen verbinding met de server. Controleer uw internetverbinding en probeer het opnieuw.',
      unexpected: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
      notFoundTitle: 'Pagina niet gevonden',
      notFoundText: 'Deze pagina bestaat niet of u heeft er geen toegang toe.',
      signInRequired: 'Log in om deze pagina te bekijken.',
      codes: {
        validation_failed: 'Niet alle gegevens zijn goed ingevuld.',
        unauthenticated: 'U bent niet (meer) ingelogd. Log opnieuw in.',
        forbidden: 'Uw rol geeft geen toestemming voor deze actie.',
        csrf_failed: 'Uw sessie is verouderd. Laad de pagina opnieuw en probeer het nog eens.',
        not_found: 'Dit onderdeel bestaat niet of u heeft er geen toegang toe.',
        conflict: 'Dit botst met bestaande gegevens.',
        rate_limited: 'Te veel pogingen. Wacht {{seconds}} seconden en probeer het opnieuw.',
        invalid_credentials: 'Het e-mailadres of wachtwoord klopt niet.',
        token_invalid: 'Deze link is al gebruikt of verlopen. Vraag een nieuwe aan.',
        email_taken: 'Dit e-mailadres is al in gebruik.',
        last_admin:
          'De organisatie moet minstens één actieve beheerder houden. Maak eerst iemand anders beheerder.',
        account_deactivated:
          'Uw account is gedeactiveerd. Neem contact op met de beheerder van uw organisatie.',
        payload_too_large: 'Het bestand is te groot.',
        unsupported_media_type: 'Dit bestandstype wordt niet geaccepteerd.',
        import_failed:
          'Het bestand is niet geïmporteerd: geen enkele rij is opgeslagen. Herstel de fouten en probeer het opnieuw.',
        internal: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
      },
      field: {
        required: 'Vul dit veld in.',
        too_small: 'Dit is te kort.',
        too_big: 'Dit is te lang.',
        invalid_format: 'Dit heeft niet de juiste vorm.',
        invalid: 'Deze waarde klopt niet.',
      },
    },
    form: {
      save: 'Opslaan',
      saved: 'Opgeslagen.',
      cancel: 'Annuleren',
      delete: 'Verwijderen',
      edit: 'Bewerken',
      optional: '(niet verplicht)',
      confirm: 'Bevestigen',
    },
    roles: {
      admin: 'Beheerder',
      facilitator: 'Begeleider',
      member: 'Lid',
    },
    statuses: {
      invited: 'Uitgenodigd',
      active: 'Actief',
      deactivated: 'Gedeactiveerd',
    },
  },
  en: {
    appName: 'Stadshart',
    skipLink: 'Skip to content',
    loading: 'Loading…',
    nav: {
      label: 'Main menu',
      home: 'Home',
      account: 'My account',
      signIn: 'Sign in',
      signOut: 'Sign out',
      api: 'API',
    },
    language: {
      label: 'Language',
      switchTo: 'Nederlands',
      switchToLang: 'nl',
    },
    footer: {
      text: 'Stadshart: working together on the city centre of tomorrow.',
      security: 'Report a security issue',
    },
    errors: {
      summaryTitle: 'Something went wrong',
      fieldsTitle: 'Please check these fields',
      network: 'Cannot reach the server. Check your connection and try again.',
      unexpected: 'Something went wrong on our side. Please try again later.',
      notFoundTitle: 'Page not found',
      notFoundText: 'This page does not exist or you do not have access to it.',
      signInRequired: 'Sign in to see this page.',
      codes: {
        validation_failed: 'Some of the information is not filled in correctly.',
        unauthenticated: 'You are not signed in (any more). Please sign in again.',
        forbidden: 'Your role does not allow this.',
        csrf_failed: 'Your session is out of date. Reload the page and try again.',
        not_found: 'This item does not exist or you do not have access to it.',
        conflict: 'This clashes with existing data.',
        rate_limited: 'Too many attempts. Wait {{seconds}} seconds and try again.',
        invalid_credentials: 'The e-mail address or password is not correct.',
        token_invalid: 'This link has been used already or has expired. Ask for a new one.',
        email_taken: 'This e-mail address is already in use.',
        last_admin:
          'The organisation must keep at least one active admin. Make someone else admin first.',
        account_deactivated:
          'Your account has been deactivated. Contact the admin of your organisation.',
        payload_too_large: 'The file is too large.',
        unsupported_media_type: 'This type of file is not accepted.',
        import_failed:
          'The file was not imported: no row has been saved. Fix the errors and try again.',
        internal: 'Something went wrong on our side. Please try again later.',
      },
      field: {
        required: 'Fill in this field.',
        too_small: 'This is too short.',
        too_big: 'This is too long.',
        invalid_format: 'This does not have the right format.',
        invalid: 'This value is not valid.',
      },
    },
    form: {
      save: 'Save',
      saved: 'Saved.',
      cancel: 'Cancel',
      delete: 'Delete',
      edit: 'Edit',
      optional: '(optional)',
      confirm: 'Confirm',
    },
    roles: {
      admin: 'Admin',
      facilitator: 'Facilitator',
      member: 'Member',
    },
    statuses: {
      invited: 'Invited',
      active: 'Active',
      deactivated: 'Deactivated',
    },
  },
});
