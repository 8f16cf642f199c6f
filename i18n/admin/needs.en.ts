/** A cohort's needs (mentees' wishes against mentors' offers), in English. */
export const adminNeeds = {
  'admin.needs.heading': 'Needs: what mentees ask for, what mentors offer',
  'admin.needs.none': 'No survey answered yet: the figures appear as answers come in.',
  'admin.needs.summary':
    '{closed, select, true {{mentees, plural, one {# mentee} other {# mentees}} and {mentors, plural, one {# mentor} other {# mentors}} answered; the mentors offered {places, plural, one {# place} other {# places}}.} other {{mentees, plural, one {# mentee} other {# mentees}} and {mentors, plural, one {# mentor} other {# mentors}} have answered so far; the mentors offer {places, plural, one {# place} other {# places}}.}}',
  'admin.needs.missing': '{count, plural, one {# place is missing.} other {# places are missing.}}',
  'admin.needs.shortages': 'Mentees no mentor can meet',
  'admin.needs.shortage.field':
    '{mentees, plural, one {# mentee works} other {# mentees work}} in {option}; {mentors, plural, =0 {no mentor does} one {# mentor does, with {places, plural, one {# place} other {# places}}} other {# mentors do, with {places, plural, one {# place} other {# places}}}}: {unmet, plural, one {# mentee} other {# mentees}} will have a mentor from another field.',
  'admin.needs.shortage.topic':
    '{unmet, plural, one {# mentee asks} other {# mentees ask}} for help with {option}, and no mentor offers it or anything else they asked for.',
  'admin.needs.shortage.language':
    '{unmet, plural, one {# mentee speaks} other {# mentees speak}} {option} and no language a mentor speaks.',
  'admin.needs.legend.mentees': 'mentees asking',
  'admin.needs.legend.places': 'places offered',
  'admin.needs.dimension.field': 'Fields',
  'admin.needs.dimension.topic': 'Topics',
  'admin.needs.dimension.language': 'Languages',
  'admin.needs.column.option': 'Option',
  'admin.needs.column.mentees': 'Mentees',
  'admin.needs.column.mentors': 'Mentors',
  'admin.needs.column.places': 'Places',
  'admin.needs.csv': 'Download the needs as CSV',
} as const;
