import proto from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { TEMPORAL_TEST_SERVER, ensureTool } from '../../dev/tools.js';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes.js';

/** Temporal's time-skipping test server, with Tandem's search attributes: months of programme in seconds. */
export async function startTimeSkipping(): Promise<TestWorkflowEnvironment> {
  const path = await ensureTool(TEMPORAL_TEST_SERVER);
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
  // The test server cannot list search attributes, but it can add them.
  await env.connection.operatorService.addSearchAttributes({
    namespace: 'default',
    searchAttributes: Object.fromEntries(
      Object.keys(SEARCH_ATTRIBUTES).map((name) => [name, proto.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD]),
    ),
  });
  return env;
}
