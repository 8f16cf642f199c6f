import type { adminNeeds as english } from './needs.en.js';

/** A cohort's needs (mentees' wishes against mentors' offers), in French. */
export const adminNeeds: Record<keyof typeof english, string> = {
  'admin.needs.heading': 'Besoins : ce que demandent les mentorés, ce que proposent les mentors',
  'admin.needs.none': "Aucun questionnaire reçu pour l'instant : les chiffres apparaissent au fil des réponses.",
  'admin.needs.summary': '{mentees, plural, one {# mentoré} other {# mentorés}} et {mentors, plural, one {# mentor} other {# mentors}} ont répondu à ce jour ; les mentors proposent {places, plural, one {# place} other {# places}}.',
  'admin.needs.missing': '{count, plural, one {Il manque # place.} other {Il manque # places.}}',
  'admin.needs.shortages': "Là où la demande dépasse l'offre",
  'admin.needs.shortage.field': '{option} : {mentees, plural, one {# mentoré est de ce domaine} other {# mentorés sont de ce domaine}} ; {mentors, plural, =0 {aucun mentor} one {# mentor} other {# mentors}} ({places, plural, one {# place} other {# places}})',
  'admin.needs.shortage.topic': '{option} : {mentees, plural, one {# mentoré demande de l’aide} other {# mentorés demandent de l’aide}} ; {mentors, plural, =0 {aucun mentor ne la propose} one {# mentor la propose} other {# mentors la proposent}} ({places, plural, one {# place} other {# places}})',
  'admin.needs.shortage.language': '{option} : {mentees, plural, one {# mentoré le parle} other {# mentorés le parlent}} ; {mentors, plural, =0 {aucun mentor} one {# mentor} other {# mentors}} ({places, plural, one {# place} other {# places}})',
  'admin.needs.legend.mentees': 'mentorés demandeurs',
  'admin.needs.legend.places': 'places proposées',
  'admin.needs.dimension.field': 'Domaines',
  'admin.needs.dimension.topic': 'Sujets',
  'admin.needs.dimension.language': 'Langues',
  'admin.needs.column.option': 'Option',
  'admin.needs.column.mentees': 'Mentorés',
  'admin.needs.column.mentors': 'Mentors',
  'admin.needs.column.places': 'Places',
  'admin.needs.csv': 'Télécharger les besoins en CSV',
};
