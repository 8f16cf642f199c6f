import { LOCALE_NAMES, LOCALES } from '../../i18n/locales.js';
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
