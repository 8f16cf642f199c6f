export { cohortWorkflow } from './cohort.js';
export { pairWorkflow } from './pair.js';
