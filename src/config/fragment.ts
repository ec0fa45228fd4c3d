/**
 * A conf.d fragment (a file without `[supervisord]`, linted with `allowFragment`) is judged as
 * supervisord would read it when a main file includes it. The choice for a lone fragment: the
 * main file is taken to be the least it can be, `[supervisord]` with no keys plus
 * `[include] files=` naming the fragment, in the fragment's folder. So:
 *
 * - `%(here)s` is replaced textually by the fragment's folder before any expansion, as
 *   `[include]` does for every file it reads (reference §2.4; load.ts passes `hereDirs`);
 * - the fragment's `[DEFAULT]` keys reach the main file's `[supervisord]` (configparser's
 *   defaults apply to every section, whichever file declared them), so `directory=`, `user=`,
 *   `logfile=`, `minfds=`... written there are checked as supervisord's own settings, and
 *   reported at the `[DEFAULT]` key. A real main file may set some of those keys itself and
 *   hide the default; an empty `[supervisord]` is the case that always applies.
 */
import type { IniConfig, IniConfigSection, IniEntry } from '../ini/index.js';
import { entryWithValue } from '../ini/reader.js';

const HERE = '%(here)s';

/**
 * The `[supervisord]` section an including main file would see: only the `[DEFAULT]` keys, each
 * with `%(here)s` replaced by `here` (expand_here copies them into every section). undefined
 * when `[DEFAULT]` has no keys (then the section changes nothing).
 */
export function fragmentSupervisordSection(ini: IniConfig, here: string): IniConfigSection | undefined {
  const defaults = ini.defaults;
  if (defaults.keys().length === 0) return undefined;
  const replaced = new Map<string, IniEntry>();
  const get = (key: string): IniEntry | undefined => {
    const entry = defaults.get(key);
    if (!entry || !entry.value.includes(HERE)) return entry;
    let copy = replaced.get(entry.key);
    if (!copy) {
      copy = entryWithValue(entry, entry.value.split(HERE).join(here), here);
      replaced.set(entry.key, copy);
    }
    return copy;
  };
  return {
    name: 'supervisord',
    file: defaults.file,
    pos: defaults.pos,
    occurrences: [],
    get,
    has: (key) => defaults.has(key),
    keys: () => defaults.keys(),
    keySet: () => defaults.keySet(),
    ownKeys: () => [],
    occurrencesOf: () => [],
    entries: () => defaults.keys().map((k) => get(k)!),
  };
}
