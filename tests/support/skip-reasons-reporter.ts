// Ends a vitest run with one line per missing tool: how many tests it skipped and how to install it.
// A test or suite that needs a tool says so in its name, "(needs poppler-utils)", and skips without it.
import { spawnSync } from 'node:child_process';
import type { Reporter, TestModule } from 'vitest/node';

const INSTALL_HINTS: Record<string, string> = {
  'poppler-utils': 'apt-get install poppler-utils, or brew install poppler',
  openssl: 'apt-get install openssl',
};

/** The command that tells whether a tool is on this machine. */
const TOOL_COMMANDS: Record<string, string> = { 'poppler-utils': 'pdftoppm', openssl: 'openssl' };

/** True when the tool's command runs here; an unknown tool counts as missing. */
export function toolInstalled(tool: string): boolean {
  const command = TOOL_COMMANDS[tool];
  if (command === undefined) return false;
  return spawnSync(command, ['-v'], { stdio: 'ignore' }).error === undefined;
}

/** The names of the skipped tests that need a tool, grouped by the tool named in "(needs …)". */
export function skippedForMissingTools(skipped: ReadonlyArray<string>): Map<string, number> {
  const byTool = new Map<string, number>();
  for (const name of skipped) {
    for (const [, tools = ''] of name.matchAll(/\(needs ([^)]+)\)/g)) {
      byTool.set(tools, (byTool.get(tools) ?? 0) + 1);
    }
  }
  return byTool;
}

/** "18 tests skipped: they need poppler-utils, which is not installed here (apt-get install …)". */
export function skipSummaryLines(
  byTool: Map<string, number>,
  installed: (tool: string) => boolean = () => false,
): string[] {
  // A test skipped for another reason (its sample files are absent) while every tool it names is
  // installed is not reported as missing a tool; only the tools really missing are named.
  const lines: string[] = [];
  for (const [named, count] of byTool) {
    const missing = named.split(/ and |, /).filter((tool) => !installed(tool));
    if (missing.length === 0) continue;
    const tools = missing.join(' and ');
    const hints = missing.map((tool) => INSTALL_HINTS[tool]).filter((hint) => hint !== undefined);
    const install = hints.length > 0 ? ` (${hints.join('; ')})` : '';
    const tests = count === 1 ? '1 test skipped: it needs' : `${count} tests skipped: they need`;
    lines.push(`${tests} ${tools}, not installed here${install}`);
  }
  return lines;
}

export default class SkipReasonsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped: string[] = [];
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests()) {
        if (test.result().state === 'skipped') skipped.push(test.fullName);
      }
    }
    for (const line of skipSummaryLines(skippedForMissingTools(skipped), toolInstalled)) {
      console.log(line);
    }
  }
}
