import type { adminAccounts as english } from './accounts.en.js';

/** Comptes d'administration, rôles, son propre compte et ses sessions, liens d'invitation et de réinitialisation, journal d'audit. */
export const adminAccounts: Record<keyof typeof english, string> = {
  'admin.frame.accounts': 'Comptes',
  'admin.role.owner': 'propriétaire',
  'admin.role.manager': 'responsable de programme',
  'admin.role.viewer': 'lecteur',
  'admin.role.owner.can': 'tout, y compris les comptes et les réglages de l’organisation',
  'admin.role.manager.can':
    'crée des cohortes et gère celles dont il ou elle a la charge, répond aux demandes sur les données des participants',
  'admin.role.viewer.can': 'lit les cohortes et les bilans ; ne peut ni agir, ni exporter, ni effacer',

  'admin.accounts.title': 'Comptes',
  'admin.accounts.hint':
    'Chaque personne qui anime vos programmes a son propre compte : le journal d’audit dit qui a fait quoi, et chacun peut être suspendu sans changer le mot de passe des autres.',
  'admin.accounts.name': 'Nom',
  'admin.accounts.email': 'Adresse e-mail',
  'admin.accounts.role': 'Rôle',
  'admin.accounts.cohorts': 'Cohortes gérées',
  'admin.accounts.status': 'État',
  'admin.accounts.lastSeen': 'Dernière activité',
  'admin.accounts.status.invited': 'invité',
  'admin.accounts.status.active': 'actif',
  'admin.accounts.status.suspended': 'suspendu',
  'admin.accounts.status.removed': 'supprimé',
  'admin.accounts.limited':
    'Responsable de programme : seulement les cohortes dont il ou elle a la charge (les autres lui restent invisibles)',
  'admin.accounts.limited.short': 'ses cohortes seulement',
  'admin.accounts.language': 'Langue de l’invitation',
  'admin.accounts.invite.heading': 'Inviter quelqu’un',
  'admin.accounts.invite.hint':
    'La personne reçoit un e-mail avec un lien pour choisir son mot de passe ; il fonctionne une fois, pendant 7 jours. Elle gère les cohortes qu’elle crée.',
  'admin.accounts.invite.button': 'Envoyer l’invitation',
  'admin.accounts.manages': 'Cohortes dont il ou elle a la charge',
  'admin.accounts.manages.hint': 'Les alertes et le bilan de ces cohortes lui sont envoyés par e-mail.',
  'admin.accounts.save': 'Enregistrer',
  'admin.accounts.access': 'Accès',
  'admin.accounts.access.hint':
    'Suspendre déconnecte partout à la fois et garde le compte pour le réactiver plus tard. Supprimer est définitif ; le journal d’audit garde le nom.',
  'admin.accounts.resend': 'Renvoyer l’invitation',
  'admin.accounts.endSessions': 'Déconnecter partout',
  'admin.accounts.suspend': 'Suspendre',
  'admin.accounts.reactivate': 'Réactiver',
  'admin.accounts.remove': 'Supprimer le compte',
  'admin.accounts.notFound': 'Ce compte n’existe pas',
  'admin.accounts.notice.invited': 'Invitation envoyée.',
  'admin.accounts.notice.saved': 'Enregistré.',
  'admin.accounts.notice.suspended': 'Suspendu : la personne est déconnectée et ne peut plus se connecter.',
  'admin.accounts.notice.reactivated': 'Réactivé : la personne peut de nouveau se connecter.',
  'admin.accounts.notice.removed': 'Le compte est supprimé.',
  'admin.accounts.notice.signedOut': 'La personne est déconnectée partout.',
  'admin.accounts.error.name': 'Indiquez son nom (120 caractères au plus).',
  'admin.accounts.error.email': 'Ce n’est pas une adresse e-mail.',
  'admin.accounts.error.role': 'Choisissez un rôle.',
  'admin.accounts.error.language': 'Choisissez une langue.',
  'admin.accounts.error.exists': 'Cette adresse a déjà un compte.',
  'admin.accounts.error.lastOwner': 'C’est le dernier propriétaire actif : nommez d’abord quelqu’un d’autre propriétaire.',
  'admin.accounts.error.action': 'Tandem n’a pas compris cette action.',

  'admin.account.title': 'Votre compte',
  'admin.account.rename': 'Enregistrer le nom',
  'admin.account.password': 'Mot de passe',
  'admin.account.currentPassword': 'Mot de passe actuel',
  'admin.account.changePassword': 'Changer le mot de passe',
  'admin.account.sessions': 'Où vous êtes connecté',
  'admin.account.sessions.hint':
    'Une session se termine après 12 heures, ou 2 heures sans activité. Changer de mot de passe vous déconnecte partout ailleurs.',
  'admin.account.unknownBrowser': 'Un navigateur',
  'admin.account.thisBrowser': 'ce navigateur',
  'admin.account.sessionTimes': 'depuis le {since}, dernière activité le {last}',
  'admin.account.endSession': 'Y mettre fin',
  'admin.account.notice.renamed': 'Votre nom est enregistré.',
  'admin.account.notice.password': 'Votre mot de passe est changé ; toutes vos autres sessions sont terminées.',
  'admin.account.notice.ended': 'Cette session est terminée.',

  'admin.password.hint':
    'Choisissez un mot de passe d’au moins {min} caractères que vous n’utilisez nulle part ailleurs ; quelques mots sans rapport entre eux font un bon mot de passe.',
  'admin.password.new': 'Nouveau mot de passe',
  'admin.password.confirm': 'Le nouveau mot de passe, encore une fois',
  'admin.password.error.short': 'Utilisez au moins 12 caractères.',
  'admin.password.error.long': 'Utilisez 200 caractères au plus.',
  'admin.password.error.common': 'Ce mot de passe est trop courant ou trop facile à deviner : ajoutez des mots à vous.',
  'admin.password.error.confirm': 'Les deux mots de passe diffèrent.',
  'admin.password.error.current': 'Ce n’est pas votre mot de passe actuel.',

  'admin.link.invalid.title': 'Ce lien ne fonctionne plus',
  'admin.link.invalid.invitation':
    'Il a déjà servi, une invitation plus récente l’a remplacé, ou il a expiré. Demandez à la personne qui vous a invité de la renvoyer.',
  'admin.link.invalid.reset':
    'Il a déjà servi, un lien plus récent l’a remplacé, ou il a expiré (un lien de réinitialisation fonctionne une heure).',
  'admin.welcome.title': 'Bienvenue',
  'admin.welcome.heading': 'Bienvenue, {name}',
  'admin.welcome.body':
    'Vous êtes invité à animer des programmes de mentorat en tant que {role}. Vérifiez votre nom et choisissez votre mot de passe.',
  'admin.welcome.button': 'Créer mon compte',
  'admin.reset.title': 'Choisir un nouveau mot de passe',
  'admin.reset.body':
    'Choisissez votre nouveau mot de passe : toutes les sessions de votre compte se terminent, et vous êtes connecté ici.',
  'admin.reset.button': 'Enregistrer et se connecter',
  'admin.reset.ask': 'Indiquez l’adresse e-mail de votre compte : nous y envoyons un lien pour choisir un nouveau mot de passe.',
  'admin.reset.send': 'Envoyer le lien',
  'admin.reset.sent':
    'Si {email} correspond à un compte, un lien est en route ; il fonctionne une heure. Rien reçu ? Vérifiez l’adresse, ou demandez à un propriétaire.',
  'admin.reset.again': 'Demander un nouveau lien',

  'admin.audit.person': 'Personne',
  'admin.audit.everyone': 'Tout le monde',
  'admin.audit.cohort': 'Cohorte',
  'admin.audit.allCohorts': 'Toutes les cohortes',
  'admin.audit.filter': 'Afficher',
  'admin.audit.count': '{count, plural, =0 {Aucune entrée.} one {# entrée.} other {# entrées.}}',
  'admin.audit.action.export': 'A exporté les données d’un participant',
  'admin.audit.action.erase': 'A effacé les données d’un participant',
  'admin.audit.action.accountInvite': 'A invité un administrateur',
  'admin.audit.action.accountSettings': 'A changé le rôle ou les cohortes d’un compte',
  'admin.audit.action.accountSuspend': 'A suspendu un compte',
  'admin.audit.action.accountReactivate': 'A réactivé un compte',
  'admin.audit.action.accountRemove': 'A supprimé un compte',

  'accountLink.heading': 'Bonjour {name}',
  'accountLink.valid': 'Ce lien fonctionne une fois, jusqu’au {until}.',
  'accountLink.invitation.subject': '{organisation} : votre invitation à animer des programmes de mentorat',
  'accountLink.invitation.preview': 'Choisissez votre mot de passe pour commencer',
  'accountLink.invitation.body':
    'Vous êtes invité à animer des programmes de mentorat sur Tandem, en tant que {role}. Choisissez votre mot de passe pour commencer.',
  'accountLink.invitation.button': 'Choisir mon mot de passe',
  'accountLink.invitation.notYou': 'Vous ne vous y attendiez pas ? Ignorez cet e-mail : aucun compte ne fonctionne sans votre clic.',
  'accountLink.password-reset.subject': '{organisation} : choisissez un nouveau mot de passe',
  'accountLink.password-reset.preview': 'Un lien pour choisir un nouveau mot de passe',
  'accountLink.password-reset.body':
    'Quelqu’un, sans doute vous, a demandé à choisir un nouveau mot de passe pour votre compte d’administration.',
  'accountLink.password-reset.button': 'Choisir un nouveau mot de passe',
  'accountLink.password-reset.notYou': 'Vous n’avez rien demandé ? Ignorez cet e-mail : votre mot de passe reste le même.',

  'admin.sso.refused.title': 'Connexion refusée',
  'admin.sso.refused.expired':
    'Cette connexion a pris trop de temps ou a commencé dans un autre navigateur. Recommencez depuis la page de connexion.',
  'admin.sso.refused.failed': '{provider} n’a pas confirmé la connexion. Recommencez depuis la page de connexion.',
  'admin.sso.refused.unverified':
    '{provider} n’a pas donné d’adresse e-mail vérifiée : Tandem ne peut pas savoir quel compte est le vôtre.',
  'admin.sso.refused.noAccount': 'Il n’y a pas de compte pour {email}. Demandez à un propriétaire de votre organisation de vous inviter.',
};
