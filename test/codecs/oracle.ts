/**
 * Helpers for the codec tests: a batch call into supervisor's own Python functions (one
 * /usr/bin/python3 process per call, all inputs in one JSON document).
 */
import { spawnSync } from 'node:child_process';

export const PYTHON = '/usr/bin/python3';

export type OracleOutcome = { ok: true; value: unknown } | { ok: false; message: string; type: string };

const DRIVER = String.raw`
import json, sys, shlex
from supervisor import datatypes as d
from supervisor.options import ServerOptions, expand

def conv(v):
    if v is d.Automatic: return {'kind': 'auto'}
    if v is d.Syslog: return {'kind': 'syslog'}
    if v is d.RestartUnconditionally: return True
    if v is d.RestartWhenExitUnexpected: return 'unexpected'
    if isinstance(v, dict): return [[k, x] for k, x in v.items()]
    if isinstance(v, tuple): return list(v)
    if isinstance(v, int) and not isinstance(v, bool): return int(v)
    return v

def fcgi(s):
    return ServerOptions().parse_fcgi_socket(s, None, None, None, None).url

def percent(arg):
    template, names = arg
    return template % names

FUNCS = {
    'boolean': d.boolean, 'integer': d.integer, 'byte_size': d.byte_size,
    'octal_type': d.octal_type, 'signal_number': d.signal_number,
    'list_of_exitcodes': d.list_of_exitcodes, 'logging_level': d.logging_level,
    'auto_restart': d.auto_restart, 'logfile_name': d.logfile_name,
    'process_or_group_name': d.process_or_group_name, 'list_of_strings': d.list_of_strings,
    'inet_address': d.inet_address, 'url': d.url, 'fcgi': fcgi,
    'dict_of_key_value_pairs': d.dict_of_key_value_pairs, 'shlex_split': shlex.split,
    'percent': percent, 'repr': repr, 'int8': lambda s: int(s, 8), 'strip': lambda s: s.strip(),
}

req = json.load(sys.stdin)
f = FUNCS[req['fn']]
out = []
for x in req['inputs']:
    try:
        out.append({'ok': True, 'value': conv(f(x))})
    except Exception as e:
        out.append({'ok': False, 'message': str(e), 'type': type(e).__name__})
json.dump(out, sys.stdout, default=lambda o: '<object>')
`;

/** Runs supervisor/Python function `fn` on every input, in one Python process. */
export function oracle(fn: string, inputs: unknown[]): OracleOutcome[] {
  const r = spawnSync(PYTHON, ['-c', DRIVER], {
    input: JSON.stringify({ fn, inputs }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`python oracle failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as OracleOutcome[];
}

export interface Mismatch {
  input: unknown;
  ours: unknown;
  python: OracleOutcome;
}

/**
 * Runs `parse` and the Python function on the same inputs; returns where they differ in
 * accept/refuse, value (after `toPython`) or message.
 */
export function compareWithPython<T>(
  fn: string,
  inputs: string[],
  parse: (text: string) => { ok: true; value: T } | { ok: false; message: string },
  toPython: (value: T) => unknown = (v) => v,
): Mismatch[] {
  const expected = oracle(fn, inputs);
  const mismatches: Mismatch[] = [];
  inputs.forEach((input, i) => {
    const ours = parse(input);
    const py = expected[i]!;
    const same = ours.ok
      ? py.ok && JSON.stringify(toPython(ours.value)) === JSON.stringify(py.value)
      : !py.ok && ours.message === py.message;
    if (!same) mismatches.push({ input, ours, python: py });
  });
  return mismatches;
}
