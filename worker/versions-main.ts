/**
 * `npm run versions`: for each patch of the workflows, the runs started before it came, which may still take
 * its old path. A patch with none left may be deprecated (docs/versions.md).
 */
import { Client, Connection } from '@temporalio/client';
import { configSchema } from '../domain/config.js';
import { patchRuns } from './versions.js';

// Only where Temporal is: the command runs beside a deployment without its secrets.
const { TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: namespace } = configSchema
  .pick({ TEMPORAL_ADDRESS: true, TEMPORAL_NAMESPACE: true })
  .parse(process.env);
const connection = await Connection.connect({ address });
try {
  const rows = await patchRuns(new Client({ connection, namespace }));
  console.log(`Runs that may take a patch's old path, in ${namespace} at ${address}:`);
  console.table(
    rows.map((r) => ({
      workflow: r.workflowType,
      patch: r.patch,
      came: r.came,
      open: r.open,
      'closed, in retention': r.closed,
      'may be deprecated': r.open + r.closed === 0 ? 'yes' : 'no',
    })),
  );
} finally {
  await connection.close();
}
