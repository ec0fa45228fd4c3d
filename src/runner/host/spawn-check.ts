// supervisord's pre-fork steps (Subprocess.get_execv_args + check_execv_args) and the child's
// environment (_spawn_as_child): everything decided before a fork, with supervisord's spawnerr
// texts. A failure here is a `spawnerr:` line and BACKOFF, never a pid.
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { commandCodec, commandParseError } from '../../codecs/command.js';
import { pyRepr } from '../../codecs/python.js';
import type { ResolvedProcess } from '../../config/types.js';

/** What prepareSpawn reads from the machine; tests inject one to reach every branch. */
export interface SpawnProbe {
  /** os.stat (follows links); null when it fails. */
  stat(path: string): Stats | null;
  /** os.access(path, X_OK) */
  canExecute(path: string): boolean;
}

export const realSpawnProbe: SpawnProbe = {
  stat(path) {
    try {
      return statSync(path);
    } catch {
      return null;
    }
  },
  canExecute(path) {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
};

export interface SpawnContext {
  /** supervisord's own environment (os.environ): the base of the child's. */
  env: Record<string, string | undefined>;
  /** `[supervisord] environment`. */
  supervisordEnv: Record<string, string>;
  /**
   * supervisord's fallback SUPERVISOR_SERVER_URL (ResolvedSupervisord.serverurl); the process's
   * own `serverurl` wins when it is not null, as in supervisord.
   */
  serverUrl: string | null;
  /** supervisord's working directory: a command with `/` is stat()ed relative to it. */
  cwd: string;
  probe?: SpawnProbe;
}

export type PreparedSpawn =
  | {
      ok: true;
      /** The file to execve: as written when it has a `/`, else the PATH entry joined to it. */
      file: string;
      /** shlex.split(command); argv[0] is the word as written. */
      argv: string[];
      env: Record<string, string>;
    }
  | { ok: false; message: string };

const DEFAULT_PATH = ['/bin', '/usr/bin', '/usr/local/bin'];

/** os.path.join(dir, name) for a name without `/`. */
const joinPath = (dir: string, name: string): string =>
  dir === '' || dir.endsWith('/') ? dir + name : `${dir}/${name}`;

/** ProcessConfig.get_path: the program's (merged) PATH, else supervisord's, else the default. */
function searchPath(merged: Record<string, string>, env: Record<string, string | undefined>): string[] {
  if (Object.prototype.hasOwnProperty.call(merged, 'PATH')) return merged.PATH!.split(':');
  const own = env.PATH;
  return own ? own.split(':') : DEFAULT_PATH;
}

/** The child's environment, in supervisord's order (later wins). */
export function childEnvironment(proc: ResolvedProcess, ctx: SpawnContext): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(ctx.env)) if (v !== undefined) env[k] = v;
  env.SUPERVISOR_ENABLED = '1';
  const url = proc.serverurl !== null ? proc.serverurl : ctx.serverUrl;
  if (url) env.SUPERVISOR_SERVER_URL = url;
  env.SUPERVISOR_PROCESS_NAME = proc.name;
  env.SUPERVISOR_GROUP_NAME = proc.group;
  Object.assign(env, ctx.supervisordEnv, proc.environment);
  return env;
}

export function prepareSpawn(proc: ResolvedProcess, ctx: SpawnContext): PreparedSpawn {
  const probe = ctx.probe ?? realSpawnProbe;
  const command = proc.command ?? '';
  const split = commandCodec.parse(command);
  if (!split.ok) {
    // commandCodec reports an empty split with spawnerr's own text; shlex errors need the wrapper
    const message = split.message === 'command is empty' ? split.message : commandParseError(command, split.message);
    return { ok: false, message };
  }
  const argv = split.value;
  const program = argv[0]!;
  const at = (p: string) => resolve(ctx.cwd, p);

  let file = program;
  let st: Stats | null;
  if (program.includes('/')) {
    st = probe.stat(at(program));
  } else {
    st = null;
    const merged = { ...ctx.supervisordEnv, ...proc.environment };
    for (const dir of searchPath(merged, ctx.env)) {
      const candidate = joinPath(dir, program);
      st = probe.stat(at(candidate));
      if (st) {
        file = candidate;
        break;
      }
    }
  }

  if (!st) return { ok: false, message: `can't find command ${pyRepr(file)}` };
  if (st.isDirectory()) return { ok: false, message: `command at ${pyRepr(file)} is a directory` };
  if ((st.mode & 0o111) === 0) return { ok: false, message: `command at ${pyRepr(file)} is not executable` };
  if (!probe.canExecute(at(file))) return { ok: false, message: `no permission to run command ${pyRepr(file)}` };

  return { ok: true, file, argv, env: childEnvironment(proc, ctx) };
}
