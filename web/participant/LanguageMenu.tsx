import type { Context } from 'hono';
import { setParticipantLanguage } from '../../db/participants.js';
import type { Sql } from '../../db/sql.js';
import { LOCALE_NAMES, LOCALES, parseLocale } from '../../i18n/locales.js';
import { readForm } from '../form-body.js';
import { useTranslator } from '../views/language.js';

/** The language a participant reads Tandem in, changed for this page and every email after it. */
export function LanguageMenu({ action }: { action: string }) {
  const { t, locale } = useTranslator();
  return (
    <form method="post" action={action} class="language-menu">
      <label for="language">{t('language.choose')}</label>{' '}
      <select id="language" name="language">
        {LOCALES.map((l) => (
          <option value={l} lang={l} selected={l === locale}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>{' '}
      <button type="submit" class="secondary">
        {t('language.apply')}
      </button>
    </form>
  );
}

/**
 * What the menu sends, to `<page>/language`: the participant's language from now on, for this page (shown again)
 * and every email after it.
 */
export async function applyLanguageMenu(c: Context, sql: Sql, participantId: string): Promise<Response> {
  const form = await readForm(c);
  const language = typeof form.language === 'string' ? parseLocale(form.language) : undefined;
  if (language) await setParticipantLanguage(sql, participantId, language);
  return c.redirect(c.req.path.replace(/\/language$/, ''), 303);
}
