import type { adminAlerts as english } from './alerts.en.js';

/** Alerts to the admin and the reasons for a pair's health, in French. */
export const adminAlerts: Record<keyof typeof english, string> = {
  'health.silent': '{role, select, mentee {le mentoré} other {le mentor}} n’a pas répondu au point d’étape',
  'health.silent-twice': '{role, select, mentee {le mentoré} other {le mentor}} est resté silencieux à deux points d’étape de suite',
  'health.wants-to-stop': '{role, select, mentee {le mentoré} other {le mentor}} souhaite arrêter',
  'health.blocked': '{role, select, mentee {le mentoré} other {le mentor}} signale un obstacle',
  'health.low-rating': '{role, select, mentee {le mentoré} other {le mentor}} donne la note de {rating}/5',
  'health.no-contact': 'aucun contact depuis le dernier point d’étape',
  'health.met-disagree': 'leurs réponses divergent : se sont-ils rencontrés ?',
  'health.ratings-disagree': 'leurs notes divergent ({mentee}/5 et {mentor}/5)',

  'alert.health':
    '{mentee} (mentoré) et {mentor} (mentor) {atRisk, select, true {sont en difficulté} other {demandent votre attention}} après le point d’étape {checkIn} : {reasons}.',
  'alert.charterUnsigned':
    '{mentee} (mentoré) et {mentor} (mentor) : la charte n’est pas signée par {missing} ; le binôme sera dissous le {deadline}. Sur la page du binôme, vous pouvez prolonger le délai, ou garder les deux dans le programme pour un nouvel appariement.',
  'alert.pairDissolved': '{mentee} (mentoré) et {mentor} (mentor) : le binôme est dissous, la charte n’a pas été signée à temps.',
  'alert.proposalWithdrawn':
    'La proposition de réappariement pour {mentees, plural, one {# mentoré} other {# mentorés}} a été retirée : le programme s’est terminé avant qu’elle soit validée. La cohorte se clôt dès que ses derniers binômes ont terminé.',
  'alert.tooLateToRematch':
    '{name} attend un nouveau partenaire, mais il reste trop peu de programme pour qu’un nouveau binôme signe sa charte et se rencontre : personne n’a été proposé.',
  'alert.erasedPerson': 'une personne dont les données ont été effacées',
  'alert.bounce': 'L’e-mail à {address} a été refusé par le service d’envoi ({reason}) : vérifiez son adresse.',
};
