/**
 * `npm run versions`: for each patch of the workflows, the runs it still serves: started before it came (a live
 * patch, whose old path they may take) or before its deprecation. With none left, a live patch may be deprecated
 * and a deprecated one removed (docs/versions.md).
 */
import { Client, Connection } from '@temporalio/client';
import { configSchema } from '../domain/config.js';
import { openRunsByBuild, patchRuns } from './versions.js';

// Only where Temporal is: the command runs beside a deployment without its secrets.
const { TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: namespace } = configSchema
  .pick({ TEMPORAL_ADDRESS: true, TEMPORAL_NAMESPACE: true })
  .parse(process.env);
const connection = await Connection.connect({ address });
try {
  const client = new Client({ connection, namespace });
  const rows = await patchRuns(client);
  console.log(`Runs each patch still serves, in ${namespace} at ${address}:`);
  console.table(
    rows.map((r) => ({
      workflow: r.workflowType,
      patch: r.patch,
      came: r.came,
      deprecated: r.deprecated ?? '',
      open: r.open,
      'closed, in retention': r.closed,
      'next step': r.open + r.closed > 0 ? 'wait' : r.deprecated ? 'may be removed' : 'may be deprecated',
    })),
  );
  console.log('Open runs by the builds of worker code that ran them (SDK version + hash of the workflow bundle):');
  console.table(Object.entries(await openRunsByBuild(client)).map(([build, runs]) => ({ build, 'open runs': runs })));
} finally {
  await connection.close();
}
