#!/usr/bin/python3
"""Ask supervisor 4.2.5's own parser what it makes of a config file.

Nothing is started: ServerOptions.realize() is the code supervisord runs before
it forks, binds or writes anything, so its verdict is supervisord's verdict.

    /usr/bin/python3 oracle.py CONFIG          one result, JSON on stdout;
                                               exit 0 accepted, 2 refused, 3 crashed
    /usr/bin/python3 oracle.py --batch         stdin: JSON list of jobs, each a path
                                               or {"path", "env"?, "cleanEnv"?, "cwd"?};
                                               stdout: one JSON result per line, in order

Each job runs with its cwd set to the config's folder (or "cwd"), because
supervisord resolves relative log and pid paths against its cwd.  "env" is laid
over this process's environment (a null value removes the variable); with
"cleanEnv" it replaces it.  The environment matters for %(ENV_X)s.
"""
import contextlib
import io
import json
import os
import signal
import socket
import sys
import traceback

from supervisor import datatypes, events, loggers
from supervisor.options import ServerOptions, VERSION

HELP_LINE_PREFIX = "For help, use "
PROGNAME = "supervisord"


def restart_policy(value):
    if value is datatypes.RestartUnconditionally:
        return "true"
    if value is datatypes.RestartWhenExitUnexpected:
        return "unexpected"
    return "false"


def signal_name(num):
    try:
        return signal.Signals(num).name
    except ValueError:
        return str(num)


def level_name(num):
    for name, value in vars(loggers.LevelsByName).items():
        if not name.startswith("_") and value == num:
            return name
    return num


def plain(value):
    """Turn supervisor's sentinels and objects into JSON values."""
    if value is datatypes.Automatic:
        return "AUTO"
    if isinstance(value, (signal.Signals, signal.Handlers)):
        return value.name
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def describe_process(pc):
    fields = {}
    for key in pc.req_param_names + pc.optional_param_names:
        fields[key] = plain(getattr(pc, key))
    fields["autorestart"] = restart_policy(pc.autorestart)
    fields["stopsignal"] = signal_name(pc.stopsignal)
    fields["exitcodes"] = list(pc.exitcodes)
    fields["kind"] = type(pc).__name__
    return fields


def describe_socket(sc):
    out = {"url": sc.url, "backlog": sc.get_backlog()}
    if hasattr(sc, "path"):
        out["path"] = sc.path
        out["mode"] = sc.get_mode()
        out["owner"] = plain(sc.get_owner())
    return out


def describe_group(gc):
    group = {
        "name": gc.name,
        "type": type(gc).__name__,
        "priority": gc.priority,
        "processes": [describe_process(pc) for pc in gc.process_configs],
    }
    if hasattr(gc, "pool_events"):
        group["events"] = [events.getEventNameByType(e) for e in gc.pool_events]
        group["buffer_size"] = gc.buffer_size
        handler = gc.result_handler
        group["result_handler"] = "%s:%s" % (
            getattr(handler, "__module__", "?"), getattr(handler, "__name__", "?"))
    if hasattr(gc, "socket_config"):
        group["socket"] = describe_socket(gc.socket_config)
    return group


def describe_server(cfg):
    out = {}
    for key, value in cfg.items():
        if key == "family":
            out["family"] = "unix" if value == socket.AF_UNIX else "inet"
        else:
            out[key] = plain(value)
    return out


def describe_supervisord(o):
    section = o.configroot.supervisord
    keys = ("logfile", "logfile_maxbytes", "logfile_backups", "pidfile", "umask",
            "nodaemon", "silent", "minfds", "minprocs", "nocleanup", "childlogdir",
            "user", "uid", "gid", "directory", "strip_ansi", "identifier", "serverurl")
    out = {k: plain(getattr(o, k, None)) for k in keys}
    out["loglevel"] = level_name(o.loglevel)
    out["environment"] = plain(section.environment)
    out["rpcinterfaces"] = [
        {"name": name,
         "factory": "%s:%s" % (getattr(f, "__module__", "?"), getattr(f, "__name__", "?")),
         "config": plain(cfg)}
        for name, f, cfg in (section.rpcinterface_factories or [])]
    return out


def refusal_text(stderr):
    """supervisord's own error lines, minus the trailing help pointer."""
    lines = stderr.splitlines()
    while lines and (lines[-1].startswith(HELP_LINE_PREFIX) or lines[-1] == ""):
        lines.pop()
    return "\n".join(lines)


@contextlib.contextmanager
def job_environment(env, clean, cwd):
    saved_env = dict(os.environ)
    saved_cwd = os.getcwd()
    try:
        if clean:
            os.environ.clear()
        for key, value in (env or {}).items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = str(value)
        if os.path.isdir(cwd):  # a missing folder is the config's problem to report
            os.chdir(cwd)
        yield
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)


def parse_one(job):
    if isinstance(job, str):
        job = {"path": job}
    path = os.path.abspath(job["path"])
    cwd = os.path.abspath(job.get("cwd") or os.path.dirname(path))
    result = {"path": path, "accepted": False, "error": None, "message": None,
              "stderr": "", "crash": None}
    err = io.StringIO()
    out = io.StringIO()
    with job_environment(job.get("env"), job.get("cleanEnv"), cwd):
        o = ServerOptions()
        o.stderr = err
        o.stdout = out
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                o.realize(args=["-c", path], progname=PROGNAME)
        except SystemExit as exc:
            result["exitCode"] = exc.code if isinstance(exc.code, int) else 1
            result["stderr"] = err.getvalue()
            text = refusal_text(err.getvalue())
            result["error"] = text
            result["message"] = text[len("Error: "):] if text.startswith("Error: ") else text
            return result
        except Exception:  # a bug in supervisor itself: supervisord would print this too
            result["exitCode"] = 1
            result["stderr"] = err.getvalue()
            result["crash"] = traceback.format_exc()
            return result
        result["accepted"] = True
        result["exitCode"] = 0
        result["stderr"] = err.getvalue()
        result["groups"] = [describe_group(g) for g in o.process_group_configs]
        result["servers"] = [describe_server(c) for c in o.server_configs]
        result["supervisord"] = describe_supervisord(o)
        result["warnings"] = list(o.parse_warnings)
        result["infos"] = list(o.parse_infos)
        result["criticals"] = list(o.parse_criticals)
    return result


def emit(result, stream):
    stream.write(json.dumps(result, default=str))
    stream.write("\n")
    stream.flush()


def main(argv):
    if argv == ["--version"]:
        print(VERSION)
        return 0
    if argv == ["--batch"]:
        jobs = json.load(sys.stdin)
        for job in jobs:
            try:
                result = parse_one(job)
            except Exception:
                result = {"path": str(job), "accepted": False, "exitCode": 1,
                          "error": None, "message": None, "stderr": "",
                          "crash": traceback.format_exc()}
            result["version"] = VERSION
            emit(result, sys.stdout)
        return 0
    if len(argv) == 1 and not argv[0].startswith("-"):
        result = parse_one(argv[0])
        result["version"] = VERSION
        emit(result, sys.stdout)
        if result["accepted"]:
            return 0
        return 3 if result["crash"] else 2
    sys.stderr.write(__doc__)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
