// Prints one plain closing line ("jest: N passed, N failed, N skipped") that CI tooling can read,
// preceded by the reason of every skip that gives one: a skipped test whose title starts with
// "skipped: " (e.g. test/e2e/ide.test.ts without Chromium), so a skip is never silent.
class SummaryReporter {
  constructor() {
    this.reasons = new Set();
  }

  onTestResult(_test, testResult) {
    for (const t of testResult.testResults) {
      if (t.status === 'pending' && t.title.startsWith('skipped: ')) this.reasons.add(t.title);
    }
  }

  onRunComplete(_contexts, results) {
    const { numPassedTests: passed, numFailedTests: failed, numPendingTests: skipped } = results;
    const reasons = [...this.reasons].map((r) => `${r}\n`).join('');
    process.stdout.write(`\n${reasons}jest: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
module.exports = SummaryReporter;
