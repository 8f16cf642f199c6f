import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';

/**
 * The pages' stylesheet and their scripts, served as files: the Content-Security-Policy allows no inline
 * style or script. Each URL carries a hash of its content, so it can be cached for good.
 */
const files = {
  css: { file: 'styles.css', type: 'text/css; charset=utf-8' },
  live: { file: 'live.js', type: 'text/javascript; charset=utf-8' },
  uploadLimit: { file: 'upload-limit.js', type: 'text/javascript; charset=utf-8' },
  timeZone: { file: 'time-zone.js', type: 'text/javascript; charset=utf-8' },
  copy: { file: 'copy.js', type: 'text/javascript; charset=utf-8' },
  print: { file: 'print.js', type: 'text/javascript; charset=utf-8' },
  favicon: { file: 'favicon.svg', type: 'image/svg+xml' },
} as const;

/** The files `npm run build` copies beside the compiled code. */
export const ASSET_FILES = Object.values(files).map((f) => f.file);

// Beside the compiled code too: `npm run build` copies them into dist/web/views/.
const read = (file: string) => readFileSync(new URL(`./views/${file}`, import.meta.url), 'utf8');
const loaded = Object.fromEntries(
  Object.entries(files).map(([name, { file, type }]) => {
    const body = read(file);
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    return [name, { path: `/assets/${hash}-${file}`, body, type }];
  }),
) as Record<keyof typeof files, { path: string; body: string; type: string }>;

export const ASSETS = {
  css: loaded.css.path,
  live: loaded.live.path,
  uploadLimit: loaded.uploadLimit.path,
  timeZone: loaded.timeZone.path,
  copy: loaded.copy.path,
  print: loaded.print.path,
  favicon: loaded.favicon.path,
};

export function createAssetRoutes() {
  const app = new Hono();
  for (const asset of Object.values(loaded)) {
    app.get(asset.path.slice('/assets'.length), (c) => {
      c.header('cache-control', 'public, max-age=31536000, immutable');
      c.header('content-type', asset.type);
      return c.body(asset.body);
    });
  }
  return app;
}
