import type { Cohort } from '../../db/cohorts.js';
import type { PersonalData } from '../../db/personal-data.js';
import { LOCALE_NAMES } from '../../i18n/locales.js';
import { CATALOGUES, type MessageKey, type Translator } from '../../i18n/translator.js';
import { Layout, type AdminFrame } from '../views/Layout.js';

/**
 * Everything Tandem holds about one participant, as a page an admin can read, print or send them: the same data
 * as the JSON export, a section per kind, each field named in the admin's language.
 */
export function PersonalDataPage({
  cohort,
  data,
  admin,
  exportedAt,
  jsonUrl,
}: {
  cohort: Cohort;
  data: PersonalData;
  admin: AdminFrame;
  exportedAt: Date;
  jsonUrl: string;
}) {
  const { t, instant } = admin.text;
  // Without a language or time zone of their own, the person gets the cohort's: the page says which.
  const cohortDefault = (value: string) => t('admin.export.cohortDefault', { value });
  const participant = {
    ...data.participant,
    language: data.participant.language ?? cohortDefault(LOCALE_NAMES[cohort.language]),
    timeZone: data.participant.timeZone ?? cohortDefault(cohort.timeZone),
  };
  const sections = Object.entries({ ...data, participant }) as [keyof PersonalData, unknown][];
  return (
    <Layout title={`${t('admin.export.title', { name: data.participant.name })} · ${cohort.name}`} admin={admin}>
      <h1>{t('admin.export.title', { name: data.participant.name })}</h1>
      <p class="hint">
        {t('admin.export.hint', { at: instant(exportedAt) })} <a href={jsonUrl}>{t('admin.export.json')}</a>
      </p>
      {sections.map(([section, value]) => (
        <section class="card" data-section={section}>
          <h2>{t(`admin.export.section.${section}`)}</h2>
          <Value value={value} text={admin.text} />
        </section>
      ))}
    </Layout>
  );
}

/** A field's name: ours translated; keys that are people's or the admin's (survey questions, CSV columns) as they are. */
function fieldName(key: string, { t, locale }: Translator) {
  const known = `admin.export.field.${key}`;
  return known in CATALOGUES[locale] ? t(known as MessageKey) : key;
}

function Value({ value, text }: { value: unknown; text: Translator }) {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
    return <span class="muted">{text.t('admin.export.none')}</span>;
  if (value instanceof Date) return <>{text.instant(value)}</>;
  if (typeof value === 'boolean') return <>{value ? '✓' : '✗'}</>;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return <>{value.join(', ')}</>;
    return (
      <ol>
        {value.map((v) => (
          <li>
            <Value value={v} text={text} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof value === 'object') {
    return (
      <dl class="fields">
        {Object.entries(value).map(([key, v]) => (
          <>
            <dt>{fieldName(key, text)}</dt>
            <dd>
              <Value value={v} text={text} />
            </dd>
          </>
        ))}
      </dl>
    );
  }
  return <>{String(value)}</>;
}
