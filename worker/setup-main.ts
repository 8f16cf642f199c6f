/** `npm run temporal:setup`: prepares a Temporal namespace for Tandem (docker compose runs it before the app). */
import { Connection } from '@temporalio/client';
import { loadConfig } from '../domain/config.js';
import { ensureSearchAttributes } from './search-attributes-setup.js';

const config = loadConfig(process.env);
const connection = await Connection.connect({ address: config.temporal.address });
const added = await ensureSearchAttributes(connection, config.temporal.namespace);
console.log(added.length ? `Registered search attributes: ${added.join(', ')}` : 'Search attributes already registered');
await connection.close();
