export { cohortWorkflow } from './cohort/cohort.js';
export { pairWorkflow } from './pair/pair.js';
export { accountEmailWorkflow } from './account-email/account-email.js';
