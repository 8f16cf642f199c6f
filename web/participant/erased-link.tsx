import type { Context } from 'hono';
import { preferredLocale } from '../../i18n/locales.js';
import { translator } from '../../i18n/translator.js';
import { MessagePage } from '../views/Layout.js';

/**
 * A personal link whose person was erased: it shows nothing and takes nothing, in the browser's language (the
 * person's own is erased with them).
 */
export function erasedLink(c: Context) {
  const text = translator(preferredLocale(c.req.header('accept-language')));
  return c.html(
    <MessagePage text={text} title={text.t('link.gone.title')}>
      <p>{text.t('link.gone.body')}</p>
    </MessagePage>,
    410,
  );
}
