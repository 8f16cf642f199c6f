/** Answers the load scripts give: one per form, valid for its role. */
export const SURVEY = {
  mentor: {
    offers: ['Job search & applications', 'Networking'],
    capacity: '1',
    languages: 'English',
    field: 'Finance',
    availability: 'monthly',
    meetingMode: 'remote',
    consent: 'on',
  },
  mentee: {
    goals: 'Find my first job in finance',
    helpWith: ['Job search & applications', 'Networking'],
    languages: 'English',
    field: 'Finance',
    availability: 'monthly',
    meetingMode: 'remote',
    consent: 'on',
  },
};
export const CHECK_IN = { met: 'yes', meetings: '1', rating: '4', blocking: '', continue: 'yes' };
export const FINAL = { questionsAnswered: 'yes', satisfaction: '5', recommend: '9', improve: 'More of the same' };

/** A form body from its fields, repeated names for lists. */
export function formBody(fields: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  return body;
}
