import { pino } from 'pino';

/**
 * Every process writes JSON lines to stdout, one per event, for the platform's log collector: a level, an ISO
 * time, the message, and the ids that find the rest (request id, workflow and run ids, activity type). Never a
 * person's name, address or words: they live in PostgreSQL, and a log line names them by id.
 */
export const logger = pino({
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

export type Logger = typeof logger;
