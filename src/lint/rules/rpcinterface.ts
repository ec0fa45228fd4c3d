import { refusalRule } from '../refusal.js';

export const rpcinterface = refusalRule({
  id: 'rpcinterface',
  description: "An `[rpcinterface:x]` factory (or an eventlistener result_handler) that is missing, malformed or cannot be imported.",
  docs: "supervisord refuses to start with this file (an error).\n\nsupervisord imports `supervisor.rpcinterface_factory` (`module:callable`) when it reads the file; a missing key, a malformed spec or a module that cannot be imported stops it (`... cannot be resolved within [rpcinterface:x]`). Whether the module imports is checked with `--host` only (it depends on the Python installed).\n\nBad:\n```ini\n[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface make_main_rpcinterface\n```\n\nGood:\n```ini\n[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n```",
});
