import type { adminCohortPage as english } from './cohort-page.en.js';

/** The list of cohorts and a cohort's page, in French. */
export const adminCohortPage: Record<keyof typeof english, string> = {
  // The list of cohorts
  'admin.cohorts.title': 'Cohortes',
  'admin.cohorts.new': 'Nouvelle cohorte',
  'admin.cohorts.none': 'Aucune cohorte pour le moment.',
  'admin.cohorts.column.cohort': 'Cohorte',
  'admin.cohorts.column.stage': 'Étape',
  'admin.cohorts.column.participants': 'Participants',
  'admin.cohorts.column.answered': 'Questionnaires reçus',
  'admin.cohorts.column.created': 'Créée le',

  // A cohort's stage, by its code
  'admin.cohort.stage.survey': 'questionnaire',
  'admin.cohort.stage.matching': 'appariement',
  'admin.cohort.stage.review': 'validation',
  'admin.cohort.stage.running': 'en cours',
  'admin.cohort.stage.closed': 'clôturée',

  // Shared by the tables and the late-joiner form
  'admin.cohort.name': 'Nom',
  'admin.cohort.email': 'E-mail',
  'admin.cohort.role': 'Rôle',

  // The head of a cohort's page; durations spelt out ("4 semaines")
  'admin.cohort.workflow': 'Workflow :',
  'admin.cohort.workflow.where': 'dans l’interface Temporal',
  'admin.cohort.schedule':
    '{checkIns, plural, one {# point d’étape} other {# points d’étape}} à {interval} d’intervalle · programme de {programme}',
  'admin.cohort.flash':
    'mentorat flash : {meetings, plural, one {# rencontre} other {# rencontres}} dans les {window} suivant chaque lancement ; puis, pour les binômes qui continuent',
  'admin.cohort.retention': 'données personnelles conservées {retention} après la clôture',
  'admin.cohort.duration':
    '{unit, select, w {{count, plural, one {# semaine} other {# semaines}}} d {{count, plural, one {# jour} other {# jours}}} h {{count, plural, one {# heure} other {# heures}}} m {{count, plural, one {# minute} other {# minutes}}} other {{count, plural, one {# seconde} other {# secondes}}}}',

  // The intake survey and its progress
  'admin.cohort.survey.heading': 'Questionnaire d’accueil',
  'admin.cohort.figure.participants': '{count, plural, one {participant} other {participants}}',
  'admin.cohort.figure.invited': '{count, plural, one {invité} other {invités}}',
  'admin.cohort.figure.answered': '{count, plural, one {réponse} other {réponses}}',
  'admin.cohort.figure.reminded': '{count, plural, one {relancé} other {relancés}}',
  'admin.cohort.next.heading': 'Où en est la cohorte',
  'admin.cohort.next.survey':
    'En attente des réponses au questionnaire d’accueil : {answered} sur {total}. {reminder, select, yes {Prochaine étape : un rappel à ceux qui n’ont pas répondu le {reminderAt} ; le questionnaire ferme le {closesAt}.} other {Prochaine étape : le questionnaire ferme le {closesAt}, puis Tandem propose des binômes.}}',
  'admin.cohort.next.matching': 'Tandem calcule la proposition de binômes : elle s’affiche ici dans un instant.',
  'admin.cohort.next.review':
    'En attente de votre décision : {pairs, plural, one {# binôme proposé} other {# binômes proposés}} pour {mentees, plural, one {# mentoré} other {# mentorés}}. Les binômes démarrent dès votre validation.',
  'admin.cohort.next.running':
    '{running, plural, =0 {Aucun binôme en cours.} one {# binôme en cours.} other {# binômes en cours.}} Qui a besoin d’un nouveau binôme est apparié à nouveau jusqu’au {rematchUntil}. Le programme se termine le {endsAt} ; la cohorte se clôt ensuite avec son bilan, une fois chaque binôme terminé.',
  'admin.cohort.next.closing':
    'Le programme s’est terminé le {endedAt}. En attente de {running, plural, one {# binôme} other {# binômes}} (questionnaire final), puis le bilan est envoyé.',
  'admin.cohort.next.closed':
    'La cohorte est close : son bilan figure ci-dessous et vous a été envoyé.{erase, select, yes { Les données personnelles sont effacées le {eraseAt}.} other {}}',
  'admin.cohort.missingMore': 'et {count, plural, one {# autre} other {# autres}} : tous les participants',
  'admin.cohort.stageLabel': 'Étape :',
  'admin.cohort.noWorkflow': '(le workflow n’a pas répondu ; les chiffres viennent de la base de données)',
  'admin.cohort.surveyCloses': 'le questionnaire ferme le {deadline}',
  'admin.cohort.sending.label': 'Invitations envoyées',
  'admin.cohort.sending.count': 'Envoi des invitations : {sent, plural, one {# partie} other {# parties}} sur {total, number} à ce stade.',
  'admin.cohort.sending.pace':
    'À environ {perMinute, number} par minute (le rythme du service d’envoi), toutes devraient être parties le {doneBy}.',
  'admin.cohort.matching.label': 'Mentorés placés',
  'admin.cohort.matching.reading': 'Appariement : lecture des réponses au questionnaire…',
  'admin.cohort.matching.scoring': 'Appariement : score de chaque mentoré avec chaque mentor…',
  'admin.cohort.matching.placing': 'Appariement : {done, plural, one {# mentoré placé} other {# mentorés placés}} sur {total, number}.',
  'admin.cohort.matching.storing': 'Appariement : enregistrement de la proposition…',
  'admin.cohort.matching.doneBy': 'Il devrait être terminé le {doneBy}.',
  'admin.cohort.missing': '{open, select, true {N’ont pas encore répondu} other {N’ont pas répondu}} ({count})',
  'admin.cohort.column.invited': 'Invité le',
  'admin.cohort.column.reminders': 'Relances',
  'admin.cohort.emailBounced': 'e-mail refusé',
  'admin.cohort.survey.remind': 'Relancer ceux qui n’ont pas répondu',
  'admin.cohort.survey.close': 'Fermer le questionnaire maintenant',
  'admin.cohort.start': 'Démarrer (ou reprendre) le workflow de la cohorte',

  // Alerts and refused emails
  'admin.cohort.alerts.heading': 'À traiter ({count})',
  'admin.cohort.alerts.cohort': 'La cohorte',
  'admin.cohort.alerts.pair': 'Un binôme',
  'admin.cohort.alerts.pairOf': '{mentee} et {mentor}',
  'admin.cohort.alerts.severity.urgent': 'Urgent',
  'admin.cohort.alerts.severity.warning': 'À regarder',
  'admin.cohort.alerts.severity.info': 'Pour information',
  'admin.cohort.alerts.item': '{at} : {message}',
  'admin.cohort.alerts.dealtWith': 'Traité',
  'admin.cohort.alerts.dealtWithLabel': 'Marquer comme traité : {message}',
  'admin.cohort.bounced.heading': 'E-mails refusés par le service de messagerie ({count})',
  'admin.cohort.bounced.hint':
    'Ces personnes ne reçoivent rien de Tandem tant que leur adresse n’est pas corrigée ; contactez-les autrement.',
  'admin.cohort.bounced.item': '{name} <{email}> : e-mail refusé ({reason}), {at}',
  'admin.cohort.erased':
    'Données personnelles effacées le {at}, au terme de leur durée de conservation : il ne reste que le bilan ci-dessous.',

  // Matching
  'admin.cohort.matching.heading': 'Appariement',
  'admin.cohort.matching.settings': 'Réglages de l’appariement',
  'admin.cohort.matching.settingsHint': '(pondérations, critères impératifs, score minimal, validation automatique)',
  'admin.cohort.matching.afterSurvey': 'L’appariement a lieu à la fermeture du questionnaire.',
  'admin.cohort.matching.computing': 'Calcul de la proposition…',
  'admin.cohort.matching.run':
    '{kind, select, initial {Proposition} other {Dernière proposition de réappariement}} : {pairs, plural, one {# binôme} other {# binômes}} pour {mentees, plural, one {# mentoré} other {# mentorés}},',
  'admin.cohort.matching.status':
    '{status, select, proposed {proposée} approved {validée} superseded {remplacée} withdrawn {retirée à la fin du programme} other {{status}}}',
  'admin.cohort.matching.review': 'Examiner et valider',
  'admin.cohort.matching.see': 'Voir la proposition',

  // Pairs
  'admin.cohort.pairs.heading': 'Binômes ({count})',
  'admin.cohort.pairs.ended': 'et {count, plural, one {# terminé} other {# terminés}}',
  'admin.cohort.pairs.column.mentee': 'Mentoré',
  'admin.cohort.pairs.column.mentor': 'Mentor',
  'admin.cohort.pairs.column.score': 'Score',
  'admin.cohort.pairs.column.stage': 'Étape',
  'admin.cohort.pairs.column.health': 'État',
  'admin.cohort.pairs.search': 'Rechercher',
  'admin.cohort.pairs.searchHint': 'nom ou e-mail de l’un ou l’autre',
  'admin.cohort.pairs.all': 'Tous',
  'admin.cohort.pairs.running': 'En cours (toute étape)',
  'admin.cohort.pairs.noCheckIn': 'Aucun point d’étape encore',
  'admin.cohort.pairs.sort': 'Ordre',
  'admin.cohort.pairs.sort.attention': 'À surveiller d’abord',
  'admin.cohort.pairs.sort.mentee': 'Mentoré (A à Z)',
  'admin.cohort.pairs.sort.mentor': 'Mentor (A à Z)',
  'admin.cohort.pairs.sort.score': 'Score le plus bas d’abord',
  'admin.cohort.pairs.sort.newest': 'Plus récents d’abord',
  'admin.cohort.pairs.show': 'Afficher',
  'admin.cohort.pairs.matching':
    '{count, plural, =0 {Aucun binôme ne correspond.} one {# binôme correspond.} other {# binômes correspondent.}}',
  'admin.cohort.pairs.charterUntil': 'jusqu’au {at}',
  'admin.cohort.pairs.paused': 'en pause',
  'admin.cohort.pairStage.introduction': 'présenté',
  'admin.cohort.pairStage.matched': 'apparié',
  'admin.cohort.pairStage.charter': 'signature de la charte',
  'admin.cohort.pairStage.active': 'actif',
  'admin.cohort.pairStage.final-survey': 'questionnaire final',
  'admin.cohort.pairStage.completed': 'mené à terme',
  'admin.cohort.pairStage.dissolved': 'dissous',
  'admin.cohort.pairStage.ended': 'arrêté',
  'admin.cohort.health.on-track': 'en bonne voie',
  'admin.cohort.health.needs-attention': 'à surveiller',
  'admin.cohort.health.at-risk': 'en difficulté',

  // The late-joiner form
  'admin.cohort.add.heading': 'Ajouter un participant',
  'admin.cohort.add.hint':
    'Il reçoit le questionnaire d’accueil dès maintenant (avec un délai propre si celui de la cohorte est passé) et rejoint le prochain appariement.',
  'admin.cohort.add.languages': 'Langues',
  'admin.cohort.add.languagesHint': 'séparées par ;',
  'admin.cohort.add.communication': 'Langue des e-mails',
  'admin.cohort.add.communicationDefault': 'Celle de la cohorte ({language})',
  'admin.cohort.add.timeZone': 'Fuseau horaire',
  'admin.cohort.add.timeZoneHint': 'par exemple Europe/Paris ; vide : celui de son navigateur, sinon celui de la cohorte ({zone})',
  'admin.cohort.add.submit': 'Ajouter et inviter',

  // The report
  'admin.cohort.report.chart.of': '{got} sur {of}',
  'admin.cohort.report.chart.menteeSatisfaction': 'Satisfaction des mentorés',
  'admin.cohort.report.chart.mentorSatisfaction': 'Satisfaction des mentors',
  'admin.cohort.report.chart.recommend': 'Recommanderait le programme (0-10)',
  'admin.cohort.report.chart.promoters': 'Promoteurs (9-10)',
  'admin.cohort.report.chart.passives': 'Passifs (7-8)',
  'admin.cohort.report.chart.detractors': 'Détracteurs (0-6)',
  'admin.cohort.report.chart.checkIns': 'Points d’étape remplis, un par un',
  'admin.cohort.report.chart.round': 'Point d’étape {round}',
  'admin.cohort.report.chart.feedback': 'Retour sur la rencontre',
  'admin.cohort.report.chart.meetings': 'Rencontres flash, sur les binômes',
  'admin.cohort.report.chart.met': 'Se sont rencontrés',
  'admin.cohort.report.chart.wentOn': 'Ont continué',
  'admin.cohort.report.heading': 'Bilan',
  'admin.cohort.report.completed': '{pairs, plural, one {sur # binôme mené à terme} other {sur # binômes menés à terme}}',
  'admin.cohort.report.dissolved': 'dissous faute de charte signée',
  'admin.cohort.report.endedEarly': 'arrêtés avant terme ou réappariés',
  'admin.cohort.report.print': 'Imprimer / Enregistrer en PDF',
  'report.basis.answers': '{count, plural, =0 {aucune réponse} one {# réponse} other {# réponses}}',
  'report.basis.of': '{got} sur {of}',
  'admin.cohort.report.nps': 'recommanderaient le programme (NPS)',
  'admin.cohort.report.answers':
    'Réponses aux points d’étape : {checkIns} · au questionnaire final : {finalSurvey} · satisfaction : mentorés {mentees}, mentors {mentors} · réponses aux questions des mentorés : {yes} oui, {partly} en partie, {no} non',
  'admin.cohort.report.meetings':
    'Mentorat flash : {met, plural, one {# binôme} other {# binômes}} sur {pairs} {met, plural, one {s’est rencontré} other {se sont rencontrés}} · utilité {useful} · se reverraient {meetAgain} · {wentOn, plural, one {# binôme a continué} other {# binômes ont continué}} en mentorat long',
  'admin.cohort.report.comment': '« {text} »',
  'admin.cohort.report.csv': 'Télécharger le bilan en CSV',

  // Participants
  'admin.cohort.people.heading': 'Les participants et leurs données',
  'admin.cohort.people.hint': 'La page de chaque personne télécharge tout ce que Tandem détient sur elle, ou l’efface.',
  'admin.cohort.people.all': '{count, plural, one {Le participant} other {Les # participants}} : rechercher, ouvrir leurs données',
  'admin.cohort.people.searchHint': 'nom ou e-mail',
  'admin.cohort.people.matching': '{count, plural, =0 {Personne ne correspond.} one {# personne} other {# personnes}}',
  'admin.cohort.people.answered': 'Questionnaire rempli',
  'admin.paging.label': 'Pages',
  'admin.paging.page': 'Page {page} sur {pages}',
  'admin.paging.previous': '← Précédente',
  'admin.paging.next': 'Suivante →',
  'admin.cohort.people.audit': 'Journal d’audit',
  'admin.cohort.people.auditOf': 'des exports, effacements et actions sur les binômes.',
};
