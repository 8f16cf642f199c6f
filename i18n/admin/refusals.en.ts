/**
 * What an admin is told when the programme refuses an action now: workflows and the matching refuse by code
 * (`RefusalCode`), and the page words it in the admin's language.
 */
export const adminRefusals = {
  'refusal.already-ended': 'This has already ended.',
  'refusal.busy': 'Tandem is busy or restarting: try again in a moment.',
  'refusal.not-in-pair': 'Choose the mentee or the mentor of this pair.',
  'refusal.pair-paused': 'The pair is paused: resume it first.',
  'refusal.nothing-to-nudge': 'The pair is not waiting on anyone right now: nothing to nudge.',
  'refusal.extension-not-positive': 'An extension must be a positive duration.',
  'refusal.no-deadline': 'The pair has no open deadline to extend right now.',
  'refusal.deadline-passed': 'This deadline has already passed.',
  'refusal.pause-needs-reason': 'Say why the pair is paused: both parties are told.',
  'refusal.already-paused': 'The pair is already paused.',
  'refusal.pause-only-running':
    'Only a running pair can be paused (to give more time for the charter or the final survey, extend its deadline).',
  'refusal.not-paused': 'The pair is not paused.',
  'refusal.keep-both-choice': 'Choose whether both are matched again.',
  'refusal.charter-over': 'The charter stage is over: nothing to decide.',
  'refusal.survey-closed': 'The survey is already closed.',
  'refusal.reminder-too-soon': 'A reminder went out by hand less than a day ago.',
  'refusal.proposal-closed': 'This proposal is no longer open for review.',
  'refusal.no-proposal': 'There is no proposal under review.',
  'refusal.rematch-window': 'Rematching is possible from matching until the programme ends.',
  'refusal.programme-ended': 'The programme has ended.',
  'refusal.adjust-reason': 'Give a reason for the change.',
  'refusal.mentee-not-in-run': 'This mentee is not part of this proposal.',
  'refusal.mentor-not-in-run': 'This mentor is not part of this proposal.',
  'refusal.mentee-unpaired': 'This mentee has no proposed pair.',
  'refusal.swap-two-mentees': 'Choose two different mentees who both have a proposed pair.',
};

/** Why the programme refused an action, as workflows and activities say it (the page words it). */
export type RefusalCode = {
  [K in keyof typeof adminRefusals]: K extends `refusal.${infer Code}` ? Code : never;
}[keyof typeof adminRefusals];
