import type { Context } from 'hono';
import { setParticipantLanguage } from '../../db/participants.js';
import type { Sql } from '../../db/sql.js';
import { z } from 'zod';
import { LOCALE_NAMES, LOCALES, parseLocale } from '../../i18n/locales.js';
import { checkForm } from '../form-body.js';
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

/** One of Tandem's languages; anything else leaves the language as it was. */
const languageFormSchema = z.object({ language: z.string().transform(parseLocale).pipe(z.enum(LOCALES)) });

/**
 * What the menu sends, to `<page>/language`: the participant's language from now on, for this page (shown again)
 * and every email after it.
 */
export async function applyLanguageMenu(c: Context, sql: Sql, participantId: string): Promise<Response> {
  const form = await checkForm(c, languageFormSchema);
  if (form.ok) await setParticipantLanguage(sql, participantId, form.data.language);
  return c.redirect(c.req.path.replace(/\/language$/, ''), 303);
}
