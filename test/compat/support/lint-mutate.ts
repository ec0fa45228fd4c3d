// A seeded, deterministic mutator of supervisord configs for the lint fuzzer: each mutant is the
// text of one file of an agreement case with one (sometimes two) small edits of the kinds people
// make by hand: a tricky value, a deleted/duplicated/indented line, an extra key, a renamed or
// broken section header, [DEFAULT], [include], an inline comment, a BOM, CRLF.
import { pick, type Rand } from '../../support/random.js';

/** Values that trip supervisord's parsers, expansion and the INI reader (brief + reference §3, §9). */
export const TRICKY_VALUES: readonly string[] = [
  '%', '%s', '%r', '%d', '%(nope)s', '%(process_num)', '%(process_num)d', '%(program_name)s', '%(here)s/logs/m.log',
  '%(ENV_HOME)s', '%(ENV_NOPE)s', '%(host_node_name)s', '%(group_name)s', '%(numprocs)d', '%%', '100%%', '50% off',
  '50MB', '10M', '1.5MB', '-1MB', '1gb', '50 MB', 'MB', '0', '1', '-1', '0x10', '1_000', '１２', ' 7 ', '+5', '65536', '256',
  'yes please', 'TRUE', 'y', 'on', 'off', '2', 'true', 'false', 'unexpected', 'always', 'never',
  '  ', '', '""', "''", 'a;b', 'a ;b', 'x #y', 'x#y', 'a\tb', 'café', '日本語', '\u00a0x',
  '/nonexistent/dir/x.log', '/tmp', 'logs/m.log', 'AUTO', 'NONE', 'OFF', 'syslog', '~/m.log', 'relative.sock',
  'SIGFOO', 'KILL', 'sigterm', '9', '35', 'RTMIN', 'SIG_DFL', 'IOT', '0,2', '0;2', '0, 2', '1,', 'debug', 'warning', 'crit',
  '022', '0o22', '8', '0777', 'root', 'nobody', 'www-data', 'gs-nosuchuser', '4242424', 'www-data:www-data', 'root:nogroup',
  'nobody:gs-nosuchgroup', '127.0.0.1:9001', '*:9001', ':9001', '9001', 'localhost', 'localhost:', 'host:abc', '[::1]:9001',
  'unix:///tmp/x.sock', 'unix://rel/x.sock', 'tcp://127.0.0.1:9000', 'tcp://localhost', 'http://localhost:9001',
  'A="1",B="2"', 'A=1 B=2', 'A=hello world', 'PATH=/usr/bin:$PATH', 'A="x #y"', 'A="unterminated', 'A=1,,B=2',
  'PROCESS_STATE', 'TICK_60,PROCESS_STATE_EXITED', 'BOGUS', 'tick_5', 'PROCESS_STATE,',
  'supervisor.dispatchers:default_handler', 'nosuch:thing', 'not a spec', 'supervisor.rpcinterface:make_main_rpcinterface',
  'a,b', 'a,,b', 'x y', 'a:b', 'a/b', '/bin/echo "x ; y"', "/bin/sh -c 'a ; b'", '/bin/date +%s', '/bin/echo 100%%',
  'x'.repeat(300), 'y'.repeat(5000), '%(process_num)02d'.repeat(50),
];

/** Keys people write, by section kind (the reference's tables), plus some typos. */
const PROCESS_KEYS = [
  'command', 'process_name', 'numprocs', 'numprocs_start', 'priority', 'autostart', 'startsecs', 'startretries',
  'autorestart', 'exitcodes', 'stopsignal', 'stopwaitsecs', 'stopasgroup', 'killasgroup', 'user', 'directory', 'umask',
  'redirect_stderr', 'stdout_logfile', 'stderr_logfile', 'stdout_logfile_maxbytes', 'stderr_logfile_maxbytes',
  'stdout_logfile_backups', 'stderr_logfile_backups', 'stdout_capture_maxbytes', 'stderr_capture_maxbytes',
  'stdout_events_enabled', 'stderr_events_enabled', 'stdout_syslog', 'stderr_syslog', 'environment', 'serverurl',
];
const KEYS: Record<string, readonly string[]> = {
  supervisord: [
    'logfile', 'logfile_maxbytes', 'logfile_backups', 'loglevel', 'pidfile', 'umask', 'nodaemon', 'silent', 'minfds',
    'minprocs', 'nocleanup', 'childlogdir', 'user', 'directory', 'strip_ansi', 'environment', 'identifier',
  ],
  program: PROCESS_KEYS,
  eventlistener: [...PROCESS_KEYS, 'events', 'buffer_size', 'result_handler'],
  'fcgi-program': [...PROCESS_KEYS, 'socket', 'socket_owner', 'socket_mode', 'socket_backlog'],
  group: ['programs', 'priority'],
  unix_http_server: ['file', 'chmod', 'chown', 'username', 'password'],
  inet_http_server: ['port', 'username', 'password'],
  supervisorctl: ['serverurl', 'username', 'password', 'prompt', 'history_file'],
  rpcinterface: ['supervisor.rpcinterface_factory', 'retries'],
  include: ['files'],
  DEFAULT: PROCESS_KEYS,
};
const TYPO_KEYS = ['auto_restart', 'env', 'stdout_log', 'logfile_maxbyte', 'autorestart_delay', 'Command', 'AUTOSTART', 'stop signal', 'numproc'];

/** Values a key of that name normally takes (so an added key is often valid). */
const SENSIBLE: Record<string, readonly string[]> = {
  command: ['/bin/sleep 60', '/usr/bin/php artisan queue:work'],
  process_name: ['%(program_name)s_%(process_num)02d', '%(program_name)s'],
  numprocs: ['1', '2', '0'],
  priority: ['10', '999'],
  events: ['PROCESS_STATE', 'TICK_60'],
  socket: ['tcp://127.0.0.1:9000', 'unix://%(here)s/run/x.sock'],
  stdout_logfile: ['%(here)s/logs/x.log', 'AUTO'],
  stderr_logfile: ['%(here)s/logs/x.err', 'NONE'],
  user: ['root', 'nobody'],
  port: ['127.0.0.1:9001'],
  file: ['%(here)s/run/x.sock'],
  files: ['conf.d/*.conf', 'missing/*.conf'],
  environment: ['A="1",B="2"'],
  programs: ['a,b'],
};

interface Line {
  index: number;
  text: string;
}
interface KeyLine extends Line {
  key: string;
  sep: string;
  value: string;
  section: string;
}

/** Lines of a config classified just enough to mutate them (not a parser: a best effort). */
function scan(lines: readonly string[]) {
  const headers: Line[] = [];
  const keys: KeyLine[] = [];
  let section = '';
  lines.forEach((text, index) => {
    const t = text.trim();
    if (t === '' || t.startsWith(';') || t.startsWith('#')) return;
    if (/^\[.*\]/.test(t) && text[0] === '[') {
      headers.push({ index, text });
      section = t.slice(1, t.lastIndexOf(']'));
      return;
    }
    const m = /^([^\s=:][^=:]*?)\s*([=:])\s*(.*)$/.exec(text);
    if (m) keys.push({ index, text, key: m[1]!.trim(), sep: m[2]!, value: m[3]!, section });
  });
  return { headers, keys };
}

function kindOf(section: string): string {
  const k = section.split(':')[0]!;
  if (k.startsWith('unix_http_server')) return 'unix_http_server';
  if (k.startsWith('inet_http_server')) return 'inet_http_server';
  return k in KEYS ? k : 'program';
}

function valueFor(r: Rand, key: string): string {
  const sensible = SENSIBLE[key.toLowerCase()];
  if (sensible && r() < 0.4) return pick(r, sensible);
  return pick(r, TRICKY_VALUES);
}

function renameHeader(r: Rand, header: string): { text: string; how: string } {
  const inner = header.trim().slice(1, header.trim().lastIndexOf(']'));
  const [kind, ...rest] = inner.split(':');
  const name = rest.join(':');
  const options: [string, string][] = [
    [`[${inner.charAt(0).toUpperCase()}${inner.slice(1)}]`, 'capitalised'],
    [`[${inner.toUpperCase()}]`, 'upper-cased'],
    [`[ ${inner} ]`, 'spaces inside the brackets'],
    [`[${kind}s${name ? ':' + name : ''}]`, 'kind typo (plural)'],
    [`[${kind}:${name} x]`, 'space in the name'],
    [`[${kind}:${name}:x]`, 'colon in the name'],
    [`[${kind}:${name}/x]`, 'slash in the name'],
    [`[${kind}:]`, 'empty name'],
    [`[${kind}]`, 'no name'],
    [`[${inner}] trailing junk`, 'junk after ]'],
    [`[${inner}]]`, 'double ]'],
    [`[${kind === 'program' ? 'eventlistener' : kind === 'eventlistener' ? 'fcgi-program' : 'program'}${name ? ':' + name : ':x'}]`, 'other kind'],
    [`[${inner.replace(/[aeiou]/, '')}]`, 'typo (letter dropped)'],
    [`[${inner}`, 'closing ] dropped'],
    [`[${kind}:${name}%]`, '% in the name'],
  ];
  const [text, how] = pick(r, options);
  return { text, how };
}

export interface Mutation {
  text: string;
  description: string;
}

/** Characters that matter to some parser: INI comments, expansion, shlex, Python's int() and strip(). */
const TRICKY_CHARS: readonly string[] = [
  '%', '%%', '%(', ')s', ';', ' ;', ' #', '#', '\t;', '"', "'", '\\', ' ', '\t', '\u00a0', '\u2003', '\u3000', ',', ', ', '=', ':',
  '(', ')', '$', '~', '*', 'é', '日', '\u0663', '\u00b2', '_', '-', '+', '0', '9', '[', ']', '\u200b', '\ufeff',
];

/** A continuation or blank line people leave under a key. */
const CONTINUATIONS: readonly string[] = ['  more', '\tmore', '  ;comment', '', '  #x', '    autostart=false', '  A="2"', ' %', '  "', '\u00a0x'];

/** One edit of `text`; `description` says what was done, for the report. */
export function mutateOnce(r: Rand, text: string): Mutation {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const { headers, keys } = scan(lines);
  const at = (i: number) => `line ${i + 1}`;
  if (r() < 0.3 && keys.length > 0) {
    const k = pick(r, keys);
    const v = k.value;
    const pos = Math.floor(r() * (v.length + 1));
    const w = r();
    let nv: string;
    let how: string;
    if (w < 0.6 || v.length === 0) {
      const c = pick(r, TRICKY_CHARS);
      nv = v.slice(0, pos) + c + v.slice(pos);
      how = `inserted ${JSON.stringify(c)} at ${pos}`;
    } else if (w < 0.85) {
      const n = 1 + Math.floor(r() * 3);
      nv = v.slice(0, pos) + v.slice(pos + n);
      how = `deleted ${n} char(s) at ${pos}`;
    } else {
      const c = pick(r, CONTINUATIONS);
      lines.splice(k.index + 1, 0, c);
      return { text: lines.join(eol), description: `${at(k.index)}: continuation ${JSON.stringify(c)} under ${k.key}` };
    }
    lines[k.index] = `${k.key}${k.sep}${nv}`;
    return { text: lines.join(eol), description: `${at(k.index)}: ${k.key}: ${how} -> '${short(nv)}'` };
  }
  const roll = r();
  if (roll < 0.34 && keys.length > 0) {
    const k = pick(r, keys);
    const v = valueFor(r, k.key);
    lines[k.index] = `${k.key}${k.sep}${v}`;
    return { text: lines.join(eol), description: `${at(k.index)}: ${k.key} '${k.value}' -> '${short(v)}'` };
  }
  if (roll < 0.42 && lines.length > 1) {
    const i = Math.floor(r() * lines.length);
    const old = lines.splice(i, 1)[0]!;
    return { text: lines.join(eol), description: `${at(i)}: deleted '${short(old)}'` };
  }
  if (roll < 0.48 && lines.length > 0) {
    const i = Math.floor(r() * lines.length);
    const k = keys.find((x) => x.index === i);
    const copy = k && r() < 0.5 ? `${k.key}${k.sep}${valueFor(r, k.key)}` : lines[i]!;
    lines.splice(i + 1, 0, copy);
    return { text: lines.join(eol), description: `${at(i)}: duplicated as '${short(copy)}'` };
  }
  if (roll < 0.62 && headers.length > 0) {
    const h = pick(r, headers);
    const section = h.text.trim().slice(1, h.text.trim().lastIndexOf(']'));
    const known = KEYS[kindOf(section)] ?? PROCESS_KEYS;
    const key = r() < 0.8 ? pick(r, known) : pick(r, TYPO_KEYS);
    const line = `${key}=${valueFor(r, key)}`;
    const pos = h.index + 1 + Math.floor(r() * 3);
    lines.splice(Math.min(pos, lines.length), 0, line);
    return { text: lines.join(eol), description: `added '${short(line)}' in [${section}]` };
  }
  if (roll < 0.72 && headers.length > 0) {
    const h = pick(r, headers);
    const { text: renamed, how } = renameHeader(r, h.text);
    lines[h.index] = renamed;
    return { text: lines.join(eol), description: `${at(h.index)}: ${h.text.trim()} -> ${renamed} (${how})` };
  }
  if (roll < 0.77 && keys.length > 0) {
    const k = pick(r, keys);
    const pad = pick(r, [' ', '  ', '\t', '    ']);
    lines[k.index] = pad + lines[k.index];
    return { text: lines.join(eol), description: `${at(k.index)}: indented '${short(k.text)}'` };
  }
  if (roll < 0.8) {
    const key = pick(r, KEYS.DEFAULT!);
    const block = ['[DEFAULT]', `${key}=${valueFor(r, key)}`];
    const top = r() < 0.5;
    if (top) lines.unshift(...block, '');
    else lines.push('', ...block);
    return { text: lines.join(eol), description: `added [DEFAULT] ${block[1]} at the ${top ? 'top' : 'end'}` };
  }
  if (roll < 0.84) {
    const files = pick(r, ['missing/*.conf', '', '%(here)s/none/*.conf', '/nonexistent/dir/*.conf', '*.conf', '%(nope)s/*.conf', 'conf.d/*.conf logs', 'a%b']);
    const block = r() < 0.2 ? ['[include]'] : ['[include]', `files=${files}`];
    lines.push('', ...block);
    return { text: lines.join(eol), description: `added ${block.join(' ')}` };
  }
  if (roll < 0.88 && keys.length > 0) {
    const k = pick(r, keys);
    const c = pick(r, [' ; note', ' #note', ';x', '#x', '\t;tab', ' ;', ' # 50%']);
    lines[k.index] = lines[k.index] + c;
    return { text: lines.join(eol), description: `${at(k.index)}: appended '${c}'` };
  }
  if (roll < 0.91) {
    const w = Math.floor(r() * 4);
    if (w === 0) return { text: '\ufeff' + text, description: 'UTF-8 BOM added' };
    if (w === 1) return { text: lines.join(eol === '\n' ? '\r\n' : '\n'), description: 'line endings switched' };
    if (w === 2) return { text: text.replace(/\n?$/, ''), description: 'final newline removed' };
    return { text: lines.map((l) => l.replace(/\s*=\s*/, ' = ')).join(eol), description: 'spaces around every =' };
  }
  if (roll < 0.95) {
    const progs = headers.filter((h) => /^\[(program|fcgi-program|eventlistener):/.test(h.text.trim()));
    if (progs.length > 0) {
      const h = pick(r, progs);
      const n = pick(r, ['2', '3', '0', '-1', '10']);
      lines.splice(h.index + 1, 0, `numprocs=${n}`);
      return { text: lines.join(eol), description: `${at(h.index)}: numprocs=${n} added to ${h.text.trim()}` };
    }
  }
  if (headers.length > 0) {
    const h = pick(r, headers);
    const next = headers.find((x) => x.index > h.index)?.index ?? lines.length;
    lines.splice(h.index, next - h.index);
    return { text: lines.join(eol), description: `deleted section ${h.text.trim()}` };
  }
  lines.push('[program:added]', 'command=/bin/true');
  return { text: lines.join(eol), description: 'added [program:added]' };
}

/** One mutant: usually one edit, sometimes up to four. */
export function mutate(r: Rand, text: string): Mutation {
  let m = mutateOnce(r, text);
  const extra = r() < 0.25 ? 1 + Math.floor(r() * 3) : 0;
  for (let i = 0; i < extra; i++) {
    const next = mutateOnce(r, m.text);
    m = { text: next.text, description: `${m.description}; then ${next.description}` };
  }
  return m;
}

function short(s: string): string {
  const flat = JSON.stringify(s).slice(1, -1);
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
