import type { adminFrame as english } from './frame.en.js';

/** The frame of every admin page (header, operator alerts, login) and the error pages everyone may meet, in French. */
export const adminFrame: Record<keyof typeof english, string> = {
  // The header and the operator's banner of every admin page
  'admin.frame.cohorts': 'Cohortes',
  'admin.frame.newCohort': 'Nouvelle cohorte',
  'admin.frame.logOut': 'Se déconnecter',
  'admin.frame.operator': 'Pour l’exploitant :',
  'admin.frame.since': '(depuis le {at})',

  // The login page
  'admin.login.title': 'Connexion',
  'admin.login.heading': 'Connexion administrateur',
  'admin.login.user': 'E-mail ou nom d’utilisateur',
  'admin.login.password': 'Mot de passe',
  'admin.login.button': 'Se connecter',
  'admin.login.wrong': 'Utilisateur ou mot de passe incorrect.',
  'admin.login.locked':
    'Trop de mots de passe erronés {scope, select, pair {pour ce compte depuis votre adresse réseau} account {pour ce compte} other {depuis votre adresse réseau}} : la connexion est bloquée ici jusqu’au {until}. Patientez, ou réinitialisez votre mot de passe.',
  'admin.login.suspended': 'Ce compte est suspendu. Adressez-vous à un propriétaire de votre organisation.',
  'admin.login.forgot': 'Mot de passe oublié ?',
  'admin.login.codeHeading': 'Votre code',
  'admin.login.code': 'Le code à 6 chiffres que votre application d’authentification affiche pour Tandem',
  'admin.login.wrongCode': 'Ce code n’est pas celui du moment, ou il a déjà servi. Attendez le suivant.',
  'admin.login.codeExpired': 'Cinq minutes ont passé depuis votre mot de passe : donnez-le de nouveau.',
  'admin.login.sso': 'Se connecter avec {provider}',
  'admin.login.orPassword': 'Ou avec votre mot de passe Tandem :',

  // The error pages, admins' and participants' alike
  'error.page.unavailable.title': 'Tandem ne peut pas répondre pour le moment',
  'error.page.unavailable':
    '{dependency, select, database {Tandem ne parvient pas à joindre sa base de données pour le moment (elle redémarre peut-être).} temporal {Tandem ne parvient pas à joindre son moteur de workflows pour le moment (il redémarre peut-être).} other {Tandem est trop lent à répondre pour le moment (un service derrière lui redémarre ou est surchargé).}} Rien n’a été perdu de votre côté.',
  'error.page.kept':
    'Ce que vous avez envoyé est conservé ci-dessous. Renvoyez-le dans une minute : s’il était bien arrivé la première fois, le renvoyer ne change rien.',
  'error.page.sendAgain': 'Renvoyer',
  'error.page.typed': 'Ce que vous avez saisi',
  'error.page.file': 'Un fichier ne peut pas être conservé : choisissez-le à nouveau en renvoyant le formulaire.',
  'error.page.tryAgain': 'Réessayez',
  'error.page.tryAgain.when': 'dans une minute.',
  'error.page.refused.title': 'Requête refusée',
  'error.page.refused': 'Tandem a refusé cette requête.',
  'error.page.unreadable': 'Tandem n’a pas pu lire cette requête.',
  'error.page.crossSite':
    'Ce formulaire a été envoyé depuis un autre site, Tandem l’a donc refusé. Ouvrez la page sur Tandem même et envoyez le formulaire depuis celle-ci.',
  'error.page.tooLarge': 'Cette requête est plus volumineuse que tout formulaire de Tandem.',
  'error.page.uploadTooLarge':
    'Le fichier dépasse {upload} Mo ; un CSV de participants fait au plus 5 Mo. Revenez au formulaire et choisissez un fichier plus petit.',
  'error.page.sessionEnded': 'Votre session a expiré. Reconnectez-vous.',
  'error.page.unreadableForm': 'Cette requête ne contenait pas de formulaire lisible par Tandem.',
  'error.page.notAllowed': 'Votre rôle ne le permet pas. Adressez-vous à un propriétaire de votre organisation si vous en avez besoin.',
  'error.page.formExpired': 'Ce formulaire a expiré ou ne vient pas de Tandem. Rechargez la page et réessayez.',
  'error.page.noLoginForm': 'Cette requête ne contenait pas le formulaire de connexion.',
  'error.page.failed.title': 'Une erreur est survenue',
  'error.page.failed':
    'L’erreur a été signalée à l’exploitant. Veuillez réessayer ; si elle se reproduit, contactez les organisateurs de votre programme.',
  'error.page.notFound.title': 'Page introuvable',
  'error.page.notFound': 'Il n’y a rien à cette adresse.',
};
