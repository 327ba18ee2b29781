// Prints the closing line CI reads, "N passed, N failed", from vitest's JSON report.
// If the report is missing (typecheck or lint failed before the tests ran), the run counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const [reportPath = 'reports/vitest.json', exitStatus = '0'] = process.argv.slice(2);
if (!existsSync(reportPath)) {
  console.log(`no test report at ${reportPath} (npm test exited ${exitStatus} before the tests ran)`);
  console.log('0 passed, 1 failed');
  process.exit(0);
}
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
// A suite that fails to load has no test results but still fails the run.
const brokenSuites = (report.testResults ?? []).filter(
  (s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0,
).length;
const failed =
  report.numFailedTests +
  brokenSuites +
  (report.numFailedTests === 0 && brokenSuites === 0 && exitStatus !== '0' ? 1 : 0);
const skipped = report.numPendingTests + (report.numTodoTests ?? 0);
console.log(`${report.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
