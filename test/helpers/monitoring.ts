import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The part of Grafana's dashboard model the provisioned dashboard relies on. */
const target = z.object({
  refId: z.string(),
  expr: z.string().min(1),
  datasource: z.object({ type: z.literal('prometheus'), uid: z.string() }),
});
const gridPos = z.object({
  h: z.number().int().positive(),
  w: z.number().int().min(1).max(24),
  x: z.number().int().min(0),
  y: z.number().int().min(0),
});
const panel = z.discriminatedUnion('type', [
  z.object({ type: z.literal('row'), id: z.number().int(), title: z.string().min(1), gridPos }),
  z.object({
    type: z.enum(['timeseries', 'stat', 'gauge', 'bargauge', 'table']),
    id: z.number().int(),
    title: z.string().min(1),
    description: z.string().min(1),
    gridPos,
    datasource: z.object({ type: z.literal('prometheus'), uid: z.string() }),
    targets: z.array(target).min(1),
  }),
]);
const dashboardSchema = z.object({
  uid: z.string().min(1),
  title: z.string().min(1),
  schemaVersion: z.number().int().min(36),
  panels: z.array(panel).min(1),
});

/** The dashboard Grafana loads, as docker-compose.yml mounts it. */
export function provisionedDashboard() {
  return dashboardSchema.parse(JSON.parse(readFileSync(path.join(ROOT, 'monitoring/grafana/dashboards/tandem.json'), 'utf8')));
}
