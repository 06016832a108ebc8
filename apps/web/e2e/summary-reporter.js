// A Node test-runner reporter that writes {passed, failed, skipped} (tests, not suites) as JSON,
// so CI can print one closing line for the whole suite.
export default async function* summaryReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.data?.details?.type === 'suite') continue;
    if (event.type === 'test:pass') {
      if (event.data.skip || event.data.todo) counts.skipped++;
      else counts.passed++;
    } else if (event.type === 'test:fail') counts.failed++;
  }
  yield `${JSON.stringify(counts)}\n`;
}
