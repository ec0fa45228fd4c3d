// The resolver over the real-world corpus (shared/corpus/real beside the repo), each file parsed
// alone from an empty temp folder with host checks on, as the verdicts file was made: the
// verdicts must agree, and for a refused file supervisord's recorded message (normalised for the
// temp folder, cut where the recording cut it) must be among ours.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { repoRoot, tempDir } from '../support/tmp.js';

const corpusRoot = resolve(repoRoot(), '../shared/corpus');
const realDir = join(corpusRoot, 'real');
const verdictsFile = join(corpusRoot, 'verdicts-supervisord-4.2.5.tsv');

if (!existsSync(realDir) || !existsSync(verdictsFile)) {
  throw new Error(`the corpus is missing: expected ${realDir} and ${verdictsFile} (CI checks shared/ out beside the repo)`);
}

interface Verdict {
  file: string;
  refused: boolean;
  message: string;
}

const verdicts: Verdict[] = readFileSync(verdictsFile, 'utf8')
  .split('\n')
  .slice(1)
  .filter((l) => l.trim() !== '')
  .map((l) => {
    const [file, , verdict, error] = l.split('\t');
    return { file: file!, refused: verdict === 'refused', message: (error ?? '').replace(/^Error: /, '') };
  });

// Only HOME and PATH are used by the corpus files supervisord accepted; nothing else may leak in.
const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: homedir(), LC_ALL: 'C.UTF-8' };

describe('real-world corpus: verdicts agree with supervisord 4.2.5', () => {
  const outcomes: Array<{ file: string; agree: boolean }> = [];

  it('lists 117 files', () => assert.equal(verdicts.length, 117));

  for (const v of verdicts) {
    it(v.file, () => {
      const work = tempDir('gs-corpus-');
      copyFileSync(join(realDir, v.file), join(work, v.file));
      const { result } = loadConfig(v.file, { env, hostname: hostname(), cwd: work, host: true, allowFragment: false });
      const messages = result.diagnostics.map((d) => d.message.split(`${work}/`).join(''));
      outcomes.push({ file: v.file, agree: (messages.length > 0) === v.refused });
      assert.equal(messages.length > 0, v.refused, `supervisord ${v.refused ? `refused: ${v.message}` : 'accepted'}; ours: ${messages.join(' | ') || 'accepted'}`);
      if (v.refused && !v.message.includes('/tmp/corpuswork/')) {
        // the recording is cut at 200 characters, and its ENV_ list is the recording machine's
        const expected = v.message.split('Available names:')[0]!.split('\n')[0]!;
        assert.ok(messages.some((m) => m.startsWith(expected)), `supervisord: ${v.message}\nours:\n${messages.join('\n')}`);
      }
    });
  }

  it('agreement figure: 117/117', () => {
    const agreed = outcomes.filter((o) => o.agree).length;
    assert.equal(`${agreed}/${outcomes.length}`, `${verdicts.length}/${verdicts.length}`);
  });
});
