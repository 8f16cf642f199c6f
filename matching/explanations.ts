import type { Translator } from '../i18n/translator.js';
import { CRITERIA, type CriterionKey } from './settings.js';

/* What the matching tells the admin, as data: each reader gets it in their words when it is shown. */

/** Why someone has no partner in a proposal. */
export type UnmatchedWhy =
  | { kind: 'no-mentor' | 'no-place' | 'excluded' | 'unanswered' }
  | { kind: 'waitlist'; fitting: number }
  | { kind: 'must-match'; failing: { criterion: string; label: string; meeting: number; of: number }[] }
  | { kind: 'below-minimum'; best: number; minimum: number }
  | { kind: 'unpaired'; reason: string };

/** What the admin should know about a whole proposal before approving it. */
export type Notice =
  { kind: 'no-mentee' | 'no-mentor' | 'no-place' } | { kind: 'no-pair'; minimum: number } | { kind: 'unanswered'; count: number };

/** Why the admin should look twice at a pair they formed by hand: the rules it breaks. */
export type PairWarning =
  | { kind: 'must-match'; criterion: string; label: string }
  | { kind: 'excluded' }
  | { kind: 'below-minimum'; score: number; minimum: number }
  | { kind: 'over-capacity'; taken: number; capacity: number };

/** A criterion's name, lower-cased to sit in a sentence; a CSV column is named as the admin wrote it. */
const criterionName = ({ t }: Translator, key: string, label: string) =>
  ((CRITERIA as readonly string[]).includes(key) ? t(`admin.matching.criterion.${key as CriterionKey}`) : label).toLowerCase();

export function describeUnmatched(why: UnmatchedWhy, text: Translator): string {
  const { t } = text;
  switch (why.kind) {
    case 'no-mentor':
      return t('matching.unmatched.noMentor');
    case 'no-place':
      return t('matching.unmatched.noPlace');
    case 'excluded':
      return t('matching.unmatched.excluded');
    case 'unanswered':
      return t('matching.unmatched.unanswered');
    case 'waitlist':
      return t('matching.unmatched.waitlist', { count: why.fitting });
    case 'below-minimum':
      return t('matching.unmatched.belowMinimum', { best: why.best, minimum: why.minimum });
    case 'unpaired':
      return t('matching.unmatched.unpaired', { reason: why.reason });
    case 'must-match': {
      const failing = why.failing.map((f) =>
        t('matching.unmatched.mustMatch.criterion', { criterion: criterionName(text, f.criterion, f.label), meeting: f.meeting, of: f.of }),
      );
      return t('matching.unmatched.mustMatch', { failing: failing.join(', ') });
    }
  }
}

export function describeWarning(warning: PairWarning, text: Translator): string {
  const { t } = text;
  switch (warning.kind) {
    case 'must-match':
      return t('matching.warning.mustMatch', { criterion: criterionName(text, warning.criterion, warning.label) });
    case 'excluded':
      return t('matching.warning.excluded');
    case 'below-minimum':
      return t('matching.warning.belowMinimum', { score: warning.score, minimum: warning.minimum });
    case 'over-capacity':
      return t('matching.warning.overCapacity', { taken: warning.taken, capacity: warning.capacity });
  }
}

export function describeNotice(notice: Notice, { t }: Translator): string {
  switch (notice.kind) {
    case 'no-mentee':
      return t('matching.notice.noMentee');
    case 'no-mentor':
      return t('matching.notice.noMentor');
    case 'no-place':
      return t('matching.notice.noPlace');
    case 'no-pair':
      return t('matching.notice.noPair', { minimum: notice.minimum });
    case 'unanswered':
      return t('matching.notice.unanswered', { count: notice.count });
  }
}
