// Temp folders for tests, removed when the test process exits, and the repo root (tests run from
// dist/, but fixtures and helper scripts are read from the source tree).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const made = new Set<string>();
let hooked = false;

/** Makes a fresh folder under os.tmpdir(); it is deleted when the process exits. */
export function tempDir(prefix = 'gs-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.add(dir);
  if (!hooked) {
    hooked = true;
    process.once('exit', removeTempDirs);
  }
  return dir;
}

/** Deletes every folder tempDir() made so far. */
export function removeTempDirs(): void {
  for (const dir of made) {
    rmSync(dir, { recursive: true, force: true });
    made.delete(dir);
  }
}

let root: string | undefined;

/** The folder holding package.json, found upwards from this module (works from src and dist). */
export function repoRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || existsSync(join(dir, 'tsconfig.json')) === false) {
    const up = dirname(dir);
    if (up === dir) throw new Error('repo root (package.json + tsconfig.json) not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  root = dir;
  return dir;
}
