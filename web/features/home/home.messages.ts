// Messages of the home pages, Dutch first.
import { defineMessages } from '../../i18n/messages.ts';

export const homeMessages = defineMessages({
  nl: {
    visitor: {
      title: 'Samen werken aan de binnenstad',
      labs: 'Stadshart is er voor binnenstadslabs: live werksessies met een begeleider, waarin gemeenten, wethouders, binnenstadsmanagers en ondernemersverenigingen samen nadenken over de toekomst van hun binnenstad. Ze brengen in kaart wat hun centrum bijzonder maakt, welke trends op hen afkomen en wat ze samen gaan doen.',
      community:
        'Rond de labs groeit een community of practice: een netwerk van gemeenten die van elkaar leren. Ze delen goede voorbeelden, volgen samen leertrajecten en ontmoeten elkaar. Wat in de ene binnenstad werkt, helpt de volgende op weg.',
      signInHint: 'Heeft u een account of een uitnodiging gekregen? Log dan in.',
      signIn: 'Inloggen',
    },
    member: {
      greeting: 'Welkom, {{name}}',
      greetingNoName: 'Welkom',
      orgsHeading: 'Uw organisaties',
      role: 'uw rol: {{role}}',
      none: 'U bent nog geen lid van een organisatie. Zodra een beheerder u uitnodigt, ziet u de organisatie hier.',
    },
    accountDeleted: 'Uw account is verwijderd. Bedankt voor het meedoen.',
  },
  en: {
    visitor: {
      title: 'Working together on the city centre',
      labs: 'Stadshart is made for binnenstadslabs: live, facilitated work sessions in which municipalities, aldermen, city-centre managers and business associations think together about the future of their city centre. They map what makes their centre special, which trends are coming their way and what they will do about it together.',
      community:
        'Around the labs grows a community of practice: a network of municipalities that learn from each other. They share good examples, follow learning tracks together and meet in person. What works in one city centre helps the next one along.',
      signInHint: 'Do you have an account or did you get an invitation? Then sign in.',
      signIn: 'Sign in',
    },
    member: {
      greeting: 'Welcome, {{name}}',
      greetingNoName: 'Welcome',
      orgsHeading: 'Your organisations',
      role: 'your role: {{role}}',
      none: 'You are not a member of any organisation yet. As soon as an admin invites you, the organisation shows up here.',
    },
    accountDeleted: 'Your account has been deleted. Thank you for taking part.',
  },
});
