// Mutation fuzzing of the linter against supervisord 4.2.5: seeded, deterministic mutants of the
// agreement configs (tricky values, deleted/duplicated/indented lines, extra keys, renamed or
// broken headers, [DEFAULT], [include], inline comments, BOM, CRLF), each judged like the
// agreement suite: an error exactly when supervisord refuses, its message word for word, no
// throw, no hang (2 s per mutant), JSON that parses. GS_FUZZ_SEED / GS_FUZZ_COUNT change the run.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { requireSupervisord, tempDir } from '../support/supervisord.js';
import { CASE_DIRS, caseEnv, fixtureNames, fixtureText, stageCase } from './support/lint-cases.js';
import { generateConfig } from './support/lint-generate.js';
import { checkAll, minimise, SHRINKABLE, type Checked, type Subject } from './support/lint-check.js';
import { mutate } from './support/lint-mutate.js';
import { rng } from '../support/random.js';
import { fence, writeReportPart } from './support/lint-report.js';

const SEED = Number(process.env.GS_FUZZ_SEED ?? 20250415);
const COUNT = Number(process.env.GS_FUZZ_COUNT ?? 640);
/** Whole configs made by the generator, judged the same way (not counted as mutants). */
const GENERATED = Number(process.env.GS_FUZZ_GENERATED ?? 200);
// A bound that catches hangs, not a speed test: a busy CI box can take a second on a config that
// asks Python whether a module imports.
const BUDGET_MS = 5000;
/** Time for shrinking disagreements (the rest are listed as found). */
const SHRINK_MS = 20_000;

interface Mutant extends Subject {
  fixture: string;
  /** The mutated file, relative to dir. */
  file: string;
  description: string;
}

function makeMutants(root: string): Mutant[] {
  const r = rng(SEED);
  // Configs with tens of thousands of processes take seconds per mutant: left to the agreement suite.
  const names = fixtureNames().filter((n) => !/numprocs\s*=\s*\d{5}/.test(fixtureText(n)));
  const seen = new Set<string>();
  const originals = new Map<string, string>();
  const out: Mutant[] = [];
  for (let k = 0, tries = 0; out.length < COUNT && tries < COUNT * 5; tries++) {
    const fixture = names[Math.floor(r() * names.length)]!;
    const dir = join(root, `m${String(k).padStart(4, '0')}`);
    rmSync(dir, { recursive: true, force: true });
    const c = stageCase(fixture, dir);
    const file = c.files.length > 1 && r() < 0.4 ? c.files[1 + Math.floor(r() * (c.files.length - 1))]! : c.main;
    const original = readFileSync(join(dir, file), 'utf8');
    originals.set(`${fixture}/${file}`, original);
    const m = mutate(r, original);
    const key = `${fixture}/${file}\0${m.text}`;
    if (m.text === original || seen.has(key)) continue;
    seen.add(key);
    writeFileSync(join(dir, file), m.text);
    out.push({ label: `m${String(k).padStart(4, '0')}`, dir, main: c.main, fixture, file, description: m.description });
    k++;
  }
  return out;
}

function makeGenerated(root: string): Mutant[] {
  const r = rng(SEED ^ 0x5eed);
  const out: Mutant[] = [];
  for (let k = 0; k < GENERATED; k++) {
    const label = `g${String(k).padStart(4, '0')}`;
    const dir = join(root, label);
    const g = generateConfig(r);
    for (const [file, text] of Object.entries(g.files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    for (const d of CASE_DIRS) mkdirSync(join(dir, d), { recursive: true });
    out.push({ label, dir, main: g.main, fixture: 'generated', file: g.main, description: `generated config ${label}` });
  }
  return out;
}

/** Groups disagreements that are probably one bug: same kind, same message shape. */
function signature(c: Checked): string {
  const shape = (s: string | null | undefined) =>
    (s ?? '')
      .split('\n')[0]!
      .replace(/'[^']*'/g, "'_'")
      .replace(/\d+/g, 'N')
      .slice(0, 80);
  return `${c.judgement.kind} | ${shape(c.judgement.oracle)} | ${shape(c.judgement.errors[0])}`;
}

describe(`lint fuzz: mutants of the agreement configs (seed ${SEED})`, () => {
  let mutants: Mutant[] = [];
  let checked: Checked[] = [];
  let root = '';

  before(async () => {
    requireSupervisord();
    root = tempDir('gs-lint-fuzz-');
    mutants = [...makeMutants(root), ...makeGenerated(root)];
    checked = await checkAll(mutants, { env: caseEnv(root), budgetMs: BUDGET_MS });
  });

  after(async () => {
    if (checked.length === 0) return;
    const bad = checked.map((c, i) => ({ c, m: mutants[i]! })).filter(({ c }) => c.judgement.kind !== 'agree');
    const agree = checked.length - bad.length;
    const refused = checked.filter((c) => !c.oracle.accepted).length;
    const kinds = new Map<string, number>();
    for (const { c } of bad) kinds.set(c.judgement.kind, (kinds.get(c.judgement.kind) ?? 0) + 1);
    const slow = checked.reduce((a, b) => (b.lint.ms > a.lint.ms ? b : a));
    const slowM = mutants[checked.indexOf(slow)]!;
    const slowest = `${slow.lint.ms.toFixed(0)} ms, ${slowM.label} of ${slowM.fixture}: ${slowM.description.slice(0, 120)}`;
    console.log(
      `lint fuzz: seed ${SEED}: ${agree}/${checked.length} configs agree (${mutants.length - GENERATED} mutants, ${GENERATED} generated) (${refused} refused by supervisord, ` +
        `${checked.filter((c) => c.fragment).length} linted as fragments; slowest lint ${slowest})` +
        (bad.length ? `; disagreements: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}` : ''),
    );
    const groups = new Map<string, typeof bad>();
    for (const b of bad) {
      const s = signature(b.c);
      groups.set(s, [...(groups.get(s) ?? []), b]);
    }
    const parts = [
      `## fuzz (seed ${SEED}, ${checked.length} mutants)\n\n${agree}/${checked.length} agree; ${bad.length} disagree in ${groups.size} group(s).\n`,
    ];
    const deadline = Date.now() + SHRINK_MS;
    const env = caseEnv(root);
    for (const [sig, members] of groups) {
      const { c, m } = members[0]!;
      let body = `Mutant ${m.label} of fixtures/compat/lint/${m.fixture} (${m.file}): ${m.description}\n\n${fence(c.judgement.detail)}\n`;
      if (SHRINKABLE.has(c.judgement.kind) && Date.now() < deadline) {
        const shrunk = await minimise(c.subject, m.file, c.judgement, join(root, '__shrink__'), { env, budgetMs: BUDGET_MS, deadline });
        body += `\nMinimised ${m.file} (${shrunk.rounds} rounds):\n\n${fence(shrunk.text, 'ini')}\n\n${fence(shrunk.judgement.detail)}\n`;
        console.log(`\n[${sig}] x${members.length}\n${shrunk.text}\n-> ${shrunk.judgement.detail}`);
      } else console.log(`\n[${sig}] x${members.length}: ${m.label} ${m.description}\n-> ${c.judgement.detail}`);
      const others = members.slice(1, 6).map(({ m: o }) => `- ${o.label} (${o.fixture}): ${o.description}`);
      parts.push(`### ${sig} (${members.length})\n\n${body}${others.length ? `\nAlso:\n${others.join('\n')}\n` : ''}`);
    }
    writeReportPart('fuzz', parts.join('\n'));
  });

  it(`makes ${COUNT} distinct mutants (+${GENERATED} generated configs), refused and accepted ones`, () => {
    const count = mutants.filter((m) => m.fixture !== 'generated').length;
    assert.ok(count >= Math.min(COUNT, 500), `only ${count} mutants`);
    const refused = checked.filter((c) => !c.oracle.accepted).length;
    assert.ok(refused > mutants.length / 5 && refused < (mutants.length * 4) / 5, `${refused} of ${mutants.length} refused`);
  });

  it('the linter never throws, hangs, exceeds 2 s or writes bad JSON', () => {
    const broken = checked.filter((c) => ['lint-threw', 'lint-hung', 'lint-slow', 'bad-json'].includes(c.judgement.kind));
    assert.deepEqual(
      broken.map((c) => `${c.subject.label}: ${c.judgement.kind}: ${c.judgement.detail.split('\n').slice(0, 3).join(' / ')}`),
      [],
    );
  });

  it('reports an error exactly when supervisord refuses, with its message word for word', () => {
    const bad = checked.map((c, i) => ({ c, m: mutants[i]! })).filter(({ c }) => c.judgement.kind !== 'agree');
    assert.deepEqual(
      bad.map(({ c, m }) => `${m.label} (${m.fixture}: ${m.description}): ${c.judgement.kind}: ${c.judgement.detail.split('\n').slice(0, 4).join(' / ')}`),
      [],
    );
  });
});
