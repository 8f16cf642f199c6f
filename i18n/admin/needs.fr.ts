import type { adminNeeds as english } from './needs.en.js';

/** A cohort's needs (mentees' wishes against mentors' offers), in French. */
export const adminNeeds: Record<keyof typeof english, string> = {
  'admin.needs.heading': 'Besoins : ce que demandent les mentorés, ce que proposent les mentors',
  'admin.needs.none': 'Aucun questionnaire reçu pour l’instant : les chiffres apparaissent au fil des réponses.',
  'admin.needs.summary':
    '{closed, select, true {{mentees, plural, one {# mentoré} other {# mentorés}} et {mentors, plural, one {# mentor} other {# mentors}} ont répondu ; les mentors proposaient {places, plural, one {# place} other {# places}}.} other {{mentees, plural, one {# mentoré} other {# mentorés}} et {mentors, plural, one {# mentor} other {# mentors}} ont répondu à ce jour ; les mentors proposent {places, plural, one {# place} other {# places}}.}}',
  'admin.needs.missing': '{count, plural, one {Il manque # place.} other {Il manque # places.}}',
  'admin.needs.shortages': 'Les mentorés qu’aucun mentor ne peut satisfaire',
  'admin.needs.shortage.field':
    '{option} : {mentees, plural, one {# mentoré travaille} other {# mentorés travaillent}} dans ce domaine ; {mentors, plural, =0 {aucun mentor} one {# mentor, avec {places, plural, one {# place} other {# places}}} other {# mentors, avec {places, plural, one {# place} other {# places}}}} : {unmet, plural, one {# mentoré aura} other {# mentorés auront}} un mentor d’un autre domaine.',
  'admin.needs.shortage.topic':
    '{option} : {unmet, plural, one {# mentoré demande} other {# mentorés demandent}} de l’aide sur ce sujet, et aucun mentor ne le propose, ni rien d’autre de ce qui a été demandé.',
  'admin.needs.shortage.language':
    '{option} : {unmet, plural, one {# mentoré parle} other {# mentorés parlent}} cette langue et aucune de celles des mentors.',
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
