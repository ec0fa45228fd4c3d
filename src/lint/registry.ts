/**
 * Every rule, listed explicitly (no discovery): the order is the order of the docs index.
 * Errors first (supervisord's refusals, one rule per resolver family), then warnings, then the
 * worker-description rules.
 */
import { autoLogNoRollover } from './rules/auto-log-no-rollover.js';
import { barePercent } from './rules/bare-percent.js';
import { commandNotFound } from './rules/command-not-found.js';
import { defaultSection } from './rules/default-section.js';
import { directoryMissing } from './rules/directory-missing.js';
import { duplicateKey } from './rules/duplicate-key.js';
import { duplicateProcessName } from './rules/duplicate-process-name.js';
import { duplicateSection } from './rules/duplicate-section.js';
import { emptyGroup } from './rules/empty-group.js';
import { encoding } from './rules/encoding.js';
import { environmentValueLost } from './rules/environment-value-lost.js';
import { eventlistener } from './rules/eventlistener.js';
import { exitcodesEmpty } from './rules/exitcodes-empty.js';
import { expansion } from './rules/expansion.js';
import { fcgiInGroup } from './rules/fcgi-in-group.js';
import { fcgiSocket } from './rules/fcgi-socket.js';
import { fileUnreadable } from './rules/file-unreadable.js';
import { groupMember } from './rules/group-member.js';
import { hostEnv } from './rules/host-env.js';
import { hostPath } from './rules/host-path.js';
import { hostUser } from './rules/host-user.js';
import { httpNoAuth } from './rules/http-no-auth.js';
import { includeNoMatch } from './rules/include-no-match.js';
import { iniSyntax } from './rules/ini-syntax.js';
import { inlineCommentCut } from './rules/inline-comment-cut.js';
import { invalidValue } from './rules/invalid-value.js';
import { logRotationOnStream } from './rules/log-rotation-on-stream.js';
import { miscasedSection } from './rules/miscased-section.js';
import { missingControlServer } from './rules/missing-control-server.js';
import { missingRpcinterface } from './rules/missing-rpcinterface.js';
import { missingSection } from './rules/missing-section.js';
import { nameClash } from './rules/name-clash.js';
import { nestedInclude } from './rules/nested-include.js';
import { nodaemonIgnored } from './rules/nodaemon-ignored.js';
import { numprocsProcessName } from './rules/numprocs-process-name.js';
import { numprocsZero } from './rules/numprocs-zero.js';
import { plaintextPassword } from './rules/plaintext-password.js';
import { programInTwoGroups } from './rules/program-in-two-groups.js';
import { redirectStderrWithLogfile } from './rules/redirect-stderr-with-logfile.js';
import { relativeCommand } from './rules/relative-command.js';
import { requiredOption } from './rules/required-option.js';
import { rpcinterfaceExtraKey } from './rules/rpcinterface-extra-key.js';
import { rpcinterface } from './rules/rpcinterface.js';
import { runAsRoot } from './rules/run-as-root.js';
import { sectionHeaderJunk } from './rules/section-header-junk.js';
import { serverAuth } from './rules/server-auth.js';
import { serverurlMismatch } from './rules/serverurl-mismatch.js';
import { sharedLogfile } from './rules/shared-logfile.js';
import { shellSyntaxInCommand } from './rules/shell-syntax-in-command.js';
import { socketPermissions } from './rules/socket-permissions.js';
import { stopasgroupKillasgroup } from './rules/stopasgroup-killasgroup.js';
import { stopwaitsecsShort } from './rules/stopwaitsecs-short.js';
import { supervisordRefusal } from './rules/supervisord-refusal.js';
import { swallowedContinuation } from './rules/swallowed-continuation.js';
import { syslogLogfile } from './rules/syslog-logfile.js';
import { unclosedSectionHeader } from './rules/unclosed-section-header.js';
import { unknownKey } from './rules/unknown-key.js';
import { unknownSection } from './rules/unknown-section.js';
import { workersInvalid } from './rules/workers-invalid.js';
import { workersSchema } from './rules/workers-schema.js';
import { workersSyntax } from './rules/workers-syntax.js';
import { workersTemplate } from './rules/workers-template.js';
import { wrapperWithoutStopasgroup } from './rules/wrapper-without-stopasgroup.js';
import type { Rule, RuleMeta } from './types.js';

export const RULES: readonly Rule[] = [
  fileUnreadable,
  encoding,
  iniSyntax,
  missingSection,
  invalidValue,
  expansion,
  requiredOption,
  numprocsProcessName,
  stopasgroupKillasgroup,
  groupMember,
  eventlistener,
  fcgiSocket,
  serverAuth,
  rpcinterface,
  hostUser,
  hostPath,
  hostEnv,
  supervisordRefusal,
  autoLogNoRollover,
  barePercent,
  commandNotFound,
  defaultSection,
  directoryMissing,
  duplicateKey,
  duplicateProcessName,
  duplicateSection,
  emptyGroup,
  environmentValueLost,
  exitcodesEmpty,
  fcgiInGroup,
  httpNoAuth,
  includeNoMatch,
  inlineCommentCut,
  logRotationOnStream,
  miscasedSection,
  missingControlServer,
  missingRpcinterface,
  nameClash,
  nestedInclude,
  nodaemonIgnored,
  numprocsZero,
  plaintextPassword,
  programInTwoGroups,
  redirectStderrWithLogfile,
  relativeCommand,
  rpcinterfaceExtraKey,
  runAsRoot,
  sectionHeaderJunk,
  serverurlMismatch,
  sharedLogfile,
  shellSyntaxInCommand,
  socketPermissions,
  stopwaitsecsShort,
  swallowedContinuation,
  syslogLogfile,
  unclosedSectionHeader,
  unknownKey,
  unknownSection,
  wrapperWithoutStopasgroup,
  workersInvalid,
  workersSchema,
  workersSyntax,
  workersTemplate,
];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

/** Metadata for formatters (sarif) and docs. */
export function ruleMeta(rules: readonly Rule[] = RULES): RuleMeta[] {
  return rules.map(({ id, description, severity, docs }) => ({ id, description, severity, docs }));
}

/** Resolver rule ids that some rule reports; the catch-all `supervisord-refusal` takes the rest. */
export const COVERED_REFUSAL_IDS: ReadonlySet<string> = new Set(RULES.filter((r) => (r.target ?? 'ini') === 'ini').flatMap((r) => r.families ?? []));
