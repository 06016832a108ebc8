// Runs the browser end-to-end tests: builds the web app (the platform serves apps/web/dist), then
// `node --import tsx --test` on every apps/web/e2e/*.e2e.test.ts, and exits with the test run's code.
// Set HEZA_E2E_SKIP_BUILD=1 to reuse an existing build, HEZA_WEB_DIST=/some/dir to build into (and serve
// from) another directory. Arguments ending in .e2e.test.ts run only those files; other arguments go to node.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const e2eDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(e2eDir, '../../..');

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', (error) => {
      console.error(error);
      resolve(1);
    });
  });
}

if (process.env.HEZA_E2E_SKIP_BUILD !== '1') {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const outDir = process.env.HEZA_WEB_DIST
    ? ['--', '--outDir', path.resolve(process.env.HEZA_WEB_DIST), '--emptyOutDir']
    : [];
  const code = await run(npm, ['run', 'build', '--silent', '-w', '@heza/web', ...outDir]);
  if (code !== 0) process.exit(code);
}

const chosen = process.argv.slice(2).filter((arg) => arg.endsWith('.e2e.test.ts'));
const nodeArgs = process.argv.slice(2).filter((arg) => !arg.endsWith('.e2e.test.ts'));
// Node 20's --test does not expand globs itself.
const all = readdirSync(e2eDir)
  .filter((name) => name.endsWith('.e2e.test.ts'))
  .sort()
  .map((name) => path.relative(repoRoot, path.join(e2eDir, name)));
const files = chosen.length > 0 ? chosen.map((f) => path.relative(repoRoot, path.resolve(f))) : all;
if (files.length === 0) {
  console.error('No apps/web/e2e/*.e2e.test.ts files found.');
  process.exit(1);
}

mkdirSync(path.join(repoRoot, 'test-artifacts'), { recursive: true });
const reporters = [
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  `--test-reporter=${path.join(e2eDir, 'summary-reporter.js')}`,
  '--test-reporter-destination=test-artifacts/e2e-summary.json',
];
process.exit(await run(process.execPath, ['--import', 'tsx', '--test', ...reporters, ...nodeArgs, ...files]));
