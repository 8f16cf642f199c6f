/**
 * Who may do what on the admin pages. An owner runs the organisation: accounts, settings, every cohort. A
 * programme manager creates cohorts and runs them (only the ones they manage, when limited to those). A viewer
 * reads cohorts and reports, and can neither act, nor export or erase anyone's data.
 */
export const ROLES = ['owner', 'manager', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  /** Anyone signed in: their own account, their sessions, signing out. */
  | 'self'
  /** Reading cohorts, their pairs, needs and reports. */
  | 'read'
  /** Acting on a cohort: reminders, matching, pairs, enrolment, alerts. */
  | 'run'
  /** Creating a cohort. */
  | 'create'
  /** People's data: a participant's export and erasure, the report's CSV (every pair's answers), the audit log. */
  | 'personal-data'
  /** Accounts, the organisation's settings, the whole audit log. */
  | 'owner';

const GRANTS: Record<Role, readonly Permission[]> = {
  owner: ['self', 'read', 'run', 'create', 'personal-data', 'owner'],
  manager: ['self', 'read', 'run', 'create', 'personal-data'],
  viewer: ['self', 'read'],
};

export const grants = (role: Role, permission: Permission) => GRANTS[role].includes(permission);

/** What the signed-in account may do here: its role's grants, and for a limited manager, only on cohorts it manages. */
export type May = (permission: Permission) => boolean;

/** Permissions a limited manager has only on the cohorts they manage. */
export const COHORT_BOUND: readonly Permission[] = ['read', 'run', 'personal-data'];

export interface AdminAccount {
  id: string;
  login: string;
  name: string;
  email: string | null;
  role: Role;
  limited: boolean;
  status: AccountStatus;
  language: string;
  /** Whether signing in asks for a code from an authenticator app too. */
  secondFactor: boolean;
}

export const ACCOUNT_STATUSES = ['invited', 'active', 'suspended', 'removed'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
