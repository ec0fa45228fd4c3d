// Signalling a child or its process group, with the outcomes supervisord tells apart.

export type SignalResult =
  | { sent: true }
  /** ESRCH: already gone; supervisord logs DEBG `unable to signal NAME (pid N), it probably just exited on its own: [Errno 3] No such process` and carries on. */
  | { sent: false; gone: true; detail: string }
  /** Anything else: supervisord's CRIT `unknown problem killing ...` and UNKNOWN. */
  | { sent: false; gone: false; code: string; detail: string };

/** kill(2) to `pid`, or to its process group (`-pid`) when `group`. Never throws. */
export function signalChild(pid: number, signal: number, group: boolean): SignalResult {
  try {
    process.kill(group ? -pid : pid, signal);
    return { sent: true };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ESRCH') return { sent: false, gone: true, detail: '[Errno 3] No such process' };
    return { sent: false, gone: false, code: err.code ?? 'EIO', detail: err.message };
  }
}
