import { logger } from '../../observability/logger.js';

// Tests read what they check, not the app's request lines nor the 503s of the outages they cause; errors still show.
logger.level = 'error';
