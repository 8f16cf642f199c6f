import { describe, expect, it } from 'vitest';
import { groupAlerts, severityOf, type AlertDetails } from '../../domain/alerts.js';
import { nextStep, type CohortProgress } from '../../domain/cohort-next-step.js';
import { PER_PAGE } from '../../domain/paging.js';
import { pairsPage, pairsQuerySchema, type PairRow } from '../../domain/pairs-query.js';
import type { ProgrammeSchedule } from '../../domain/schedule.js';

const DAY = 86_400_000;

const pair = (n: number, overrides: Partial<PairRow> = {}): PairRow => ({
  id: `pair-${n}`,
  status: 'active',
  stage: 'active',
  health: 'on-track',
  healthReasons: [],
  score: 50 + (n % 50),
  charterDeadline: null,
  pausedSince: null,
  createdAt: new Date(Date.UTC(2026, 0, 1) + n * 1000),
  menteeId: `mentee-${n}`,
  mentorId: `mentor-${n}`,
  menteeName: `Mentee ${String(n).padStart(5, '0')}`,
  mentorName: `Mentor ${String(n).padStart(5, '0')}`,
  ...overrides,
});

const query = (q: Record<string, string> = {}) => pairsQuerySchema.parse(q);

describe('the pairs table', () => {
  const pairs = [
    ...Array.from({ length: 120 }, (_, n) => pair(n)),
    pair(1000, { menteeName: 'Hélène Dubois', health: 'at-risk' }),
    pair(1001, { mentorName: 'Zoë Martin', health: 'needs-attention' }),
    pair(1002, { menteeName: 'Paused Person', pausedSince: new Date() }),
    pair(1003, { menteeName: 'Aaron Ended', status: 'ended', stage: 'completed' }),
    pair(1004, { menteeName: 'New Pair', stage: 'charter', health: null }),
  ];

  it('puts the pairs that need the admin first, ended ones last, and cuts pages of 50', () => {
    const first = pairsPage(pairs, query());
    expect(first.matching).toBe(125);
    expect(first.pages).toBe(3);
    expect(first.rows).toHaveLength(PER_PAGE);
    expect(first.rows.slice(0, 3).map((p) => p.id)).toEqual(['pair-1000', 'pair-1001', 'pair-1002']);
    const last = pairsPage(pairs, query({ page: '3' }));
    expect(last.rows.at(-1)!.id).toBe('pair-1003');
    expect(last.rows).toHaveLength(25);
    // A page beyond the last shows the last; a page that is not a number shows the first.
    expect(pairsPage(pairs, query({ page: '99' })).page).toBe(3);
    expect(pairsPage(pairs, query({ page: 'x' })).page).toBe(1);
  });

  it('finds either party by name, without minding case or accents, or by the address the database found', () => {
    expect(pairsPage(pairs, query({ q: 'helene' })).rows.map((p) => p.id)).toEqual(['pair-1000']);
    expect(pairsPage(pairs, query({ q: 'ZOE mart' })).rows.map((p) => p.id)).toEqual(['pair-1001']);
    expect(pairsPage(pairs, query({ q: 'mentor7@example.org' }), new Set(['mentor-7'])).rows.map((p) => p.id)).toEqual(['pair-7']);
    expect(pairsPage(pairs, query({ q: 'nobody' })).matching).toBe(0);
  });

  it('filters by stage and health', () => {
    expect(pairsPage(pairs, query({ stage: 'completed' })).rows.map((p) => p.id)).toEqual(['pair-1003']);
    expect(pairsPage(pairs, query({ stage: 'running' })).matching).toBe(124);
    expect(pairsPage(pairs, query({ health: 'paused' })).rows.map((p) => p.id)).toEqual(['pair-1002']);
    expect(pairsPage(pairs, query({ health: 'none' })).rows.map((p) => p.id)).toEqual(['pair-1004']);
    expect(pairsPage(pairs, query({ health: 'at-risk', stage: 'active' })).rows.map((p) => p.id)).toEqual(['pair-1000']);
    // A filter the page never offers shows everything rather than failing.
    expect(pairsPage(pairs, query({ stage: 'bogus', sort: 'bogus' })).matching).toBe(125);
  });

  it('orders by either name, by score (lowest first) or newest first', () => {
    expect(pairsPage(pairs, query({ sort: 'mentee' })).rows[0]!.menteeName).toBe('Aaron Ended');
    expect(pairsPage(pairs, query({ sort: 'mentor' })).rows[0]!.mentorName).toBe('Mentor 00000');
    expect(pairsPage(pairs, query({ sort: 'score' })).rows[0]!.score).toBe(50);
    expect(pairsPage(pairs, query({ sort: 'newest' })).rows[0]!.id).toBe('pair-1004');
  });
});

describe('alerts', () => {
  const health = (atRisk: boolean): AlertDetails => ({
    kind: 'health',
    menteeId: 'a',
    mentorId: 'b',
    atRisk,
    checkIn: 1,
    reasons: [],
    blockedIds: [],
  });

  it('are as severe as what they say', () => {
    expect(severityOf(health(true))).toBe('urgent');
    expect(severityOf(health(false))).toBe('warning');
    expect(severityOf({ kind: 'pair-dissolved', menteeId: 'a', mentorId: 'b' })).toBe('info');
    expect(severityOf({ kind: 'too-late-to-rematch', participantId: 'a' })).toBe('warning');
    expect(severityOf(null)).toBe('warning');
  });

  it('are grouped by pair, the most severe group first, newest first within', () => {
    const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));
    const groups = groupAlerts([
      { id: 1, pairId: 'p1', details: health(false), createdAt: at(1) },
      { id: 2, pairId: null, details: { kind: 'proposal-withdrawn', mentees: 2 } as AlertDetails, createdAt: at(9) },
      { id: 3, pairId: 'p2', details: health(false), createdAt: at(5) },
      { id: 4, pairId: 'p1', details: health(true), createdAt: at(3) },
    ]);
    expect(groups.map((g) => [g.pairId, g.severity, g.alerts.map((a) => a.id)])).toEqual([
      ['p1', 'urgent', [4, 1]],
      ['p2', 'warning', [3]],
      [null, 'info', [2]],
    ]);
  });
});

describe("the cohort's next step", () => {
  const opens = Date.UTC(2026, 2, 1);
  const schedule: ProgrammeSchedule = {
    surveyOpensAt: new Date(opens).toISOString(),
    surveyDeadline: new Date(opens + 14 * DAY).toISOString(),
    checkInCount: 6,
    checkInIntervalMs: 28 * DAY,
    programmeDurationMs: 182 * DAY,
  };
  const state = (s: Partial<CohortProgress>): CohortProgress => ({ stage: 'survey', answered: 3, total: 10, remindersSent: 0, ...s });

  it('during the survey: the next reminder, then only the close', () => {
    expect(nextStep(schedule, state({}), 0, opens + DAY)).toEqual({
      kind: 'survey',
      answered: 3,
      total: 10,
      reminderAt: opens + 7 * DAY,
      closesAt: opens + 14 * DAY,
    });
    expect(nextStep(schedule, state({ remindersSent: 2 }), 0, opens + 13 * DAY)).toEqual({
      kind: 'survey',
      answered: 3,
      total: 10,
      closesAt: opens + 14 * DAY,
    });
  });

  it('while pairs run: until when rematches are proposed, and the end; after the end, who is still finishing', () => {
    const endsAt = opens + 14 * DAY + 182 * DAY;
    // The cut-off: a week for the charter and a check-in interval before the end.
    expect(nextStep(schedule, state({ stage: 'running' }), 40, opens + 30 * DAY)).toEqual({
      kind: 'running',
      running: 40,
      rematchUntil: endsAt - 35 * DAY,
      endsAt,
    });
    expect(nextStep(schedule, state({ stage: 'running' }), 2, endsAt + DAY)).toEqual({ kind: 'closing', running: 2, endedAt: endsAt });
  });

  it('in review and once closed', () => {
    expect(nextStep(schedule, state({ stage: 'review', proposal: { pairs: 4, mentees: 5 } }), 0, opens)).toEqual({
      kind: 'review',
      pairs: 4,
      mentees: 5,
    });
    expect(nextStep(schedule, state({ stage: 'closed', eraseAt: '2027-12-01T00:00:00.000Z' }), 0, opens)).toEqual({
      kind: 'closed',
      eraseAt: Date.parse('2027-12-01T00:00:00.000Z'),
    });
  });
});
