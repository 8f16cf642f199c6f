import type { adminCohortForm as english } from './cohort-form.en.js';

/** The new-cohort form, its errors and those of the participants' CSV, in French. */
export const adminCohortForm: Record<keyof typeof english, string> = {
  'admin.cohortForm.title': 'Nouvelle cohorte',
  'admin.cohortForm.name': 'Nom',
  'admin.cohortForm.name.hint': 'donne aussi son adresse à la cohorte, par exemple alumni-2027',
  'admin.cohortForm.description': 'Description',
  'admin.cohortForm.description.hint': 'facultative',
  'admin.cohortForm.charter': 'Charte',
  'admin.cohortForm.charter.hint':
    'les engagements que mentor et mentoré signent l’un et l’autre ; laissée telle quelle, chacun la signe dans sa langue',
  'admin.cohortForm.translations':
    '{text, select, description {Votre description} charter {Votre charte} other {Votre notice de confidentialité}} dans d’autres langues',
  'admin.cohortForm.translations.hint':
    'Les participants dont la langue a une version ici lisent celle-ci ; les autres lisent le texte ci-dessus. La charte et la notice de Tandem existent déjà dans chaque langue.',
  'admin.cohortForm.translation.in': 'En {language}',
  'admin.cohort.textLanguage':
    '{count, plural, one {# participant lit} other {# participants lisent}} en {language}, et votre {text, select, description {description} charter {charte} other {notice de confidentialité}} n’a pas de version dans cette langue : elle {count, plural, one {lui} other {leur}} est présentée en {cohortLanguage}.',
  'admin.cohortForm.privacyNotice': 'Notice de confidentialité',
  'admin.cohortForm.privacyNotice.hint':
    'affichée au-dessus du questionnaire d’accueil, qui demande le consentement : ce qui est collecté, pourquoi, qui le voit, pour combien de temps ; laissée vide, celle-ci par défaut',
  'admin.cohortForm.language': 'Langue des participants',
  'admin.cohortForm.language.hint':
    'e-mails et pages sont écrits dans cette langue, sauf si la colonne « {column} » du CSV en indique une autre pour quelqu’un ; chaque participant peut changer la sienne sur la page du questionnaire',
  'admin.cohortForm.timeZone': 'Fuseau horaire',
  'admin.cohortForm.timeZone.hint':
    'des dates des e-mails et des pages, sauf si la colonne « {column} » du CSV ou le navigateur d’un participant en indique un autre ; le vôtre au départ',
  'admin.cohortForm.timeZone.region':
    '{region, select, Africa {Afrique} America {Amériques} Antarctica {Antarctique} Arctic {Arctique} Asia {Asie} Atlantic {Atlantique} Australia {Australie} Europe {Europe} Indian {Océan Indien} Pacific {Pacifique} other {{region}}}',
  'admin.cohortForm.schedule': 'Calendrier',
  'admin.cohortForm.unit': 'unité',
  'admin.cohortForm.unit.s': 'secondes',
  'admin.cohortForm.unit.m': 'minutes',
  'admin.cohortForm.unit.h': 'heures',
  'admin.cohortForm.unit.d': 'jours',
  'admin.cohortForm.unit.w': 'semaines',
  'admin.cohortForm.schedule.hint': 'Chaque durée est un nombre et son unité : minutes, heures, jours ou semaines.',
  'admin.cohortForm.surveyDuration': 'Questionnaire ouvert pendant',
  'admin.cohortForm.surveyCloses': 'Questionnaire fermé le',
  'admin.cohortForm.surveyCloses.hint':
    'facultatif, au lieu de « Questionnaire ouvert pendant » : une date et une heure dans le fuseau horaire de la cohorte, actuellement {zone}',
  'admin.cohortForm.charterDuration': 'Charte à signer sous',
  'admin.cohortForm.charterDuration.hint': 'à compter de la formation du binôme ; un binôme qui n’a pas signé est ensuite dissous',
  'admin.cohortForm.checkInCount': 'Nombre de points d’étape',
  'admin.cohortForm.checkInInterval': 'Intervalle entre points d’étape',
  'admin.cohortForm.programmeDuration': 'Durée du programme',
  'admin.cohortForm.programmeDuration.hint': 'de la formation du binôme au questionnaire final',
  'admin.cohortForm.retention': 'Conserver les données personnelles pendant',
  'admin.cohortForm.retention.hint':
    'après la clôture du programme ; ensuite noms, e-mails et réponses sont effacés et le rapport anonyme reste',
  'admin.cohortForm.objectives': 'Les binômes écrivent leurs objectifs et les revoient à mi-parcours',
  'admin.cohortForm.objectives.hint':
    'Chacun écrit deux ou trois objectifs en signant la charte, et dit où il en est de chacun au point d’étape du milieu du programme.',
  'admin.cohortForm.format': 'Format du programme',
  'admin.cohortForm.format.long': 'Programme long : des binômes sur plusieurs mois, avec des points d’étape et un questionnaire final',
  'admin.cohortForm.format.flash':
    'Mentorat flash : une ou deux rencontres en quelques semaines, un engagement d’une page, un retour ensuite ; les binômes sont validés automatiquement, et les deux membres d’un binôme peuvent choisir de continuer en binôme long',
  'admin.cohortForm.flashOnly': 'mentorat flash seulement',
  'admin.cohortForm.meetings': 'Rencontres',
  'admin.cohortForm.meetings.count': '{count, plural, one {# rencontre} other {# rencontres}}',
  'admin.cohortForm.meetingWindow': 'Rencontres dans un délai de',
  'admin.cohortForm.meetingWindow.hint':
    'mentorat flash seulement : du lancement au formulaire de retour ; les binômes dont les deux membres veulent continuer ont ensuite les points d’étape ci-dessus, un par intervalle',
  'admin.cohortForm.participants': 'Participants',
  'admin.cohortForm.csv': 'Fichier CSV',
  'admin.cohortForm.csv.template': 'Télécharger un CSV à remplir (ses colonnes, deux lignes d’exemple)',
  'admin.cohortForm.csv.hint':
    'colonnes {columns} (role : mentor ou mentee ; les langues parlées, séparées par ;), facultativement « {languageColumn} » (en ou fr : la langue dans laquelle Tandem leur écrit) et « {timeZoneColumn} » (tel que Europe/Paris), toute autre colonne étant conservée comme attribut ; {megabytes} Mo au plus',
  'admin.cohortForm.preview': 'Aperçu',
  'admin.cohortForm.previewAgain': 'Revoir l’aperçu',
  'admin.cohortForm.csv.preview':
    '{total, plural, one {# participant} other {# participants}} : {mentee, plural, one {# mentoré} other {# mentorés}}, {mentor, plural, one {# mentor} other {# mentors}}',
  'admin.cohortForm.csv.preview.language': '{count} en {language}',
  'admin.cohortForm.csv.preview.languages': 'E-mails : {languages}.',
  'admin.cohortForm.csv.kept': 'Le fichier choisi est conservé : n’en choisissez un autre que pour le remplacer.',
  'admin.cohortForm.csv.keptWithProblems': 'Le fichier choisi est conservé tel quel : choisissez-en un corrigé.',
  'admin.cohortForm.ready':
    'Tout est en ordre : {total, plural, one {# participant sera invité} other {# participants seront invités}}. Relisez le formulaire, puis créez la cohorte en bas de la page.',
  'admin.cohortForm.ready.go': 'Aller à « Créer »',
  'admin.cohortForm.submit': 'Créer la cohorte et inviter les participants',

  'admin.cohortForm.error.expired': 'Le formulaire a expiré ; rechargez la page',
  'admin.cohortForm.error.name.short': 'Nom : 3 caractères au moins',
  'admin.cohortForm.error.name.long': 'Nom : 120 caractères au plus',
  'admin.cohortForm.error.name.letter': 'Nom : utilisez au moins une lettre ou un chiffre',
  'admin.cohortForm.error.name.taken': 'Nom : une cohorte existe déjà à l’adresse « {slug} » ; choisissez un autre nom.',
  'admin.cohortForm.error.description.long': 'Description : 4000 caractères au plus',
  'admin.cohortForm.error.charter.short': 'Charte : écrivez les engagements que les deux parties signent (20 caractères au moins)',
  'admin.cohortForm.error.charter.long': 'Charte : 20000 caractères au plus',
  'admin.cohortForm.error.privacyNotice.long': 'Notice de confidentialité : 5000 caractères au plus',
  'admin.cohortForm.error.language': 'Langue des participants : choisissez en ou fr',
  'admin.cohortForm.error.timeZone': 'Fuseau horaire : « {value} » n’est pas un fuseau horaire ; utilisez un nom tel que Europe/Paris',
  'admin.cohortForm.error.surveyDuration': 'Questionnaire ouvert pendant : indiquez un nombre entier supérieur à 0 et son unité',
  'admin.cohortForm.error.surveyCloses.format': 'Questionnaire fermé le : écrivez une date et une heure',
  'admin.cohortForm.error.surveyCloses.past': 'Questionnaire fermé le : {when} ({zone}) est déjà passé',
  'admin.cohortForm.error.surveyCloses.skipped':
    'Questionnaire fermé le : {time} n’existe pas ce jour-là dans le fuseau {zone}, qui avance alors ses horloges ; choisissez une autre heure',
  'admin.cohortForm.error.checkInCount': 'Points d’étape : indiquez un nombre',
  'admin.cohortForm.error.checkInCount.whole': 'Points d’étape : un nombre entier',
  'admin.cohortForm.error.checkInCount.min': 'Points d’étape : 0 ou plus',
  'admin.cohortForm.error.checkInCount.max': 'Points d’étape : 104 au plus',
  'admin.cohortForm.error.checkInInterval': 'Intervalle entre points d’étape : indiquez un nombre entier supérieur à 0 et son unité',
  'admin.cohortForm.error.checkInInterval.fit':
    'Intervalle entre points d’étape : tous les points d’étape doivent tenir dans la durée du programme',
  'admin.cohortForm.error.programmeDuration': 'Durée du programme : indiquez un nombre entier supérieur à 0 et son unité',
  'admin.cohortForm.error.charterDuration': 'Charte à signer sous : indiquez un nombre entier supérieur à 0 et son unité',
  'admin.cohortForm.error.retention': 'Conserver les données personnelles pendant : indiquez un nombre entier supérieur à 0 et son unité',
  'admin.cohortForm.error.format': 'Format du programme : choisissez un programme long ou le mentorat flash',
  'admin.cohortForm.error.meetings': 'Rencontres : choisissez 1 ou 2',
  'admin.cohortForm.error.meetingWindow': 'Rencontres dans un délai de : indiquez un nombre entier supérieur à 0 et son unité',
  'admin.cohortForm.error.meetingWindow.fit':
    'Rencontres dans un délai de : la charte et les rencontres doivent tenir dans la durée du programme',
  'admin.cohortForm.error.participants': 'Participants : choisissez un fichier CSV',
  'admin.cohortForm.error.participants.empty': 'Participants : le fichier CSV est vide',
  'admin.cohortForm.error.participants.problems':
    'Participants : le fichier CSV a des problèmes, listés ci-dessus ; corrigez-les et choisissez de nouveau le fichier',

  'admin.csv.empty': 'Le fichier CSV est vide.',
  'admin.csv.tooLarge':
    'Le fichier CSV fait {size, number} Ko, au-delà de la limite de {limit, number} Ko ({megabytes} Mo) de {over, number} Ko.',
  'admin.csv.notCsv': 'Le fichier n’est pas un CSV valide : {reason}',
  'admin.csv.missingColumns':
    'Ligne 1 : {count, plural, one {il manque la colonne} other {il manque les colonnes}} {missing} (obligatoires : {required}). Lue avec le séparateur « {separator, select, tab {tabulation} other {{separator}}} », la première ligne a les colonnes {seen}.',
  'admin.csv.noParticipants': 'Le fichier CSV a une ligne d’en-tête mais aucun participant.',
  'admin.csv.tooMany': 'Le fichier CSV compte {count, plural, one {# participant} other {# participants}} ; la limite est de {limit}.',
  'admin.csv.name.empty': 'Ligne {line}, name : est vide.',
  'admin.csv.email.invalid': 'Ligne {line}, email : « {value} » n’est pas une adresse e-mail valide.',
  'admin.csv.email.duplicate': 'Ligne {line}, email : {value} figure déjà à la ligne {first}.',
  'admin.csv.role.invalid': 'Ligne {line}, role : « {value} » n’est pas un rôle ; utilisez mentor ou mentee.',
  'admin.csv.languageOfCommunication.invalid':
    'Ligne {line}, {column} : « {value} » n’est pas une langue dans laquelle Tandem écrit ; utilisez en (English) ou fr (Français), ou laissez vide pour celle de la cohorte.',
  'admin.csv.timeZone.invalid':
    'Ligne {line}, {column} : « {value} » n’est pas un fuseau horaire ; utilisez un nom tel que Europe/Paris ou America/New_York, ou laissez vide pour celui de la cohorte.',

  'admin.cohorts.notFound.title': 'Cohorte introuvable',
  'admin.cohorts.notFound.body': 'Il n’y a pas de cohorte à l’adresse « {slug} ».',
  'admin.cohorts.notFound.all': 'Toutes les cohortes',
  'admin.cohorts.notice.created': 'Cohorte créée : les invitations sont en route.',
  'admin.cohorts.notice.closed': 'Questionnaire fermé : la formation des binômes vient ensuite.',
  'admin.cohorts.notice.added': 'Participant ajouté : son invitation au questionnaire d’accueil est en route.',
  'admin.cohorts.notice.reminded': 'Un rappel part vers chaque personne qui n’a pas répondu au questionnaire.',
  'admin.cohorts.notice.acknowledged': 'Alerte marquée comme traitée ; la page du binôme la conserve.',
  'admin.cohorts.problem.start':
    'La cohorte est enregistrée, mais son workflow n’a pas pu démarrer (Temporal n’a pas répondu). Réessayez ci-dessous.',
  'admin.cohorts.problem.remindedToday':
    'Un rappel manuel est parti il y a moins d’un jour : les participants en reçoivent au plus un par jour.',
  'admin.cohorts.problem.closed': 'Le questionnaire était déjà fermé.',
  'admin.cohorts.problem.refused': 'Impossible à ce stade du programme.',
  'admin.cohorts.problem.duplicate': 'Une personne avec cette adresse e-mail est déjà dans la cohorte.',
  'admin.cohorts.problem.invalid':
    'Vérifiez le formulaire : un nom, une adresse e-mail valide et un rôle sont nécessaires, et un fuseau horaire tel que Europe/Paris si vous en indiquez un.',
};
