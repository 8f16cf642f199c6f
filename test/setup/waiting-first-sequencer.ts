import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The whole programme an operator watches (over three minutes of real timers) first, then the browser tests, then
 * those of the web app and of real processes; the unit and workflow tests last.
 */
const tierOf = (file: string) =>
  /\/test\/dev\/operations\.test\.ts$/.test(file) ? 0 : /\/test\/e2e\//.test(file) ? 1 : /\/test\/(dev|web)\//.test(file) ? 2 : 3;

/**
 * Vitest's order (failed first, then longest, from its cache), with the files that wait on real time started
 * first: on a fresh clone there is no cache, and a two-minute browser test started last would make the run's end.
 */
export default class WaitingFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).sort((a, b) => tierOf(a.moduleId) - tierOf(b.moduleId));
  }
}
