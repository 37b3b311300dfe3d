// Runs @doyensec/electronegativity over the app's sources; fails on any finding not excused in the config.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const configPath = path.join(root, 'build/security/electronegativity.json');
/** What the app ships: scanned together so the global checks see main, preload and renderer at once. */
const SOURCES = ['electron', 'shared', 'renderer/src', 'renderer/index.html'];

/** Reasons shorter than this are not reasons. */
const MIN_REASON = 30;

const hasReason = (reason) => typeof reason === 'string' && reason.trim().length >= MIN_REASON;

export function configProblems(config) {
  const excluded = Object.entries(config.excludedChecks ?? {})
    .filter(([, reason]) => !hasReason(reason))
    .map(([check]) => `${check}: turned off without a written reason`);
  const accepted = (config.acceptedFindings ?? [])
    .filter((finding) => !finding.check || !finding.file || !hasReason(finding.reason))
    .map(
      (finding) =>
        `${finding.check ?? '?'} in ${finding.file ?? '?'}: accepted without a written reason`,
    );
  return [...excluded, ...accepted];
}

/** A finding is excused only for its check in the one file named in the config. */
export function isAccepted(config, ruleId, file) {
  return (config.acceptedFindings ?? []).some(
    (finding) => finding.check === ruleId && finding.file === file,
  );
}

function main() {
  const config = JSON.parse(readFileSync(configPath, 'utf8'));
  const problems = configProblems(config);
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
    return;
  }
  const electronVersion = JSON.parse(
    readFileSync(path.join(root, config.electronVersionFrom), 'utf8'),
  ).version;
  const stage = mkdtempSync(path.join(tmpdir(), 'cc-electronegativity-'));
  try {
    for (const source of SOURCES) {
      cpSync(path.join(root, source), path.join(stage, 'app', source), { recursive: true });
    }
    const cli = createRequire(import.meta.url).resolve('@doyensec/electronegativity/dist/index.js');
    const report = path.join(stage, 'report.sarif');
    const excluded = Object.keys(config.excludedChecks ?? {});
    const result = spawnSync(
      process.execPath,
      [
        // Keeps the scan offline: no translation download (see offline-scan.mjs).
        '--import',
        pathToFileURL(path.join(root, 'build/scripts/offline-scan.mjs')).href,
        cli,
        ...['-i', path.join(stage, 'app'), '-r', '-v', 'false', '-e', electronVersion],
        ...(excluded.length > 0 ? ['-x', excluded.join(',')] : []),
        ...['-o', report],
      ],
      { encoding: 'utf8' },
    );
    if (result.status !== 0) {
      console.error(result.stdout, result.stderr);
      console.error(`electronegativity failed (exit ${result.status})`);
      process.exitCode = 1;
      return;
    }
    const sarif = JSON.parse(readFileSync(report, 'utf8'));
    const uriOf = (finding) =>
      finding.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
    const all = sarif.runs.flatMap((run) => run.results ?? []);
    const findings = all.filter((finding) => !isAccepted(config, finding.ruleId, uriOf(finding)));
    const acceptedCount = all.length - findings.length;
    for (const finding of findings) {
      const where = finding.locations?.[0]?.physicalLocation;
      console.error(
        `${finding.ruleId} ${where?.artifactLocation?.uri ?? ''}:${where?.region?.startLine ?? ''} — ${finding.message?.text ?? ''}`,
      );
    }
    if (findings.length > 0) {
      console.error(
        `Electronegativity: ${findings.length} finding(s). Fix them, or excuse the check with a reason in ${path.relative(root, configPath)}.`,
      );
      process.exitCode = 1;
      return;
    }
    console.log(
      `Electronegativity (Electron ${electronVersion}): no open findings; ${acceptedCount} accepted and ${excluded.length} check(s) off, each with a written reason.`,
    );
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
