import { adminFrame } from './admin/frame.fr.js';
import { adminCohortPage } from './admin/cohort-page.fr.js';
import { adminCohortForm } from './admin/cohort-form.fr.js';
import { adminMatching } from './admin/matching.fr.js';
import { adminPairs } from './admin/pairs.fr.js';
import { adminAlerts } from './admin/alerts.fr.js';
import { adminNeeds } from './admin/needs.fr.js';
import { adminEnrolment } from './admin/enrolment.fr.js';
import { adminExport } from './admin/export.fr.js';
import { adminOrganisation } from './admin/organisation.fr.js';
import { adminAccounts } from './admin/accounts.fr.js';
import { adminRefusals } from './admin/refusals.fr.js';
import type { Catalogue } from './en.js';

/** Everything Tandem says to participants, in French. */
export const fr: Catalogue = {
  'role.mentor': 'mentor',
  'role.mentee': 'mentoré',
  'link.personal': 'Ce lien est personnel : merci de ne pas le transférer.',
  'link.paste': 'Ou copiez ce lien dans votre navigateur : {url}',
  'brand.contact': 'Une question ? Contactez {name} : {email}',
  'link.expired.title': 'Ce lien a expiré',
  'link.expired.survey':
    'Le questionnaire de ce lien est fermé depuis longtemps. Si vous avez encore besoin d’aide, contactez les organisateurs de votre programme.',
  'link.invalid.title': 'Ce lien n’est pas valide',
  'link.invalid.body': 'Vérifiez que vous avez ouvert le lien complet de votre e-mail ; un lien ne peut être ni partagé ni modifié.',
  'partner.erased': 'votre ancien binôme',
  'link.gone.title': 'Ce lien ne fonctionne plus',
  'link.gone.body':
    'Les données personnelles auxquelles il menait ont été effacées à la demande de la personne concernée. Plus rien ne peut être consulté ni envoyé d’ici.',

  'surveyInvitation.subject': '{cohort} : dites-nous ce dont vous avez besoin avant que nous formions les binômes',
  'surveyInvitation.preview': '{cohort} : quelques questions avant de former les binômes',
  'surveyInvitation.heading': 'Bienvenue dans {cohort}, {name}',
  'surveyInvitation.why':
    '{role, select, mentee {Vous participez en tant que mentoré. Dites-nous vos objectifs et ce sur quoi vous aimeriez de l’aide, pour que nous trouvions le mentor qui vous correspond le mieux.} other {Vous participez en tant que mentor. Dites-nous ce que vous pouvez apporter et combien de mentorés vous pouvez accompagner, pour que nous vous présentions des mentorés que vous pourrez vraiment aider.}}',
  'surveyInvitation.time': 'Cela prend environ cinq minutes. Merci de répondre avant le {deadline}.',
  'surveyInvitation.button': 'Répondre au questionnaire',
  'surveyReminder.subject':
    '{lastCall, select, true {Dernier rappel : le questionnaire {cohort} ferme le {deadline}} other {Rappel : votre questionnaire {cohort}}}',
  'surveyReminder.preview':
    '{lastCall, select, true {Dernier rappel : le questionnaire {cohort} ferme le {deadline}} other {Votre questionnaire {cohort} vous attend}}',
  'surveyReminder.heading': '{lastCall, select, true {Dernier rappel, {name}} other {Petit rappel, {name}}}',
  'surveyReminder.body':
    'Nous n’avons pas encore reçu votre questionnaire d’accueil pour {cohort}. Nous ne formons des binômes qu’avec des personnes dont nous connaissons les besoins : sans vos réponses, nous ne pouvons pas vous trouver de partenaire.',
  'surveyReminder.closes': 'Le questionnaire ferme le {deadline}.',

  'survey.title': '{cohort} : questionnaire d’accueil',
  'survey.intro':
    'Bonjour {name}. Vous participez en tant que {role}. Vos réponses nous aident à former des binômes qui fonctionnent ; vous pouvez revenir les modifier{hasDeadline, select, true { jusqu’au {deadline}} other {}}.',
  'survey.savedBefore': 'Nous avons vos réponses du {when} ; modifiez ce que vous voulez et envoyez à nouveau.',
  'survey.goals': 'Vos objectifs',
  'survey.goals.hint': 'ce que vous espérez accomplir avec un mentor',
  'survey.helpWith': 'Sur quoi aimeriez-vous de l’aide ?',
  'survey.offers': 'Sur quoi pouvez-vous aider ?',
  'survey.capacity': 'Combien de mentorés pouvez-vous accompagner ?',
  'survey.capacity.hint': 'de 1 à 5',
  'survey.experience': 'Votre expérience',
  'survey.experience.hint': 'facultatif : postes, années, ce que vous avez traversé',
  'survey.field': 'Domaine ou secteur d’activité',
  'survey.languages': 'Langues dans lesquelles vous pouvez échanger',
  'survey.availability': 'À quelle fréquence pouvez-vous vous rencontrer ?',
  'survey.meetingMode': 'Comment souhaitez-vous vous rencontrer ?',
  'survey.location': 'Où êtes-vous basé ?',
  'survey.location.hint': 'ville ou région, facultatif',
  'survey.preferences': 'Autre chose à nous dire ?',
  'survey.preferences.hint': 'préférences, contraintes, facultatif',
  'survey.privacy': 'Vos données',
  'survey.consent': 'J’ai lu comment mes données sont utilisées, et j’accepte de participer à ces conditions',
  'survey.send': 'Envoyer mes réponses',
  'survey.closed.title': 'Ce questionnaire est fermé',
  'survey.closed.when': 'Le questionnaire d’accueil du programme {cohort} a fermé le {when}.',
  'survey.closed.answered': 'Vos réponses ont été enregistrées : merci. Nous vous écrirons au sujet de votre binôme.',
  'survey.closed.unanswered':
    'Nous n’avons pas reçu vos réponses à temps ; contactez les organisateurs si vous souhaitez encore participer.',
  'survey.thanks.body':
    'Vos réponses sont enregistrées. Vous pouvez les modifier avec le même lien jusqu’au {deadline} ; nous vous écrirons au sujet de votre binôme.',

  'field.Business & consulting': 'Entreprise et conseil',
  'field.Education': 'Éducation',
  'field.Engineering': 'Ingénierie',
  'field.Finance': 'Finance',
  'field.Healthcare': 'Santé',
  'field.Law': 'Droit',
  'field.Arts & media': 'Arts et médias',
  'field.Non-profit': 'Associatif',
  'field.Public sector': 'Secteur public',
  'field.Research': 'Recherche',
  'field.Technology': 'Technologie',
  'field.Other': 'Autre',
  'topic.Career choices': 'Choix de carrière',
  'topic.Job search & applications': 'Recherche d’emploi et candidatures',
  'topic.Technical skills': 'Compétences techniques',
  'topic.Leadership': 'Leadership',
  'topic.Networking': 'Réseau',
  'topic.Entrepreneurship': 'Entrepreneuriat',
  'topic.Studies & research': 'Études et recherche',
  'topic.Work-life balance': 'Équilibre vie pro et vie perso',
  'topic.Confidence & communication': 'Confiance en soi et communication',
  'language.English': 'Anglais',
  'language.French': 'Français',
  'language.Spanish': 'Espagnol',
  'language.German': 'Allemand',
  'language.Italian': 'Italien',
  'language.Portuguese': 'Portugais',
  'language.Arabic': 'Arabe',
  'language.Chinese': 'Chinois',
  'availability.monthly': 'Environ une fois par mois',
  'availability.fortnightly': 'Toutes les deux semaines',
  'availability.weekly': 'Chaque semaine',
  'meetingMode.remote': 'À distance uniquement',
  'meetingMode.in-person': 'En personne uniquement',
  'meetingMode.either': 'L’un ou l’autre',

  'form.choose': 'Choisir…',
  'form.fix': '{count, plural, one {Merci de corriger ce point :} other {Merci de corriger ces # points :}}',
  'form.notConfirmed':
    'Nous n’avons pas pu confirmer l’enregistrement de vos réponses : Tandem n’a pas pu joindre sa base de données à l’instant. Elles sont toujours là ; merci de les envoyer à nouveau dans une minute. Si le premier envoi est bien arrivé, un nouvel envoi le remplace simplement.',
  'error.option': 'Choisissez parmi les options proposées',
  'error.missing': 'Ce champ n’a pas été envoyé : remplissez-le et envoyez à nouveau le formulaire',
  'error.tooLong': '{maximum, plural, one {# caractère} other {# caractères}} au plus',
  'error.field': 'Choisissez votre domaine ou secteur d’activité',
  'error.languages': 'Cochez au moins une langue',
  'error.availability': 'Choisissez à quelle fréquence vous pouvez vous rencontrer',
  'error.meetingMode': 'Choisissez comment vous souhaitez vous rencontrer',
  'error.goals': 'Décrivez vos objectifs en une ou deux phrases (10 caractères au moins)',
  'error.helpWith': 'Cochez au moins un sujet sur lequel vous aimeriez de l’aide',
  'error.offers': 'Cochez au moins un sujet sur lequel vous pouvez aider',
  'error.capacity': 'Indiquez un nombre de mentorés',
  'error.capacity.whole': 'Indiquez un nombre entier',
  'error.capacity.min': 'Accompagnez au moins un mentoré',
  'error.capacity.max': '5 mentorés au plus',
  'error.consent': 'Vos données : cochez la case pour accepter l’utilisation de vos données (sans cela, vous ne pouvez pas participer)',

  'language.choose': 'Langue',
  'language.apply': 'Changer de langue',

  'reason.field.same': 'même domaine : {field}',
  'reason.field.different': 'domaines différents : {mentee} / {mentor}',
  'reason.topics.some':
    '{shared, select, all {peut aider sur tous les sujets demandés} other {peut aider sur {count} des {wanted, plural, one {# sujet demandé} other {# sujets demandés}}}} : {names}',
  'reason.topics.none': 'ne propose aucun des sujets demandés',
  'reason.language.shared': 'langues en commun : {names}',
  'reason.language.none': 'aucune langue en commun',
  'reason.availability.same': 'même rythme de rencontre : {availability}',
  'reason.availability.close': 'disponibilités proches : {mentee} / {mentor}',
  'reason.availability.differs': 'disponibilités différentes : {mentee} / {mentor}',
  'reason.meeting.remote': 'rencontres à distance possibles',
  'reason.meeting.modes': '{mentee} / {mentor}',
  'reason.meeting.samePlace': 'en personne, au même endroit : {place}',
  'reason.meeting.placeMissing': 'en personne ; un lieu manque',
  'reason.meeting.differentPlaces': 'en personne, mais dans des lieux différents : {mentee} / {mentor}',
  'reason.attribute.same': 'même {column} : {value}',
  'reason.attribute.different': '{column} différent : {mentee} / {mentor}',
  'reason.unknown': 'inconnu',

  'footer.participant': 'Vous recevez cet e-mail parce que vous participez au programme {cohort}.',
  'matchIntroduction.subject': '{cohort} : voici votre {partnerRole}, {partner}',
  'matchIntroduction.heading': '{name}, voici votre {partnerRole} : {partner}',
  'matchIntroduction.footer': 'Vous recevez cet e-mail en tant que {role} du programme {cohort}.',
  'matchIntroduction.fit':
    'Nous avons lu chaque questionnaire d’accueil et formé les binômes de toute la promotion en même temps, pour le meilleur accord d’ensemble. Ce que vous avez en commun avec {partner} :',
  'matchIntroduction.profile': '{partner} en quelques mots',
  'matchIntroduction.profile.field': 'Domaine : {field}',
  'matchIntroduction.profile.languages': 'Langues : {languages}',
  'matchIntroduction.profile.offers': 'Peut vous aider sur : {topics}',
  'matchIntroduction.profile.asks': 'Souhaite de l’aide sur : {topics}',
  'matchIntroduction.charter': 'Avant de commencer : votre charte d’engagement',
  'matchIntroduction.next':
    'La suite : vous recevrez la charte d’engagement du programme, votre binôme aussi. Dès qu’elle porte vos deux signatures, le binôme démarre officiellement et nous vous transmettons vos coordonnées.',
  'charter.subject':
    '{reminder, select, true {Rappel : signez votre charte {cohort} avec {partner} avant le {deadline}} other {{cohort} : signez votre charte avec {partner}}}',
  'charter.preview':
    '{reminder, select, true {Rappel : signez votre charte {cohort} avant le {deadline}} other {{cohort} : votre charte d’engagement}}',
  'charter.heading': '{reminder, select, true {{name}, votre charte n’est pas encore signée} other {{name}, votre charte d’engagement}}',
  'charter.body':
    'Avant que votre binôme avec {partner} ne démarre, la charte du programme reçoit vos deux signatures. Dès qu’elle les a, nous vous transmettons vos coordonnées. Merci de signer avant le {deadline} : un binôme dont la charte n’a pas ses deux signatures à cette date est dissous.',
  'charter.button': 'Lire et signer la charte',
  'kickOff.subject':
    '{continued, select, true {{cohort} : {partner} et vous continuez en binôme long} other {{cohort} : votre binôme avec {partner} démarre}}',
  'kickOff.preview':
    '{continued, select, true {{cohort} : {partner} et vous avez choisi de continuer} other {{cohort} : {partner} et vous avez signé, votre binôme démarre}}',
  'kickOff.footer': '{cohort} · le programme se termine le {end}.',
  'kickOff.heading': '{continued, select, true {Vous continuez ensemble, {name}} other {Votre binôme démarre, {name}}}',
  'kickOff.contact': 'Votre {partnerRole} et vous avez signé la charte. Prenez contact et organisez votre première rencontre :',
  'kickOff.charter': 'La charte que vous avez signée :',
  'kickOff.checkIns':
    'Nous ferons un point d’étape avec vous deux le {dates} : un formulaire d’une minute par e-mail, pour que chaque binôme se passe bien.',
  'kickOff.continued':
    'Votre {partnerRole} et vous avez choisi de continuer après vos rencontres : votre binôme se poursuit en mentorat long, avec les points d’étape ci-dessous et un questionnaire final.',
  'kickOff.flash':
    'Mentorat flash : {meetings, plural, one {votre rencontre doit avoir lieu} other {vos # rencontres doivent avoir lieu}} au plus tard le {by}. Nous vous demanderons ensuite, à vous et à votre binôme, en un court formulaire, comment cela s’est passé.',
  'meetingBooking.subject': '{cohort} : avez-vous fixé votre rencontre avec {partner} ?',
  'meetingBooking.preview': '{cohort} : fixez dès maintenant votre rencontre avec {partner}',
  'meetingBooking.heading': 'Avez-vous fixé votre rencontre, {name} ?',
  'meetingBooking.body':
    'Si ce n’est pas encore dans vos agendas, convenez d’une date avec {partner} dès maintenant : {meetings, plural, one {votre rencontre doit avoir lieu} other {vos # rencontres doivent avoir lieu}} au plus tard le {by}.',
  'meetingBooking.feedback':
    'Une fois cette date passée, nous vous demanderons, à vous et à votre binôme, en un court formulaire, comment cela s’est passé.',
  'meetingBooking.footer': '{cohort} · mentorat flash',
  'checkIn.subject':
    '{feedback, select, true {{reminder, select, true {{cohort} : rappel, comment s’est passée votre rencontre avec {partner} ?} other {{cohort} : comment s’est passée votre rencontre avec {partner} ?}}} other {{reminder, select, true {{cohort} : rappel, votre point d’étape avec {partner}} other {{cohort} : un point d’étape d’une minute avec {partner}}}}}',
  'checkIn.preview':
    '{feedback, select, true {{cohort} : un court formulaire sur votre rencontre} other {{reminder, select, true {{cohort} : rappel, un point d’étape d’une minute} other {{cohort} : un point d’étape d’une minute}}}}',
  'checkIn.heading':
    '{feedback, select, true {{reminder, select, true {{name}, votre retour vous attend} other {Comment cela s’est-il passé, {name} ?}}} other {{reminder, select, true {{name}, votre point d’étape vous attend} other {C’est l’heure du point d’étape, {name}}}}}',
  'checkIn.question':
    '{first, select, true {Avez-vous pris contact avec {partner}, et votre première conversation s’est-elle bien passée ?} other {Comment cela se passe-t-il avec {partner} ?}} Quatre questions rapides nous aident à veiller à ce que chaque binôme se passe bien ; les organisateurs interviennent si quelque chose bloque.',
  'checkIn.closes': 'Vous pouvez répondre jusqu’au {closes}.',
  'checkIn.button': '{feedback, select, true {Donner votre retour} other {Répondre au point d’étape}}',
  'checkIn.feedback':
    'Le temps de votre rencontre avec {partner} est passé. La rencontre a-t-elle eu lieu, était-elle utile, vous reverriez-vous ? Un court formulaire le dit aux organisateurs, et vous permet, à vous et à {partner}, de choisir de continuer.',
  'finalSurvey.subject':
    '{reminder, select, true {{cohort} : rappel, comment cela s’est-il passé avec {partner} ?} other {{cohort} : comment cela s’est-il passé avec {partner} ?}}',
  'finalSurvey.preview':
    '{reminder, select, true {{cohort} : rappel, comment cela s’est-il passé ?} other {{cohort} : comment cela s’est-il passé ?}}',
  'finalSurvey.heading': '{reminder, select, true {{name}, une dernière question} other {Votre binôme avec {partner} touche à sa fin}}',
  'finalSurvey.body':
    '{role, select, mentee {Vos questions ont-elles trouvé réponse auprès de votre mentor, {partner}, et avez-vous reçu l’aide que vous cherchiez ?} other {Comment s’est passé le mentorat avec {partner} ?}} Vos réponses façonnent le prochain programme. Cela prend deux minutes ; le questionnaire ferme le {closes}.',
  'finalSurvey.button': 'Répondre au questionnaire final',
  'pairPaused.subject':
    '{paused, select, true {{cohort} : votre binôme avec {partner} est en pause} other {{cohort} : votre binôme avec {partner} reprend}}',
  'pairPaused.preview':
    '{paused, select, true {{cohort} : votre binôme avec {partner} est en pause} other {{cohort} : votre binôme avec {partner} reprend}}',
  'pairPaused.heading': '{paused, select, true {Votre binôme est en pause, {name}} other {Votre binôme reprend, {name}}}',
  'pairPaused.why': 'L’équipe du programme a mis votre binôme avec {partner} en pause : {reason}',
  'pairPaused.meanwhile':
    'Jusqu’à la reprise, il n’y a ni point d’étape ni rappel, et aucune échéance ne court. Nous vous écrirons à la reprise.',
  'pairPaused.resumed': 'Votre binôme avec {partner} reprend ; ses dates ont été décalées de la durée de la pause.',
  'pairPaused.nextCheckIn': 'Votre prochain point d’étape aura lieu le {at}.',
  'pairPaused.openCheckIn': 'Le point d’étape {round} est ouvert jusqu’au {at}.',
  'pairPaused.ends': 'Le programme se termine pour votre binôme le {at}.',
  'pairDissolved.subject': '{cohort} : votre binôme avec {partner} n’a pas démarré',
  'pairDissolved.heading': '{name}, votre binôme avec {partner} n’a pas démarré',
  'pairDissolved.stays':
    '{signed, select, true {La charte n’a pas été signée par vous deux à temps, le binôme avec {partner} est donc dissous. Vous l’avez signée, et vous restez dans le programme : nous vous cherchons un nouveau partenaire et vous le présenterons par e-mail.} other {La charte n’a pas été signée par vous deux à temps, le binôme avec {partner} est donc dissous. L’équipe du programme vous garde tout de même dans le programme : nous vous cherchons un nouveau partenaire et vous le présenterons par e-mail.}}',
  'pairDissolved.goesOn':
    'Vous n’avez pas signé la charte avec {partner} à temps, ce binôme est donc dissous ; votre binôme avec {others} continue comme avant. Nous ne vous présenterons personne d’autre pour remplacer ce binôme ; si vous le souhaitez, dites-le aux organisateurs.',
  'pairDissolved.leaves':
    'Vous n’avez pas signé la charte à temps, le binôme avec {partner} est donc dissous et vous quittez le programme. S’il s’agit d’une erreur, contactez les organisateurs : ils peuvent vous réintégrer.',

  'link.expired.charter': 'Cette charte est fermée depuis longtemps.',
  'link.expired.checkIn': 'Ce point d’étape est fermé depuis longtemps.',
  'link.expired.finalSurvey': 'Ce questionnaire est fermé depuis longtemps.',
  'link.expired.help': 'Contactez les organisateurs de votre programme si vous avez encore besoin d’aide.',
  'form.send': 'Envoyer',
  'answer.yes': 'Oui',
  'answer.no': 'Non',
  'answer.notYet': 'Pas encore',
  'answer.partly': 'En partie',
  'answer.thanks': 'Merci',
  'answer.already': 'Déjà répondu',

  'charterPage.title': '{cohort} : charte',
  'charterPage.heading': '{cohort} : charte d’engagement',
  'charterPage.intro':
    '{name}, vous êtes en binôme avec {partner} en tant que {role}. Le binôme démarre quand la charte a vos deux signatures{hasDeadline, select, true {, avant le {deadline}} other {}}.',
  'charterPage.commitments': 'Les engagements',
  'charterPage.typedName': 'Votre nom, en guise de signature',
  'charterPage.agree': 'J’ai lu la charte et je m’y engage',
  'charterPage.sign': 'Signer la charte',
  'charterPage.signed.title': 'Vous avez signé cette charte',
  'charterPage.signed.body':
    'Vous avez signé en tant que « {typedName} » le {at}. {state, select, active {Votre binôme avec {partner} a démarré : ses coordonnées vous attendent dans votre boîte e-mail.} both {{partner} a signé aussi : votre binôme démarre, et ses coordonnées arrivent dans votre boîte e-mail.} other {Dès que votre partenaire, {partner}, aura signé aussi, nous vous transmettrons vos coordonnées.}}',
  'charterPage.closed.title': 'Cette charte est fermée',
  'charterPage.closed.body': 'Ce binôme n’attend plus de signature.',
  'charterPage.already': 'Vous avez déjà signé cette charte.',
  'charterPage.closedNow': 'Cette charte est fermée : le binôme n’attend plus de signature.',
  'error.typedName': 'Tapez votre nom complet en guise de signature',
  'error.agree': 'Cochez la case pour vous engager à respecter la charte',

  'checkInPage.title': '{cohort} : point d’étape',
  'checkInPage.heading': 'Point d’étape {round} : vous et {partner}',
  'checkInPage.met':
    'Avez-vous eu une rencontre depuis le dernier point d’étape{first, select, true { (ou depuis votre présentation)} other {}} ?',
  'checkInPage.meetings': 'Combien de fois ?',
  'checkInPage.rating': 'Comment cela se passe-t-il ? (1 : mal, 5 : très bien)',
  'checkInPage.blocking': 'Quelque chose vous bloque-t-il ?',
  'checkInPage.blocking.hint': 'facultatif ; les organisateurs le lisent',
  'checkInPage.continue': 'Souhaitez-vous continuer avec {partner} ?',
  'checkInPage.closed.title': 'Ce point d’étape est fermé',
  'checkInPage.closed.body': 'Ce point d’étape n’est plus ouvert. Vous recevrez le prochain par e-mail.',
  'checkInPage.paused.title': 'Votre binôme est en pause',
  'checkInPage.paused.body':
    'L’équipe du programme a mis votre binôme en pause pour le moment. Ce même lien fonctionnera de nouveau dès la reprise ; nous vous écrirons à ce moment-là.',
  'checkInPage.thanks': 'Votre point d’étape est enregistré. Si quelque chose vous bloque, les organisateurs prendront contact avec vous.',
  'checkInPage.already':
    'Vous aviez déjà répondu à ce point d’étape, ces réponses n’ont donc pas été enregistrées : les premières sont conservées. Si quelque chose a changé depuis, dites-le aux organisateurs.',
  'error.met': 'Dites si vous avez eu une rencontre depuis le dernier point d’étape',
  'error.meetings': 'Indiquez un nombre de rencontres, de 0 à 50',
  'error.rating': 'Choisissez comment cela se passe, de 1 à 5',
  'error.continue': 'Dites si vous souhaitez continuer',

  'finalPage.title': '{cohort} : questionnaire final',
  'finalPage.heading': 'Comment cela s’est-il passé avec {partner} ?',
  'finalPage.questionsAnswered':
    'Vos questions ont-elles trouvé réponse auprès de votre mentor, {partner}, et avez-vous reçu l’aide que vous cherchiez ?',
  'finalPage.satisfaction': 'Dans l’ensemble, quelle est votre satisfaction ? (1 : très faible, 5 : très forte)',
  'finalPage.recommend': 'Recommanderiez-vous le programme à quelqu’un de votre entourage ? (de 0 à 10)',
  'finalPage.improve': 'Qu’est-ce qui pourrait être amélioré ?',
  'finalPage.improve.hint': 'facultatif',
  'finalPage.closed.title': 'Ce questionnaire est fermé',
  'finalPage.closed.body': 'Merci d’avoir participé au programme.',
  'finalPage.thanks': 'Vos réponses sont enregistrées. Merci d’avoir participé.',
  'finalPage.already':
    'Vous aviez déjà répondu à ce questionnaire, ces réponses n’ont donc pas été enregistrées : les premières sont conservées. Merci d’avoir participé.',
  'error.questionsAnswered': 'Dites si votre mentor a répondu à vos questions',
  'error.satisfaction': 'Choisissez votre satisfaction globale, de 1 à 5',
  'error.recommend': 'Choisissez un nombre de 0 à 10',

  // Objectifs : écrits sur la page de la charte, revus à mi-parcours
  'charterPage.objectives': 'Vos objectifs pour ce programme',
  'charterPage.objectives.hint':
    'Deux ou trois choses que vous voulez accomplir ensemble. Vous direz où vous en êtes au point d’étape du milieu du programme.',
  'charterPage.objective': 'Objectif {number}{optional, select, true { (facultatif)} other {}}',
  'checkInPage.objectives': 'Bilan à mi-parcours : où en êtes-vous de chacun de vos objectifs ?',
  'feedbackPage.title': '{cohort} : votre retour',
  'feedbackPage.heading': 'Comment s’est passée votre rencontre avec {partner} ?',
  'feedbackPage.met': 'Avez-vous rencontré {partner} ?',
  'feedbackPage.rating': 'Était-ce utile ? (1 : pas du tout, 5 : très)',
  'feedbackPage.continue': 'Reverriez-vous {partner} ?',
  'feedbackPage.longPair':
    'Souhaitez-vous continuer en binôme de mentorat avec {partner}, avec {count, plural, one {un point d’étape} other {# points d’étape}} dans les mois qui viennent et un questionnaire final ? Vous continuez si vos deux réponses sont oui.',
  'feedbackPage.thanks': 'Merci pour votre retour. Si vos deux réponses sont oui, nous vous écrirons les dates de vos points d’étape.',
  'error.feedback.met': 'Dites si la rencontre a eu lieu',
  'error.feedback.rating': 'Choisissez à quel point c’était utile, de 1 à 5',
  'error.feedback.continue': 'Dites si vous vous reverriez',
  'error.longPair': 'Dites si vous souhaitez continuer en binôme',
  'progress.not-started': 'Pas commencé',
  'progress.in-progress': 'En cours',
  'progress.achieved': 'Atteint',
  'error.objectives': 'Écrivez au moins deux objectifs',
  'error.progress': 'Dites où vous en êtes de cet objectif',

  // Un nouveau binôme, proposé à qui veut continuer quand son partenaire préfère arrêter
  'newPartnerOffer.subject': '{cohort} : souhaitez-vous un nouveau binôme ?',
  'newPartnerOffer.preview': '{cohort} : un nouveau binôme, si vous le souhaitez',
  'newPartnerOffer.heading': 'Souhaitez-vous un nouveau binôme, {name} ?',
  'newPartnerOffer.why':
    '{reason, select, objectivesMet {Au point d’étape de mi-parcours, vous avez dit avoir atteint tous vos objectifs, et vouloir continuer.} other {À votre dernier point d’étape, vous avez dit vouloir continuer, et {partner} a dit préférer arrêter.}}',
  'newPartnerOffer.what':
    '{reason, select, objectivesMet {Un clic et vous rejoignez le prochain appariement, pour de nouveaux objectifs avec quelqu’un d’autre ; votre binôme avec {partner} prend fin, et {partner} retrouve aussi l’appariement si c’était son souhait. Si vous préférez vous fixer de nouveaux objectifs avec {partner}, ignorez cet e-mail.} other {Un clic et vous rejoignez le prochain appariement : nous vous présentons quelqu’un d’autre et votre binôme avec {partner} prend fin. Si vous préférez d’abord en parler avec {partner}, ignorez cet e-mail ; les organisateurs sont informés.}}',
  'newPartnerOffer.button': 'Trouvez-moi un nouveau binôme',
  'newPartnerPage.title': '{cohort} : un nouveau binôme',
  'newPartnerPage.body':
    'Votre binôme avec {partner} prend fin, et vous rejoignez le prochain appariement. Nous vous écrivons dès que nous vous avons présenté quelqu’un.',
  'newPartnerPage.confirm': 'Oui, trouvez-moi un nouveau binôme',
  'newPartnerPage.done.title': 'Vous êtes dans le prochain appariement',
  'newPartnerPage.done.body': 'Votre binôme avec {partner} a pris fin. Nous vous écrivons dès que nous vous avons présenté quelqu’un.',
  'newPartnerPage.over.title': 'Ce binôme a déjà pris fin',
  'newPartnerPage.over.body':
    'Votre binôme avec {partner} a pris fin avant que cette proposition soit acceptée. Contactez les organisateurs du programme si vous souhaitez encore un nouveau binôme.',
  'link.expired.newPartner': 'Cette proposition a pris fin avec le programme.',

  // Inscription ouverte : la page publique, son e-mail et son lien de confirmation
  'enrolment.title': '{cohort} : rejoindre le programme',
  'enrolment.about': 'Le programme',
  'enrolment.about.long':
    'Inscrivez-vous et répondez au court questionnaire avant le {deadline}. Chaque personne mentorée est ensuite associée à une personne mentor pendant environ {weeks, plural, one {# semaine} other {# semaines}}, avec {checkIns, plural, =0 {aucun point d’étape} one {un court point d’étape} other {# courts points d’étape}} en chemin.',
  'enrolment.about.flash':
    'Inscrivez-vous et répondez au court questionnaire avant le {deadline}. Chaque binôme a ensuite {meetings, plural, one {une rencontre} other {# rencontres}} en {days, plural, one {un jour} other {# jours}}.',
  'enrolment.commitment': 'Ce à quoi chaque partenaire s’engage',
  'enrolment.intro':
    'Inscrivez-vous comme mentor ou comme mentoré. Nous vous envoyons un lien pour confirmer votre adresse ; un court questionnaire nous dit ensuite ce que vous cherchez ou proposez, pour vous trouver le bon binôme.',
  'enrolment.name': 'Votre nom complet',
  'enrolment.email': 'Votre adresse e-mail',
  'enrolment.role': 'Vous participez comme',
  'enrolment.role.mentor': 'mentor : je peux aider quelqu’un grâce à mon expérience',
  'enrolment.role.mentee': 'mentoré : je cherche quelqu’un pour m’aider',
  'enrolment.language': 'Langue de nos e-mails',
  'enrolment.submit': 'S’inscrire',
  'enrolment.sent.title': 'Consultez votre messagerie',
  'enrolment.sent.body':
    'Si {email} peut rejoindre ce programme, un e-mail vient d’y partir avec un lien pour confirmer votre adresse. Le lien fonctionne 48 heures ; rien ne se passe tant que vous ne l’ouvrez pas.',
  'enrolment.closed.title': 'Les inscriptions sont closes',
  'enrolment.closed.body':
    'Ce programme ne prend plus d’inscriptions par ce lien. Contactez ses organisateurs si vous souhaitez encore y participer.',
  'enrolment.full.title': 'Ce programme est complet',
  'enrolment.full.body':
    'Toutes les places ouvertes aux inscriptions sont prises. Contactez les organisateurs du programme pour savoir si l’une se libère.',
  'enrolment.throttled.title': 'Trop d’inscriptions depuis votre réseau',
  'enrolment.throttled.body': 'Merci de réessayer dans une heure.',
  'enrolment.expired.title': 'Ce lien de confirmation a expiré',
  'enrolment.expired.body':
    'Les liens de confirmation fonctionnent 48 heures. Inscrivez-vous à nouveau depuis le lien qui vous a été donné, puis confirmez depuis le nouvel e-mail.',
  'error.enrolment.name': 'Indiquez votre nom',
  'error.enrolment.email': 'Indiquez une adresse e-mail valide',
  'error.enrolment.role': 'Choisissez de participer comme mentor ou comme mentoré',
  'enrolmentConfirmation.fullSubject': '{cohort} : le programme est complet',
  'enrolmentConfirmation.full':
    '{role, select, mentee {Vous avez demandé à rejoindre {cohort} comme mentoré.} other {Vous avez demandé à rejoindre {cohort} comme mentor.}}',
  'enrolmentConfirmation.subject': '{cohort} : confirmez votre adresse e-mail',
  'enrolmentConfirmation.preview': 'Confirmez votre adresse pour rejoindre {cohort}',
  'enrolmentConfirmation.heading': 'Confirmez votre adresse, {name}',
  'enrolmentConfirmation.body':
    '{role, select, mentee {Vous avez demandé à rejoindre {cohort} comme mentoré.} other {Vous avez demandé à rejoindre {cohort} comme mentor.}} Confirmez que cette adresse est la vôtre, et le questionnaire d’accueil s’ouvre aussitôt.',
  'enrolmentConfirmation.valid': 'Ce lien fonctionne jusqu’au {until}.',
  'enrolmentConfirmation.button': 'Confirmer et répondre au questionnaire',
  'enrolmentConfirmation.notYou': 'Cette inscription ne vient pas de vous ? Ignorez cet e-mail : rien ne se passe sans votre clic.',

  'privacy.default':
    'Ce que nous collectons : vos nom, e-mail et rôle (transmis par les organisateurs, ou par vous à l’inscription), vos réponses à ce questionnaire, votre signature de la charte et vos objectifs, vos points d’étape et votre questionnaire final.\nPourquoi : pour vous associer au partenaire qui répond le mieux à vos besoins, et suivre votre binôme tout au long du programme.\nQui y a accès : les organisateurs du programme. Votre partenaire reçoit votre nom et votre e-mail lors de la présentation, et rien de ce que vous écrivez dans les points d’étape.\nCombien de temps : pendant le programme, puis 12 mois après sa fin ; elles sont ensuite effacées, seuls des chiffres anonymes sont conservés.\nVos droits : demandez à tout moment aux organisateurs une copie de vos données, ou leur effacement.',

  'charter.default':
    'Nous nous rencontrons au moins une fois par mois, en visio ou en personne, et tenons les dates convenues.\nNous préparons chaque rencontre : la personne mentorée apporte ses questions et ses objectifs, la personne mentor partage son expérience avec franchise.\nCe que nous nous disons reste entre nous.\nNous répondons à chaque point d’étape, pour que les organisateurs puissent aider si quelque chose bloque.\nSi l’un ou l’autre ne peut plus continuer, nous le disons tôt, entre nous et aux organisateurs.',

  // The admin's pages and emails
  ...adminFrame,
  ...adminCohortPage,
  ...adminCohortForm,
  ...adminMatching,
  ...adminPairs,
  ...adminAlerts,
  ...adminNeeds,
  ...adminEnrolment,
  ...adminExport,
  ...adminOrganisation,
  ...adminAccounts,
  ...adminRefusals,
};
