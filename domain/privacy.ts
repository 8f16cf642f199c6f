/**
 * What participants are told about their data before they answer, unless the cohort says it in its own words:
 * what is collected, why, who sees it, for how long, and their rights (GDPR articles 13, 15 and 17).
 */
export const DEFAULT_PRIVACY_NOTICE = [
  'What we collect: your name, email and role from the organisers, the answers you give in this survey, your charter signature, your check-ins and your final survey.',
  'Why: to match you with the partner who fits your needs best, and to follow your pair through the programme.',
  'Who sees it: the programme\'s organisers. Your partner receives your name and email when you are introduced, and nothing you write in check-ins.',
  'How long: for the programme, then 12 months after it ends; then it is erased, keeping only anonymous figures.',
  'Your rights: ask the organisers at any time for a copy of your data, or for its erasure.',
].join('\n');

export const noticeOf = (cohort: { privacyNotice?: string }) => cohort.privacyNotice || DEFAULT_PRIVACY_NOTICE;
