import { describe, expect, it } from 'vitest';
import { matchInThread } from '../../activities/matching-thread.js';
import { BENCH_SETTINGS, syntheticCohort } from '../../bench/matching-instance.js';
import { matchCohort, type MatchInput } from '../../matching/match-cohort.js';

const input = (mentees: number, mentors: number): MatchInput => ({
  ...syntheticCohort(mentees, mentors),
  settings: BENCH_SETTINGS,
  exclusions: [],
  unanswered: [],
});

describe('matching in a thread of its own', () => {
  it('gives the same proposal as matching in place, with progress', async () => {
    const cohort = input(600, 240);
    const progress: number[] = [];
    const result = await matchInThread(cohort, (done) => progress.push(done));
    expect(result).toEqual(matchCohort(cohort));
    expect(progress.length).toBeGreaterThan(0);
  });

  it('leaves the event loop free while it computes', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      await matchInThread(input(2000, 800), () => {});
    } finally {
      clearInterval(timer);
    }
    // In place, the whole solve would run between two ticks.
    expect(ticks).toBeGreaterThan(5);
  });

  it('stops when the activity is cancelled', async () => {
    const abort = new AbortController();
    const running = matchInThread(input(3000, 1200), () => {}, abort.signal);
    setTimeout(() => abort.abort(), 50);
    await expect(running).rejects.toThrow('Matching was cancelled');
  });
});
