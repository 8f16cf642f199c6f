import type { FieldProblems } from '../../domain/form-problems.js';
import type { MessageKey } from '../../i18n/translator.js';
import { CRITERIA, matchSettingsSchema, type MatchSettings } from '../../matching/settings.js';

type Form = Record<string, string | File | (string | File)[]>;

/**
 * The matching settings form: a weight and a must-match box per criterion, one row per free CSV column,
 * the minimum score and automatic approval. Validation comes from `matchSettingsSchema`, whose messages are
 * catalogue keys: each problem is put into words in the reader's language (`inWords`).
 */
export function settingsFromForm(
  form: Form,
  columns: readonly string[],
): { ok: true; settings: MatchSettings } | { ok: false; problems: FieldProblems } {
  const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
  const raw = {
    threshold: text('threshold'),
    autoApprove: text('autoApprove') === 'on',
    criteria: Object.fromEntries(CRITERIA.map((key) => [key, { weight: text(`weight_${key}`), mustMatch: text(`must_${key}`) === 'on' }])),
    attributes: columns
      .map((column, i) => ({ column, weight: text(`attribute_weight_${i}`) || '0', mustMatch: text(`attribute_must_${i}`) === 'on' }))
      .filter((a) => a.weight !== '0' || a.mustMatch),
  };
  const parsed = matchSettingsSchema.safeParse(raw);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const problems: FieldProblems = {};
  for (const issue of parsed.error.issues) {
    const [section, key] = issue.path;
    const name =
      section === 'criteria'
        ? `weight_${String(key)}`
        : section === 'attributes'
          ? `attribute_weight_${columns.indexOf(raw.attributes[Number(key)]!.column)}`
          : String(section);
    problems[name] ??= { key: issue.message as MessageKey, values: {} };
  }
  return { ok: false, problems };
}
