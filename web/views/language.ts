import { createContext, useContext } from 'hono/jsx';
import { translator, type Translator } from '../../i18n/translator.js';

/**
 * The language a page is written in, for every component under it: a participant's page provides theirs;
 * a page that provides none is in English.
 */
export const Language = createContext<Translator>(translator());

export const useTranslator = () => useContext(Language);
