import { Hono } from 'hono';
import { getOutboxMessage, listOutboxMessages } from '../../db/emails.js';
import { formatInstant } from '../../domain/schedule.js';
import type { WebDeps } from '../deps.js';
import { Layout, MessagePage } from '../views/Layout.js';

/**
 * The dev outbox: every message the worker "sent" while no Resend key is set, rendered with its links
 * clickable, so one person can play every participant locally.
 */
export function createOutboxRoutes({ sql }: WebDeps) {
  return new Hono()
    .get('/', async (c) => {
      const to = c.req.query('to') || undefined;
      const messages = await listOutboxMessages(sql, { to, limit: 500 });
      return c.html(
        <Layout title="Dev outbox">
          <h1>Dev outbox</h1>
          <p class="muted">
            Emails land here instead of being sent because RESEND_API_KEY is not set. Newest first{to ? `, to ${to}` : ''}.
          </p>
          <form method="get" action="/dev/outbox">
            <input type="text" name="to" placeholder="filter by recipient email" value={to ?? ''} />
          </form>
          <table class="card">
            <thead>
              <tr>
                <th>To</th>
                <th>Subject</th>
                <th>Stored</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr>
                  <td>{m.toAddress}</td>
                  <td>
                    <a href={`/dev/outbox/${m.id}`}>{m.subject}</a>
                  </td>
                  <td>{formatInstant(m.createdAt.getTime())}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Layout>,
      );
    })
    .get('/:id', async (c) => {
      const message = await getOutboxMessage(sql, c.req.param('id'));
      if (!message)
        return c.html(
          <MessagePage title="No such message">
            <p>
              <a href="/dev/outbox">Back to the outbox</a>
            </p>
          </MessagePage>,
          404,
        );
      return c.html(
        <Layout title={message.subject}>
          <p>
            <a href="/dev/outbox">← Outbox</a>
          </p>
          <div class="card">
            <p>
              <strong>{message.subject}</strong>
              <br />
              From {message.fromAddress} to {message.toAddress}
              {message.replyTo && (
                <>
                  <br />
                  Replies to {message.replyTo}
                </>
              )}
            </p>
            <iframe
              title="Email"
              src={`/dev/outbox/${message.id}/html`}
              sandbox="allow-top-navigation-by-user-activation allow-popups allow-popups-to-escape-sandbox"
              class="email-frame"
            />
            <details>
              <summary>Plain text</summary>
              <pre class="pre-wrap">{message.text}</pre>
            </details>
          </div>
        </Layout>,
      );
    })
    .get('/:id/html', async (c) => {
      const message = await getOutboxMessage(sql, c.req.param('id'));
      if (!message) return c.text('No such message', 404);
      // The email as a mail client shows it: its own inline styles, no script, links opening in the whole tab.
      c.header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src * data:; frame-ancestors 'self'; base-uri 'none'",
      );
      c.header('x-frame-options', 'SAMEORIGIN');
      return c.html(message.html.replace(/<head>/i, '<head><base target="_top">'));
    });
}
