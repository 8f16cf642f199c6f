import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Browser tests first, then those of the web app and of real processes; the unit and workflow tests last. */
const tierOf = (file: string) => (/\/test\/e2e\//.test(file) ? 0 : /\/test\/(dev|web)\//.test(file) ? 1 : 2);

/**
 * Vitest's order (failed first, then longest, from its cache), with the files that wait on real time started
 * first: on a fresh clone there is no cache, and a two-minute browser test started last would make the run's end.
 */
export default class WaitingFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).sort((a, b) => tierOf(a.moduleId) - tierOf(b.moduleId));
  }
}
