/**
 * The rule ids of the refusals the resolver reports (severity 'error'). Each is one family of
 * supervisord 4.2.5's refusals; the message is always supervisord's own text after `Error: `.
 */
export const RULE_IDS = {
  /** The main file does not exist or cannot be read (`could not find config file PATH`). */
  fileUnreadable: 'file-unreadable',
  /** The bytes are not valid UTF-8 (`'utf-8' codec can't decode byte ...`). */
  encoding: 'encoding',
  /** configparser's ParsingError / MissingSectionHeaderError. */
  iniSyntax: 'ini-syntax',
  /** `[supervisord]` missing, `[include]` without `files`. */
  missingSection: 'missing-section',
  /** A value its type refuses (boolean, integer, signal, octal, name, ...). */
  invalidValue: 'invalid-value',
  /** A `%` expansion that fails (unknown name, bad format). */
  expansion: 'expansion',
  /** A required key is missing (`command`, `file`, `port`, `socket`, `events`, factory). */
  requiredOption: 'required-option',
  /** numprocs > 1 without `%(process_num)` in process_name. */
  numprocsProcessName: 'numprocs-process-name',
  /** stopasgroup=true with killasgroup=false. */
  stopasgroupKillasgroup: 'stopasgroup-killasgroup',
  /** `[group:x] programs` names an unknown or ambiguous member. */
  groupMember: 'group-member',
  /** eventlistener-only rules: events, buffer_size, redirect_stderr, result_handler format. */
  eventlistener: 'eventlistener',
  /** fcgi-program socket rules (format, absolute path, owner/mode with tcp, backlog). */
  fcgiSocket: 'fcgi-socket',
  /** username without password or the reverse in an HTTP server section. */
  serverAuth: 'server-auth',
  /** `[rpcinterface:x]` factory missing, malformed or unresolvable; result_handler unresolvable. */
  rpcinterface: 'rpcinterface',
  /** (host only) a user or group that does not exist on this machine. */
  hostUser: 'host-user',
  /** (host only) a folder that does not exist on this machine. */
  hostPath: 'host-path',
  /** (host only) `%(ENV_X)s` where X is not set in supervisord's environment. */
  hostEnv: 'host-env',
} as const;

export type RuleId = (typeof RULE_IDS)[keyof typeof RULE_IDS];

export const ALL_RULE_IDS: readonly RuleId[] = Object.values(RULE_IDS);
