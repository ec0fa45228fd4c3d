import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { RULE_IDS } from '../../src/config/rule-ids.js';
import { tempDir } from '../support/tmp.js';
import { ctxOf, located, MAIN, resolveText, SV } from './helpers.js';

function tree(files: Record<string, string | Buffer>): string {
  const root = tempDir('gs-config-load-');
  for (const [rel, text] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    if (rel.endsWith('/')) mkdirSync(p, { recursive: true });
    else writeFileSync(p, text);
  }
  return root;
}

describe('loadConfig: the main file', () => {
  it('reports a missing or unreadable file as supervisord does', () => {
    const root = tree({ 'sub/': '' });
    const missing = loadConfig('nope.conf', ctxOf({ cwd: root }));
    assert.deepEqual(located(missing), ['1:1 could not find config file nope.conf']);
    assert.equal(missing.result.config, null);
    assert.equal(missing.result.diagnostics[0]!.ruleId, RULE_IDS.fileUnreadable);
    assert.deepEqual(located(loadConfig('sub', ctxOf({ cwd: root }))), ['1:1 could not read config file sub']);
  });

  it("reports invalid UTF-8 with Python's codec message, at the byte", () => {
    const root = tree({ 's.conf': Buffer.concat([Buffer.from('[supervisord]\nidentifier=ab'), Buffer.from([0xff]), Buffer.from('\n')]) });
    const r = loadConfig('s.conf', ctxOf({ cwd: root }));
    assert.deepEqual(located(r), ["2:14 'utf-8' codec can't decode byte 0xff in position 27: invalid start byte"]);
    assert.equal(r.result.diagnostics[0]!.ruleId, RULE_IDS.encoding);
  });

  it('reports all syntax errors as one ParsingError at the first bad line, and still resolves', () => {
    const r = resolveText(`${SV}minfds=x\nautostart\n=foo\n`);
    assert.deepEqual(located(r), [
      `3:1 Source contains parsing errors: '${MAIN}'\n\t[line  3]: 'autostart\\n'\n\t[line  4]: '=foo\\n'`,
      "2:8 invalid literal for int() with base 10: 'x'",
    ]);
    assert.equal(r.result.diagnostics[0]!.ruleId, RULE_IDS.iniSyntax);
  });

  it('stops at text before the first section', () => {
    const r = resolveText(`logfile=x\n${SV}`);
    assert.deepEqual(located(r), [`1:1 File contains no section headers.\nfile: '${MAIN}', line: 1\n'logfile=x\\n'`]);
    assert.equal(r.result.config, null);
    const bom = resolveText(`\ufeff${SV}`);
    assert.deepEqual(located(bom), [`1:1 File contains no section headers.\nfile: '${MAIN}', line: 1\n'\\ufeff[supervisord]\\n'`]);
  });
});

describe('loadConfig: [include]', () => {
  it('globs each pattern relative to the main file, sorted, skipping hidden files and folders', () => {
    const root = tree({
      'etc/main.conf': `${SV}[include]\nfiles=conf.d/*.conf  none/*.ini\n  %(here)s/extra.cfg\n`,
      'etc/conf.d/b.conf': '[program:b]\ncommand=/bin/echo %(here)s\n[include]\nfiles=/elsewhere/*.conf\n',
      'etc/conf.d/a.conf': '[program:a]\ncommand=x\n',
      'etc/conf.d/.hidden.conf': '[program:hidden]\ncommand=x\n',
      'etc/conf.d/dir.conf/': '',
      'etc/extra.cfg': '[program:extra]\ncommand=x\n',
    });
    const r = loadConfig('etc/main.conf', ctxOf({ cwd: root }));
    assert.deepEqual(located(r), []);
    const c = r.result.config!;
    const etc = join(root, 'etc');
    assert.deepEqual(c.parseWarnings, [`No file matches via include "${etc}/none/*.ini"`]);
    assert.deepEqual(c.parseInfos, [
      `Included extra file "${etc}/conf.d/a.conf" during parsing`,
      `Included extra file "${etc}/conf.d/b.conf" during parsing`,
      `Included extra file "${etc}/conf.d/dir.conf" during parsing`,
      `Included extra file "${etc}/extra.cfg" during parsing`,
    ]);
    assert.deepEqual(c.files, ['etc/main.conf', `${etc}/conf.d/a.conf`, `${etc}/conf.d/b.conf`, `${etc}/extra.cfg`]);
    assert.deepEqual(c.groups.map((g) => g.name), ['a', 'b', 'extra']);
    assert.equal(c.groups[1]!.processes[0]!.command, `/bin/echo ${etc}/conf.d`);
    assert.deepEqual(r.docs.map((d) => d.file), c.files);
  });

  it('names the included file in its errors', () => {
    const root = tree({ 'main.conf': `${SV}[include]\nfiles=inc/*.conf\n`, 'inc/x.conf': '[program:x]\nautostart=maybe\ncommand=c\nbad line\n' });
    const r = loadConfig(join(root, 'main.conf'), ctxOf({ cwd: '/' }));
    const inc = join(root, 'inc/x.conf');
    assert.deepEqual(
      r.result.diagnostics.map((d) => [d.file, d.line, d.message]),
      [
        [inc, 4, `Source contains parsing errors: '${inc}'\n\t[line  4]: 'bad line\\n'`],
        [inc, 2, `not a valid boolean value: 'maybe' in section 'program:x' (file: '${inc}')`],
      ],
    );
  });

  it('needs files=, and expands it with here, host_node_name and ENV_ names', () => {
    assert.deepEqual(located(resolveText(`${SV}[include]\nfile=x\n`)), ['2:1 .ini file has [include] section, but no files setting']);
    const bad = resolveText(`${SV}[include]\nfiles=%(program_name)s\n`, { env: { A: '1' } });
    assert.deepEqual(located(bad), [
      "3:7 Format string '%(program_name)s' for 'include.files' contains names ('program_name') which cannot be expanded. Available names: ENV_A, here, host_node_name",
    ]);
    const root = tree({ 'box-1.conf': '[program:p]\ncommand=x\n', 'main.conf': `${SV}[include]\nfiles=%(host_node_name)s-%(ENV_N)s.conf\n` });
    const r = loadConfig('main.conf', ctxOf({ cwd: root, hostname: 'box', env: { N: '1' } }));
    assert.deepEqual(r.result.config!.groups.map((g) => g.name), ['p']);
  });

  it('replaces %(here)s textually in every value once [include] exists', () => {
    const r = resolveText(`${SV}[include]\nfiles=\n[inet_http_server]\nport=%(here)s\n`);
    assert.deepEqual(located(r), ["5:6 not a valid port number: '/virtual' "]);
  });

  it('skips an unreadable included file silently', () => {
    const root = tree({ 'main.conf': `${SV}[include]\nfiles=x.conf\n`, 'x.conf': '[program:x]\ncommand=x\n' });
    const main = join(root, 'main.conf');
    const r = loadConfig(main, ctxOf({ cwd: root }), (p) => {
      if (p === main) return `${SV}[include]\nfiles=x.conf\n`;
      throw Object.assign(new Error('denied'), { code: 'EACCES' });
    });
    assert.deepEqual(located(r), []);
    assert.deepEqual(r.result.config!.groups, []);
    assert.deepEqual(r.result.config!.parseInfos, [`Included extra file "${join(root, 'x.conf')}" during parsing`]);
  });
});
