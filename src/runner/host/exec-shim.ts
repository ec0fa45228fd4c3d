// The last steps of supervisord's _spawn_as_child that libuv cannot do, run in the child by a
// tiny perl program that then execs the real one:
//
// - libuv resets every signal disposition to the default in the child, where supervisord's
//   children start with SIGPIPE and SIGXFSZ ignored (Python ignores them, and an ignored
//   disposition survives execve). The shim ignores exactly those two; libuv has already reset
//   the rest and emptied the signal mask.
// - supervisord closes fds 3..minfds-1 before exec; libuv leaves every fd the runner inherited
//   without close-on-exec open in the child. The shim closes every fd >= 3 (node's own are all
//   close-on-exec; a leaked fd at or above minfds, which supervisord would leave open, is closed
//   too).
// - The switch of user: setgroups with the user's groups from /etc/group (libuv's would clear
//   them), setgid, setuid; then chdir, so a directory only root may enter fails as under
//   supervisord (libuv changes directory first, then drops privileges); then umask, then
//   execve of the resolved file with argv[0] exactly as written (`exec {FILE} LIST`: no shell).
//   A failure writes supervisord's own lines (`supervisor: couldn't chdir to D: ENOENT`,
//   `supervisor: couldn't exec ARGV0: EACCES`, then `supervisor: child process was not spawned`)
//   to fd 2 and exits 127, as supervisord's forked child does.
//
// Why perl: it is the one interpreter on a Debian-like system (perl-base is essential) whose
// exec can set argv[0] and that changes nothing in the environment. A POSIX shell cannot set
// argv[0] (dash has no `exec -a`), and both dash and bash rewrite PWD, bash also SHLVL, IFS,
// OPTIND and a dozen special variables (measured). perl itself is started with an empty
// environment, so PERL5OPT/PERL5LIB and friends in the program's environment cannot change the
// shim; the environment travels as arguments and is installed in order just before the exec.
// Cost: perl starts in about 3 ms of CPU in the child, in parallel with the runner (the fork in
// node dominates the per-spawn time; see the measurements in child.ts).
//
// Without an executable /usr/bin/perl (or /bin/perl) startChild falls back to spawning the
// program directly, with libuv's defaults (documented in child.ts).
import { accessSync, constants } from 'node:fs';

// Kept short: it is parsed by every child. $ARGV: `UID GID GROUPS...` ('' = stay), umask ('' =
// inherit), directory ('' = none),
// file, number of environment entries, the entries (KEY=VALUE), then argv.
const SCRIPT = [
  '$SIG{PIPE}=$SIG{XFSZ}="IGNORE";',
  'my($u,$m,$d,$f,$n)=splice@ARGV,0,5;',
  'for(splice@ARGV,0,$n){my($k,$v)=split/=/,$_,2;$ENV{$k}=$v}',
  // %! named literally would load Errno.pm in every child: only on failure here
  'sub fail{my$e=$!+0;require Errno;$!=$e;my$h=\\%{"!"};print STDERR "supervisor: $_[0]: ".((sort grep{$$h{$_}}keys%$h)[0]||"EIO")."\\nsupervisor: child process was not spawned\\n";exit 127}',
  'if(opendir my$D,"/proc/self/fd"){my@f=grep{/^\\d+$/&&$_>2}readdir$D;closedir$D;for(@f){open(my$h,"+<&=",$_)and close$h}}',
  // drop_privileges: setgroups(primary first), setgid, setuid (real, effective and saved)
  'if(length$u){my($i,$g,@s)=split/ /,$u;$)="$g @s";$(=$g;($<,$>)=($i,$i);',
  'if($<!=$i||$>!=$i||$(+0!=$g){print STDERR "supervisor: couldn\'t setuid to $i: Could not set user id of effective user\nsupervisor: child process was not spawned\n";exit 127}}',
  'if(length$d){chdir$d or fail("couldn\'t chdir to $d")}',
  'umask oct$m if length$m;',
  'exec{$f}@ARGV or fail("couldn\'t exec $ARGV[0]")',
].join('');

const CANDIDATES = ['/usr/bin/perl', '/bin/perl'];
let found: string | null | undefined;

/** The perl the shim runs with, or null when there is none. */
export function shimInterpreter(): string | null {
  if (found === undefined) {
    found = null;
    for (const p of CANDIDATES) {
      try {
        accessSync(p, constants.X_OK);
        found = p;
        break;
      } catch {
        // next
      }
    }
  }
  return found;
}

/** For tests: pretend there is no perl (true) or look again (false). */
export function setShimDisabledForTests(disabled: boolean): void {
  found = disabled ? null : undefined;
}

export interface ShimRequest {
  /** The resolved file, exec'd as is (relative to `directory` when it is relative). */
  file: string;
  argv: readonly string[];
  env: Readonly<Record<string, string>>;
  directory: string | null;
  umask: number | null;
  /** Switch to this user first (as root): supervisord's setgroups, setgid, setuid. */
  ids?: { uid: number; gid: number; groups: readonly number[] } | null;
}

/** The shim's arguments (after the interpreter): run it with an empty environment. */
export function shimArgs(req: ShimRequest): string[] {
  const entries = Object.entries(req.env).map(([k, v]) => `${k}=${v}`);
  return [
    '-e', SCRIPT, '--',
    req.ids ? [req.ids.uid, req.ids.gid, ...req.ids.groups].join(' ') : '',
    req.umask === null ? '' : req.umask.toString(8),
    req.directory ?? '',
    req.file,
    String(entries.length),
    ...entries,
    ...req.argv,
  ];
}
