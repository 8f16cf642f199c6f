import type { adminEnrolment as english } from './enrolment.en.js';

/** A cohort's public sign-up link and its sign-ups, in French. */
export const adminEnrolment: Record<keyof typeof english, string> = {
  'admin.enrolment.heading': 'Inscription ouverte',
  'admin.enrolment.hint':
    'Un lien public pour une lettre d’information : chacun choisit mentor ou mentoré, confirme son adresse par e-mail et répond au questionnaire. Les inscriptions sont plafonnées et limitées par adresse réseau ; la page ne révèle à personne qui est déjà inscrit.',
  'admin.enrolment.copy': 'Copier le lien',
  'admin.enrolment.copied': 'Copié',
  'admin.enrolment.qr': 'Le lien en QR code, pour une affiche ou une diapositive.',
  'admin.enrolment.qr.download': 'Télécharger (SVG)',
  'admin.enrolment.link': 'Lien d’inscription',
  'admin.enrolment.open':
    'Ouvert pour {cap, plural, one {# inscription} other {# inscriptions}} au plus : {confirmed, plural, one {# confirmée} other {# confirmées}}, {waiting} en attente de confirmation.',
  'admin.enrolment.closed':
    'Fermé : {confirmed, plural, one {# inscription confirmée} other {# inscriptions confirmées}}. Rouvrir garde le même lien.',
  'admin.enrolment.cap': 'Nombre maximal d’inscriptions',
  'admin.enrolment.openLink': 'Ouvrir l’inscription',
  'admin.enrolment.reopen': 'Rouvrir l’inscription',
  'admin.enrolment.close': 'Fermer l’inscription',
  'admin.enrolment.column.requested': 'Inscrit le',
  'admin.enrolment.column.status': 'État',
  'admin.enrolment.confirmed': 'confirmée : sa page',
  'admin.enrolment.waiting': 'en attente',
  'admin.enrolment.remove': 'Retirer',
  'admin.enrolment.removeLabel': 'Retirer l’inscription : {name}',
  'admin.enrolment.notice.opened': 'L’inscription est ouverte : mettez le lien dans votre lettre d’information.',
  'admin.enrolment.notice.closed': 'L’inscription est fermée : le lien l’indique désormais.',
  'admin.enrolment.notice.removed': 'L’inscription a été retirée : son lien de confirmation ne fonctionne plus.',
  'admin.enrolment.problem.cap': 'L’inscription reste inchangée : indiquez un nombre d’inscriptions entre 1 et 100 000.',
};
