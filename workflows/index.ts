export { cohortWorkflow } from './cohort.js';
