// Validates electron-builder.yml offline: electron-builder's own schema check plus what this app needs.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
// app-builder-lib ships CommonJS; these are the functions `electron-builder` runs before building.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
// builder-util is app-builder-lib's own dependency: resolve it from there.
const { DebugLogger } = createRequire(require.resolve('app-builder-lib/package.json'))(
  'builder-util',
);

/** Each check returns an error message, or null when it passes. */
export function packagingProblems(config, exists = (file) => existsSync(path.join(root, file))) {
  const problems = [];
  const targets = (platform) =>
    [config[platform]?.target ?? []].flat().map((t) => (typeof t === 'string' ? t : t.target));
  const expect = (ok, message) => {
    if (!ok) problems.push(message);
  };
  expect(config.appId === 'es.cuentasclaras.app', 'appId must be es.cuentasclaras.app');
  expect(config.productName === 'Cuentas Claras', 'productName must be "Cuentas Claras"');
  expect(targets('linux').includes('AppImage'), 'linux.target needs AppImage');
  expect(targets('linux').includes('deb'), 'linux.target needs deb');
  expect(config.linux?.category === 'Office', 'linux.category must be Office');
  expect(Boolean(config.linux?.maintainer), 'linux.maintainer is required by deb');
  expect(targets('win').includes('nsis'), 'win.target needs nsis');
  expect(config.nsis?.perMachine === false, 'nsis.perMachine must be false (per-user install)');
  expect(config.nsis?.oneClick === false, 'nsis.oneClick must be false (the user sees the wizard)');
  expect(targets('mac').includes('dmg'), 'mac.target needs dmg');
  const associations = [config.fileAssociations ?? []].flat();
  expect(
    associations.some((a) => [a.ext].flat().includes('ccbackup') && a.name),
    'fileAssociations needs a named entry for .ccbackup',
  );
  expect(exists('build/icon.svg'), 'build/icon.svg (the icon source) is missing');
  expect(exists('build/scripts/make-icons.mjs'), 'build/scripts/make-icons.mjs is missing');
  // getConfig may have normalised `files` into `{ filter: [...] }` entries.
  const files = [config.files ?? []]
    .flat()
    .flatMap((entry) => (typeof entry === 'string' ? [entry] : [entry.filter ?? []].flat()));
  expect(files.includes('out/**'), 'files must include out/**');
  expect(files.includes('!out/web/**'), 'files must exclude out/web/** (web mode is not packaged)');
  expect(config.asar !== false, 'asar must stay on');
  // Hardening of the packaged binary (issue 8): these fuses must stay flipped.
  const fuses = config.electronFuses ?? {};
  for (const fuse of [
    'runAsNode',
    'enableNodeOptionsEnvironmentVariable',
    'enableNodeCliInspectArguments',
    'grantFileProtocolExtraPrivileges',
  ]) {
    expect(fuses[fuse] === false, `electronFuses.${fuse} must be false`);
  }
  expect(fuses.onlyLoadAppFromAsar === true, 'electronFuses.onlyLoadAppFromAsar must be true');
  // electron/main.ts loads the tray icon from process.resourcesPath/icon.png in packaged builds.
  const resources = [config.extraResources ?? []].flat();
  expect(
    resources.some(
      (entry) =>
        typeof entry === 'object' &&
        entry !== null &&
        path.normalize(entry.from ?? '') === path.normalize('build/icon.png') &&
        entry.to === 'icon.png',
    ),
    'extraResources must copy build/icon.png to icon.png (the tray icon)',
  );
  return problems;
}

async function main() {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null, () =>
    Promise.resolve(pkg),
  );
  await validateConfiguration(config, new DebugLogger(false));
  const problems = packagingProblems(config);
  const dist = pkg.scripts?.dist ?? '';
  if (!/^npm run icons && /.test(dist) || pkg.scripts?.icons?.includes('make-icons.mjs') !== true)
    problems.push('npm run dist must make the icons first');
  if (problems.length > 0) {
    console.error(
      `electron-builder.yml: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`,
    );
    process.exitCode = 1;
    return;
  }
  console.log('electron-builder.yml: valid (schema and app checks)');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(
      `electron-builder.yml is not valid: ${error instanceof Error ? error.message : error}`,
    );
    process.exitCode = 1;
  });
}
