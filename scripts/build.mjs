#!/usr/bin/env node
// Builds the api (SWC into dist/) and the web app (Vite into apps/web/dist/).
//
//   node scripts/build.mjs [api|web|all] [--if-changed]
//
// With --if-changed a part is built only when its inputs differ from those of its last build: each build
// writes a hash of the files it was made from beside its output, and the next call compares. `npm start`,
// `npm test` and CI use it, so a current build is never made again (see docs/decisions/0013-ci-in-ten-minutes.md).
// Content, not modification times: a fresh clone or a branch switch touches every file without changing one.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED_INPUTS = ['libs', 'package-lock.json', 'tsconfig.json'];

const PARTS = {
  api: {
    inputs: ['apps/api/src', 'apps/cli/src', 'bench', '.swcrc', ...SHARED_INPUTS],
    stamp: 'dist/.build-inputs',
    build() {
      // A fresh output folder: SWC does not remove the output of a source that was deleted or renamed.
      rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
      run('npx', ['swc', 'apps/api/src', 'apps/cli/src', 'libs', 'bench', '--config-file', '.swcrc', '-d', 'dist', '-q']);
    },
  },
  web: {
    inputs: ['apps/web', ...SHARED_INPUTS],
    stamp: 'apps/web/dist/.build-inputs',
    build() {
      run('npx', ['vite', 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn']);
    },
  },
};

/** Build output and dependency caches are not inputs. */
const SKIPPED = new Set(['node_modules', 'dist', '.vite']);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build: ${command} ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}

function filesUnder(path) {
  const absolute = join(ROOT, path);
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) return [absolute];
  return readdirSync(absolute, { withFileTypes: true })
    .filter((entry) => !SKIPPED.has(entry.name))
    .flatMap((entry) => filesUnder(join(path, entry.name)));
}

function inputsHash(part) {
  const hash = createHash('sha256');
  const files = part.inputs.flatMap(filesUnder).sort();
  for (const file of files) {
    let content;
    try {
      content = readFileSync(file);
    } catch (error) {
      // An editor's temporary file, gone between listing and reading.
      if (error.code === 'ENOENT') continue;
      throw error;
    }
    hash.update(relative(ROOT, file));
    hash.update('\0');
    hash.update(content);
    hash.update('\0');
  }
  return hash.digest('hex');
}

const args = process.argv.slice(2);
const ifChanged = args.includes('--if-changed');
const which = args.find((arg) => !arg.startsWith('--')) ?? 'all';
if (!['api', 'web', 'all'].includes(which)) {
  console.error(`build: unknown part "${which}" (api, web or all)`);
  process.exit(2);
}

for (const name of which === 'all' ? ['api', 'web'] : [which]) {
  const part = PARTS[name];
  const stampFile = join(ROOT, part.stamp);
  const hash = inputsHash(part);
  if (ifChanged && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === hash) continue;
  const started = Date.now();
  part.build();
  writeFileSync(stampFile, `${hash}\n`);
  console.log(`build: ${name} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
