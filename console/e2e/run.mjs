// Runs the console's end-to-end tests. When SIYU_E2E_STATUS names a file, the tests' exit status is written there and
// this script exits 0, so that the build stops the server it started before it fails on that status.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', 'e2e/console.e2e.mjs'], { stdio: 'inherit' });
const status = result.status ?? 1;
const statusFile = process.env.SIYU_E2E_STATUS;
if (statusFile) {
  writeFileSync(statusFile, String(status));
  process.exit(0);
}
process.exit(status);
