import type { adminRefusals as english } from './refusals.en.js';

/** What an admin is told when the programme refuses an action now, in French. */
export const adminRefusals: Record<keyof typeof english, string> = {
  'refusal.already-ended': 'C’est déjà terminé.',
  'refusal.busy': 'Tandem est occupé ou redémarre : réessayez dans un instant.',
  'refusal.not-in-pair': 'Choisissez le mentoré ou le mentor de ce binôme.',
  'refusal.pair-paused': 'Le binôme est en pause : reprenez-le d’abord.',
  'refusal.nothing-to-nudge': 'Le binôme n’attend personne en ce moment : il n’y a personne à relancer.',
  'refusal.extension-not-positive': 'Une prolongation doit être une durée positive.',
  'refusal.no-deadline': 'Le binôme n’a pas d’échéance ouverte à prolonger en ce moment.',
  'refusal.deadline-passed': 'Cette échéance est déjà passée.',
  'refusal.pause-needs-reason': 'Dites pourquoi le binôme est mis en pause : les deux membres en sont informés.',
  'refusal.already-paused': 'Le binôme est déjà en pause.',
  'refusal.pause-only-running':
    'Seul un binôme en cours peut être mis en pause (pour laisser plus de temps pour la charte ou le questionnaire final, prolongez son échéance).',
  'refusal.not-paused': 'Le binôme n’est pas en pause.',
  'refusal.keep-both-choice': 'Choisissez si les deux sont à nouveau appariés.',
  'refusal.charter-over': 'L’étape de la charte est terminée : il n’y a plus rien à décider.',
  'refusal.survey-closed': 'Le questionnaire est déjà clos.',
  'refusal.reminder-too-soon': 'Une relance a été envoyée à la main il y a moins d’un jour.',
  'refusal.proposal-closed': 'Cette proposition n’est plus en cours de revue.',
  'refusal.no-proposal': 'Aucune proposition n’est en cours de revue.',
  'refusal.rematch-window': 'Un nouvel appariement est possible de l’appariement jusqu’à la fin du programme.',
  'refusal.programme-ended': 'Le programme est terminé.',
  'refusal.adjust-reason': 'Donnez la raison de ce changement.',
  'refusal.mentee-not-in-run': 'Ce mentoré ne fait pas partie de cette proposition.',
  'refusal.mentor-not-in-run': 'Ce mentor ne fait pas partie de cette proposition.',
  'refusal.mentee-unpaired': 'Ce mentoré n’a pas de binôme proposé.',
  'refusal.swap-two-mentees': 'Choisissez deux mentorés différents qui ont chacun un binôme proposé.',
};
