import type { adminOrganisation as english } from './organisation.en.js';

/** The organisation's settings page, in French. */
export const adminOrganisation: Record<keyof typeof english, string> = {
  'admin.frame.organisation': 'Organisation',
  'admin.organisation.title': 'Votre organisation',
  'admin.organisation.hint':
    'Les participants les voient sur chaque page et chaque e-mail : le nom, le logo et la couleur en haut, la personne à contacter en bas. Les e-mails partent de l’expéditeur et les réponses vont à l’adresse de réponse.',
  'admin.organisation.name': 'Nom',
  'admin.organisation.name.hint': 'tel que les participants le connaissent, par exemple « Association des anciens de Lyon »',
  'admin.organisation.colour': 'Couleur',
  'admin.organisation.colour.hint': 'de l’en-tête et des boutons, avec un texte blanc dessus',
  'admin.organisation.logo': 'Logo',
  'admin.organisation.logo.hint': 'PNG ou JPEG, 200 Ko au plus ; affiché sur 40 pixels de haut',
  'admin.organisation.logo.current': 'Logo actuel',
  'admin.organisation.logo.remove': 'Retirer le logo',
  'admin.organisation.senderName': 'Nom de l’expéditeur',
  'admin.organisation.senderName.hint': 'facultatif ; à défaut, le nom de l’organisation',
  'admin.organisation.senderAddress': 'Adresse de l’expéditeur',
  'admin.organisation.senderAddress.hint':
    'facultative ; sur un domaine que votre service d’envoi a vérifié. À défaut : l’adresse d’envoi de l’exploitant (EMAIL_FROM), sous votre nom',
  'admin.organisation.replyTo': 'Adresse de réponse',
  'admin.organisation.replyTo.hint': 'facultative ; où vont les réponses des participants. À défaut : l’adresse du contact',
  'admin.organisation.contactName': 'Nom du contact',
  'admin.organisation.contactName.hint':
    'la personne à qui les participants demandent de l’aide, par exemple « Claire Martin, responsable du programme »',
  'admin.organisation.contactEmail': 'Adresse du contact',
  'admin.organisation.save': 'Enregistrer',
  'admin.organisation.saved': 'Enregistré. Les pages l’affichent dès maintenant, les e-mails à partir du prochain envoi.',
  'admin.organisation.error.name': 'Indiquez le nom de l’organisation (120 caractères au plus).',
  'admin.organisation.error.colour': 'Choisissez une couleur au format #rrggbb, par exemple #3b6e8f.',
  'admin.organisation.error.contrast': 'Cette couleur est trop claire pour un texte blanc : choisissez-en une plus foncée.',
  'admin.organisation.error.email': 'Ce n’est pas une adresse e-mail.',
  'admin.organisation.error.logoType': 'Le logo doit être une image PNG ou JPEG.',
  'admin.organisation.error.logoSize': 'Le logo dépasse 200 Ko : choisissez une image plus petite.',
};
