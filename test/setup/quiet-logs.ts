import { logger } from '../../observability/logger.js';

// Tests read what they check, not the app's request lines; warnings and errors still show.
logger.level = 'warn';
