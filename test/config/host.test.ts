import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { existingDirectory, existingDirpath, expandUser, nameToGid, nameToUid, normalizePath, systemHost, tempDirFor, userGroup } from '../../src/config/host.js';
import { EntryPointResolver, malformedSpecMessage, parseEntryPoint } from '../../src/config/entrypoint.js';
import { fakeHost } from './helpers.js';
import { tempDir } from '../support/tmp.js';

const host = fakeHost({ dirs: ['/', '/tmp', '/srv', '/home/www-data'] });

describe('users and groups (pwd/grp semantics)', () => {
  it('takes names or existing numeric ids', () => {
    assert.deepEqual(nameToUid(host, 'www-data'), { ok: true, value: 33 });
    assert.deepEqual(nameToUid(host, ' 33 '), { ok: true, value: 33 });
    assert.deepEqual(nameToUid(host, '4242'), { ok: false, message: 'Invalid user id 4242' });
    assert.deepEqual(nameToUid(host, 'ghost'), { ok: false, message: 'Invalid user name ghost' });
    assert.deepEqual(nameToGid(host, 'nogroup'), { ok: false, message: 'Invalid group name nogroup' });
    assert.deepEqual(userGroup(host, 'www-data:root'), { ok: true, value: [33, 0] });
    assert.deepEqual(userGroup(host, 'root'), { ok: true, value: [0, -1] });
    assert.deepEqual(userGroup(host, 'root:'), { ok: false, message: 'Invalid user:group definition root:' });
  });
});

describe('paths (os.path semantics)', () => {
  it('expands ~ from HOME, then from the password database', () => {
    assert.equal(expandUser('~/x', { HOME: '/h/' }, host), '/h/x');
    assert.equal(expandUser('~', {}, host), '/home/root');
    assert.equal(expandUser('~www-data/log', {}, host), '/home/www-data/log');
    assert.equal(expandUser('~ghost/log', {}, host), '~ghost/log');
    assert.equal(expandUser('a~', {}, host), 'a~');
  });

  it('normalises relative to the cwd', () => {
    assert.equal(normalizePath('a/../b.log', '/srv', {}, host), '/srv/b.log');
    assert.equal(normalizePath('//x/./y', '/srv', {}, host), '//x/y');
  });

  it('checks the folder part of a path, or a whole folder', () => {
    assert.equal(existingDirpath('x.log', '/nope', {}, host).ok, true);
    assert.equal(existingDirpath('tmp/x.log', '/', {}, host).ok, true);
    assert.deepEqual(existingDirpath('logs/x.log', '/srv', {}, host), { ok: false, message: 'The directory named as part of the path logs/x.log does not exist' });
    assert.equal(existingDirectory('~', '/', {}, host).ok, false);
    assert.equal(existingDirectory('~', '/', { HOME: '/srv' }, host).ok, true);
    assert.deepEqual(existingDirectory('', '/', {}, host), { ok: false, message: ' is not an existing directory' });
  });

  it('asks the file system about `..` after a missing folder instead of normalising it away', () => {
    assert.deepEqual(existingDirpath('missing/../tmp/x.pid', '/', {}, host), {
      ok: false,
      message: 'The directory named as part of the path missing/../tmp/x.pid does not exist',
    });
    assert.equal(existingDirpath('srv/../tmp/x.pid', '/', {}, host).ok, true);
    assert.deepEqual(existingDirectory('/srv/old/../srv', '/', {}, host), { ok: false, message: '/srv/old/../srv is not an existing directory' });
    assert.equal(existingDirectory('/srv/../tmp', '/', {}, host).ok, true);
    // the real machine, as os.path.isdir sees it
    const dir = tempDir('gs-host-dotdot-');
    mkdirSync(join(dir, 'run'));
    const real = systemHost();
    assert.equal(existingDirpath('missing/../run/s.pid', dir, {}, real).ok, false);
    assert.equal(existingDirpath('run/../run/s.pid', dir, {}, real).ok, true);
    assert.equal(existingDirectory(`${dir}/old/../run`, '/', {}, real).ok, false);
    assert.equal(existingDirectory(`${dir}/run/..`, '/', {}, real).ok, true);
  });

  it('picks the temp folder as tempfile.gettempdir does', () => {
    assert.equal(tempDirFor({ TMPDIR: '/nope', TMP: '/srv' }, '/', host), '/srv');
    assert.equal(tempDirFor({}, '/', host), '/tmp');
    assert.equal(tempDirFor({ TMPDIR: 'rel' }, '/srv', null), '/srv/rel');
  });
});

describe('module:attr entry points', () => {
  it('parse as pkg_resources does', () => {
    assert.deepEqual(parseEntryPoint('supervisor.rpcinterface:make_main_rpcinterface'), { module: 'supervisor.rpcinterface', attrs: ['make_main_rpcinterface'] });
    assert.deepEqual(parseEntryPoint('a.b : c.d [x]'), { module: 'a.b', attrs: ['c', 'd'] });
    assert.deepEqual(parseEntryPoint('mod'), { module: 'mod', attrs: [] });
    assert.equal(parseEntryPoint('not a spec'), null);
    assert.equal(parseEntryPoint(''), null);
    assert.equal(malformedSpecMessage("it's"), `("EntryPoint must be in 'name=module:attrs [extras]' format", "x=it's")`);
    // repr() escapes what str.isprintable() refuses: spaces other than ' ', format characters
    assert.equal(
      malformedSpecMessage('a:make_main\u00a0b\u3000c\u200bd\ufeffe\u2028f\u00e9\\'),
      `("EntryPoint must be in 'name=module:attrs [extras]' format", 'x=a:make_main\\xa0b\\u3000c\\u200bd\\ufeffe\\u2028f\u00e9\\\\')`,
    );
  });

  it('resolve offline only what can be known', () => {
    const offline = new EntryPointResolver(false, {});
    assert.equal(offline.resolvable({ module: 'supervisor.dispatchers', attrs: ['default_handler'] }), true);
    assert.equal(offline.resolvable({ module: 'supervisor.nosuch', attrs: ['x'] }), false);
    assert.equal(offline.resolvable({ module: 'mycompany.rpc', attrs: ['make'] }), true);
  });

  it('ask the Python that runs supervisord on the host', () => {
    const onHost = new EntryPointResolver(true, { PATH: '/usr/bin:/bin' });
    assert.equal(onHost.resolvable({ module: 'os.path', attrs: ['join'] }), true);
    assert.equal(onHost.resolvable({ module: 'os.path', attrs: ['nosuch'] }), false);
    assert.equal(onHost.resolvable({ module: 'gs_no_such_module_anywhere', attrs: [] }), false);
  });
});
