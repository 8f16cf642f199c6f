export { cohortWorkflow } from './cohort/cohort.js';
export { pairWorkflow } from './pair/pair.js';
