import proto from '@temporalio/proto';
import { afterAll, beforeAll } from 'vitest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { TEMPORAL_TEST_SERVER, ensureTool } from '../../dev/tools.js';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes.js';
import { quietRuntime, testDataConverter } from './stack.js';

/** A programme's units of time, in milliseconds. */
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * Temporal's time-skipping test server, with Tandem's search attributes: months of programme in seconds. With
 * `encrypted`, its client seals payloads as production does (for workers made by `startTestWorker`).
 */
export async function startTimeSkipping({ encrypted = false } = {}): Promise<TestWorkflowEnvironment> {
  const path = await ensureTool(TEMPORAL_TEST_SERVER);
  quietRuntime(); // before the environment makes the runtime its own way
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path } },
    ...(encrypted ? { client: { dataConverter: testDataConverter } } : {}),
  });
  // The test server cannot list search attributes, but it can add them.
  await env.connection.operatorService.addSearchAttributes({
    namespace: 'default',
    searchAttributes: Object.fromEntries(
      Object.keys(SEARCH_ATTRIBUTES).map((name) => [name, proto.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD]),
    ),
  });
  return env;
}

/** The time-skipping server for one test file: started before its tests, torn down after them. */
export function timeSkippingForFile(): () => TestWorkflowEnvironment {
  let env: TestWorkflowEnvironment | undefined;
  beforeAll(async () => {
    env = await startTimeSkipping({ encrypted: true });
  });
  afterAll(async () => env?.teardown());
  return () => env!;
}
