import { msToTs } from '@temporalio/common/lib/time.js';
import { Connection } from '@temporalio/client';
import { expect, inject, it } from 'vitest';
import { ensureSearchAttributes } from '../../worker/search-attributes-setup.js';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes.js';

it('registers the search attributes on a namespace that lacks them, once', async () => {
  const connection = await Connection.connect({ address: inject('temporalAddress') });
  try {
    const namespace = `setup-${Date.now()}`;
    await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('1 day') });
    // A namespace is usable a moment after it is registered.
    let added: string[] = [];
    for (let attempt = 0; ; attempt++) {
      try {
        added = await ensureSearchAttributes(connection, namespace);
        break;
      } catch (error) {
        if (attempt > 50) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    expect(added.sort()).toEqual(Object.keys(SEARCH_ATTRIBUTES).sort());
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
    for (const name of Object.keys(SEARCH_ATTRIBUTES)) expect(customAttributes?.[name]).toBeDefined();
    expect(await ensureSearchAttributes(connection, namespace)).toEqual([]);
  } finally {
    await connection.close();
  }
});
