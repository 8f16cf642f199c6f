import type { Hono } from 'hono';
import { ADMIN, PUBLIC_BASE_URL } from './stack.js';

/**
 * Drives the web app through `app.request` as a browser would: cookies, Origin header, CSRF field, and the
 * languages the browser asks for (none by default).
 */
export function webClient(app: Hono, options: { acceptLanguage?: string } = {}) {
  let cookie = '';
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('origin', PUBLIC_BASE_URL);
    if (options.acceptLanguage) headers.set('accept-language', options.acceptLanguage);
    if (cookie) headers.set('cookie', cookie);
    const response = await app.request(`${PUBLIC_BASE_URL}${path}`, { ...init, headers });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0]!;
    return response;
  };
  const client = {
    request,
    get: (path: string) => request(path),
    /** Sends a form as a browser does: urlencoded, or multipart when it carries a file. */
    post: (path: string, form: Record<string, string | string[] | Blob>) => {
      const entries = Object.entries(form).flatMap(([key, value]) =>
        (Array.isArray(value) ? value : [value]).map((v) => [key, v] as const),
      );
      if (entries.every((e): e is readonly [string, string] => typeof e[1] === 'string'))
        return request(path, { method: 'POST', body: new URLSearchParams(entries.map(([k, v]) => [k, v])) });
      const body = new FormData();
      for (const [key, value] of entries) body.append(key, value);
      return request(path, { method: 'POST', body });
    },
    /** Signs in as the test owner, or as another account. */
    async logIn(as: { login: string; password: string } = { login: ADMIN.user, password: ADMIN.password }) {
      const response = await client.post('/admin/login', { user: as.login, password: as.password, next: '/admin' });
      if (response.status !== 303) throw new Error(`login failed: ${response.status}`);
    },
    /** Reads a page's hidden fields (CSRF token, form id) the way a browser would submit them. */
    async hiddenFields(path: string): Promise<Record<string, string>> {
      const html = await (await client.get(path)).text();
      return Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    },
  };
  return client;
}

export function csvFile(text: string, name = 'participants.csv'): File {
  return new File([text], name, { type: 'text/csv' });
}

/** The text of a page without its markup, for readable assertions. */
export const pageText = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
