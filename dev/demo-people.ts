/** The demo's participants: alumni mentors and international students, with the answers each gives. */
const FIELDS = ['Engineering', 'Technology', 'Finance', 'Healthcare', 'Research', 'Business & consulting'];
const TOPICS = ['Career choices', 'Job search & applications', 'Networking', 'Studies & research', 'Confidence & communication'];
const STUDENT_LANGUAGES = ['Arabic', 'Chinese', 'Spanish', 'Portuguese', 'German', 'Italian'];
const ALUMNI = [
  'Claire Martin',
  'Hugo Bernard',
  'Louise Petit',
  'Jules Moreau',
  'Camille Laurent',
  'Lucas Simon',
  'Chloé Michel',
  'Arthur Lefebvre',
  'Inès Garcia',
  'Paul Roux',
];
const STUDENTS = [
  'Amina Diallo',
  'Wei Zhang',
  'Lucía Fernández',
  'João Silva',
  'Lena Fischer',
  'Giulia Rossi',
  'Omar Haddad',
  'Mei Chen',
  'Diego Torres',
  'Ana Costa',
];

export interface Person {
  name: string;
  email: string;
  role: 'mentor' | 'mentee';
  survey: Record<string, string | string[]>;
}

/** Alumnus i and student i have the field, topics and a language in common: a good match exists for each. */
export function demoPeople(pairs: number): Person[] {
  return Array.from({ length: pairs }, (_, i) => {
    const field = FIELDS[i % FIELDS.length]!;
    const topics = [TOPICS[i % TOPICS.length]!, TOPICS[(i + 2) % TOPICS.length]!];
    const spoken = STUDENT_LANGUAGES[i % STUDENT_LANGUAGES.length]!;
    const common = { field, availability: 'monthly', meetingMode: 'either', consent: 'on' };
    const alumnus = ALUMNI[i % ALUMNI.length]!;
    const student = STUDENTS[i % STUDENTS.length]!;
    return [
      {
        name: `${alumnus} ${i + 1}`,
        email: `alumnus${i + 1}@alumni.example.org`,
        role: 'mentor' as const,
        survey: { ...common, offers: topics, capacity: '1', languages: ['French', 'English', ...(i % 2 ? [spoken] : [])] },
      },
      {
        name: `${student} ${i + 1}`,
        email: `student${i + 1}@students.example.org`,
        role: 'mentee' as const,
        survey: {
          ...common,
          goals: `Discover ${field.toLowerCase()} in France and meet people in it`,
          helpWith: topics,
          languages: ['English', spoken],
        },
      },
    ];
  }).flat();
}
