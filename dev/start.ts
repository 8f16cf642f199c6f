/**
 * `npm start`: the whole system on one machine with nothing configured (see local-tandem.ts). Ctrl-C stops
 * the web app, the worker, then the servers they use, in that order.
 */
import { localTandem, stopOnSignals, whereToLook } from './local-tandem.js';

const tandem = localTandem();
const shutdown = stopOnSignals(tandem);
try {
  console.log(whereToLook(await tandem.start()));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
