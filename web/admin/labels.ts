import { HEALTH } from '../../domain/pair-health.js';
import { PAIR_STAGES } from '../../domain/types.js';
import type { Translator } from '../../i18n/translator.js';

/*
 * Codes a pair records as strings, in the admin's words. A code the catalogue has no words for (written by a
 * later version, say) is shown as recorded rather than failing the page.
 */
const isOneOf = <C extends string>(codes: readonly C[], value: string): value is C => (codes as readonly string[]).includes(value);

export const pairStageLabel = ({ t }: Translator, stage: string) =>
  isOneOf(PAIR_STAGES, stage) ? t(`admin.cohort.pairStage.${stage}`) : stage;

export const healthLabel = ({ t }: Translator, health: string) => (isOneOf(HEALTH, health) ? t(`admin.cohort.health.${health}`) : health);
