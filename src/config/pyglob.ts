/**
 * Python 3.11's `glob.glob(pattern)` (non-recursive, hidden files skipped unless the pattern
 * segment starts with `.`) and `fnmatch` on POSIX, which is what supervisord's `[include]` uses.
 * Results keep the pattern's own spelling (`/a/../b/*.conf` gives `/a/../b/x.conf`).
 */
import { readdirSync, lstatSync, statSync } from 'node:fs';

/** The few file system questions glob asks; injectable for tests. */
export interface GlobFs {
  /** Entry names of a folder (with whether each is a folder, following links), or null. */
  list(dir: string): Array<{ name: string; isDir: boolean }> | null;
  /** os.path.lexists */
  lexists(path: string): boolean;
  /** os.path.isdir */
  isDir(path: string): boolean;
}

export const nodeGlobFs: GlobFs = {
  list(dir) {
    try {
      return readdirSync(dir === '' ? '.' : dir, { withFileTypes: true }).map((d) => {
        let isDir = d.isDirectory();
        if (d.isSymbolicLink()) {
          try {
            isDir = statSync(`${dir}/${d.name}`).isDirectory();
          } catch {
            isDir = false;
          }
        }
        return { name: d.name, isDir };
      });
    } catch {
      return null;
    }
  },
  lexists(path) {
    try {
      lstatSync(path);
      return true;
    } catch {
      return false;
    }
  },
  isDir(path) {
    try {
      return statSync(path === '' ? '.' : path).isDirectory();
    } catch {
      return false;
    }
  },
};

const MAGIC = /[*?[]/;
export const hasMagic = (s: string): boolean => MAGIC.test(s);

/** os.path.split */
export function pySplit(p: string): [string, string] {
  const i = p.lastIndexOf('/') + 1;
  let head = p.slice(0, i);
  const tail = p.slice(i);
  if (head && !/^\/+$/.test(head)) head = head.replace(/\/+$/, '');
  return [head, tail];
}

/** os.path.join for two parts */
export function pyJoin(a: string, b: string): string {
  if (b.startsWith('/')) return b;
  if (a === '' || a.endsWith('/')) return a + b;
  return `${a}/${b}`;
}

const esc = (ch: string): string => `\\u{${ch.codePointAt(0)!.toString(16)}}`;

/** The character class `[...]` body (between the brackets) as a JS class, Python's rules. */
function classToRegex(stuff: string): string {
  const chars = Array.from(stuff);
  let negate = false;
  let body = chars;
  if (chars[0] === '!') {
    negate = true;
    body = chars.slice(1);
  }
  // fnmatch.translate: a '-' at the very start is literal; after a range, the next char can't
  // start another range; a trailing '-' is literal; reversed ranges are dropped.
  const chunks: string[][] = [];
  let start = 0;
  let k = 1;
  for (;;) {
    let found = -1;
    for (let m = k; m < body.length; m++) {
      if (body[m] === '-') {
        found = m;
        break;
      }
    }
    if (found < 0) break;
    chunks.push(body.slice(start, found));
    start = found + 1;
    k = found + 3;
  }
  const last = body.slice(start);
  if (last.length) chunks.push(last);
  else if (chunks.length) chunks[chunks.length - 1]!.push('-');
  else chunks.push([]);
  for (let m = chunks.length - 1; m > 0; m--) {
    const prev = chunks[m - 1]!;
    const cur = chunks[m]!;
    if (prev.length && cur.length && prev[prev.length - 1]!.codePointAt(0)! > cur[0]!.codePointAt(0)!) {
      chunks[m - 1] = [...prev.slice(0, -1), ...cur.slice(1)];
      chunks.splice(m, 1);
    }
  }
  let set = '';
  chunks.forEach((c, m) => {
    for (const ch of c) set += esc(ch);
    if (m > 0) {
      const a = chunks[m - 1]![chunks[m - 1]!.length - 1];
      const b = c[0];
      if (a !== undefined && b !== undefined) set += `${esc(a)}-${esc(b)}`;
    }
  });
  if (set === '') return negate ? '[\\s\\S]' : '(?!)';
  return negate ? `[^${set}]` : `[${set}]`;
}

/** fnmatch.translate as a JS RegExp (whole-string, `.` matching newlines). */
export function fnmatchRegex(pat: string): RegExp {
  const p = Array.from(pat);
  let re = '';
  let i = 0;
  const n = p.length;
  while (i < n) {
    const c = p[i++]!;
    if (c === '*') {
      if (!re.endsWith('[\\s\\S]*')) re += '[\\s\\S]*';
    } else if (c === '?') {
      re += '[\\s\\S]';
    } else if (c === '[') {
      let j = i;
      if (j < n && p[j] === '!') j++;
      if (j < n && p[j] === ']') j++;
      while (j < n && p[j] !== ']') j++;
      if (j >= n) {
        re += esc('[');
      } else {
        re += classToRegex(p.slice(i, j).join(''));
        i = j + 1;
      }
    } else {
      re += esc(c);
    }
  }
  return new RegExp(`^(?:${re})$`, 'u');
}

export function fnmatch(name: string, pat: string): boolean {
  return fnmatchRegex(pat).test(name);
}

function glob1(dir: string, pattern: string, dirOnly: boolean, fs: GlobFs): string[] {
  let entries = fs.list(dir) ?? [];
  if (dirOnly) entries = entries.filter((e) => e.isDir);
  let names = entries.map((e) => e.name);
  if (!pattern.startsWith('.')) names = names.filter((x) => !x.startsWith('.'));
  const re = fnmatchRegex(pattern);
  return names.filter((x) => re.test(x));
}

function glob0(dir: string, base: string, fs: GlobFs): string[] {
  if (base) return fs.lexists(pyJoin(dir, base)) ? [base] : [];
  return fs.isDir(dir) ? [base] : [];
}

function iglob(pathname: string, dirOnly: boolean, fs: GlobFs): string[] {
  const [dirname, basename] = pySplit(pathname);
  if (!hasMagic(pathname)) {
    if (basename) return fs.lexists(pathname) ? [pathname] : [];
    return fs.isDir(dirname) ? [pathname] : [];
  }
  if (!dirname) {
    return hasMagic(basename) ? glob1('', basename, dirOnly, fs) : glob0('', basename, fs);
  }
  const dirs = dirname !== pathname && hasMagic(dirname) ? iglob(dirname, true, fs) : [dirname];
  const out: string[] = [];
  for (const d of dirs) {
    const names = hasMagic(basename) ? glob1(d, basename, dirOnly, fs) : glob0(d, basename, fs);
    for (const name of names) out.push(pyJoin(d, name));
  }
  return out;
}

/** glob.glob(pattern), in listing order (supervisord sorts the result itself). */
export function pyGlob(pattern: string, fs: GlobFs = nodeGlobFs): string[] {
  return iglob(pattern, false, fs);
}
