/**
 * process_groups_from_parser, last pass: `[fcgi-program:x]` sections no group took, with their
 * socket (parse_fcgi_socket). Group-level errors carry no section suffix; socket format errors
 * end in ` in [fcgi-program:x] socket`.
 */
import { fcgiSocketCodec } from '../codecs/inet.js';
import { integerCodec } from '../codecs/integer.js';
import { octalCodec } from '../codecs/octal.js';
import type { Names, Resolver } from './context.js';
import { gidForUid, nameToUid, normalizePath, userGroup } from './host.js';
import { standaloneHead } from './resolve-groups.js';
import { processesFromSection } from './resolve-process.js';
import { RULE_IDS } from './rule-ids.js';
import type { ResolvedGroup } from './types.js';

export function resolveFcgiPrograms(r: Resolver, members: ReadonlySet<string>): ResolvedGroup[] {
  const groups: ResolvedGroup[] = [];
  for (const section of r.sectionsStarting('fcgi-program:')) {
    if (members.has(section.name)) continue;
    const group = standaloneHead(r, section, '999');
    if (!group) continue;
    const names: Names = { ...r.envNames, here: r.here };

    const userRead = r.read(section, 'user', names);
    let procUid: number | null = null;
    if (userRead.entry && !userRead.failed && !userRead.tainted && r.host) {
      const uid = nameToUid(r.host, userRead.value!);
      if (uid.ok) procUid = uid.value;
      else r.error(RULE_IDS.hostUser, uid.message, userRead.pos);
    }

    const backlogRead = r.read(section, 'socket_backlog', names);
    let backlog: number | null = null;
    if (backlogRead.entry) {
      const b = r.parse(integerCodec, backlogRead);
      if (b !== undefined) {
        if (b < 1 || b > 65535) r.error(RULE_IDS.fcgiSocket, `Invalid socket_backlog value ${b}`, backlogRead.pos);
        else backlog = b;
      }
    }

    const ownerRead = r.read(section, 'socket_owner', names);
    let ownerIds: [number, number] | null = null;
    if (ownerRead.entry && !ownerRead.failed && !ownerRead.tainted && r.host) {
      const ids = userGroup(r.host, ownerRead.value!);
      if (ids.ok) ownerIds = ids.value;
      else r.error(RULE_IDS.hostUser, `Invalid socket_owner value ${ownerRead.value}`, ownerRead.pos);
    }

    const modeRead = r.read(section, 'socket_mode', names);
    let mode: number | null = null;
    if (modeRead.entry && !modeRead.failed && !modeRead.tainted) {
      const m = octalCodec.parse(modeRead.value!);
      if (m.ok) mode = m.value;
      else r.error(RULE_IDS.fcgiSocket, `Invalid socket_mode value ${modeRead.value}`, modeRead.pos);
    }

    const socketNames: Names = { ...r.envNames, program_name: group.name, here: r.here };
    const socketRead = r.read(section, 'socket', socketNames);
    if (!socketRead.failed && !socketRead.tainted) {
      if (!socketRead.value) {
        r.error(RULE_IDS.requiredOption, `[${section.name}] section requires a "socket" line`, socketRead.pos);
      } else {
        const text = socketRead.value;
        const where = ` in [${section.name}] socket`;
        if (!text.startsWith('unix://') && (ownerRead.entry || modeRead.entry)) {
          const cause = ownerRead.entry ? ownerRead.pos : modeRead.pos;
          r.error(RULE_IDS.fcgiSocket, `socket_owner and socket_mode params should only be used with a Unix domain socket${where}`, cause);
        } else {
          const parsed = fcgiSocketCodec.parse(text);
          if (!parsed.ok) r.error(RULE_IDS.fcgiSocket, parsed.message + where, socketRead.pos);
          else if (parsed.value.kind === 'unix') {
            if (!ownerRead.entry && r.host && procUid !== null && procUid !== r.host.uid()) {
              ownerIds = [procUid, gidForUid(r.host, procUid) ?? -1];
            }
            group.socket = {
              kind: 'unix',
              path: normalizePath(parsed.value.path, r.ctx.cwd, r.env, r.host),
              owner: ownerRead.entry && !ownerRead.failed ? ownerRead.value : null,
              mode: mode ?? 0o700,
              backlog,
              ownerIds,
            };
          } else {
            group.socket = { kind: 'tcp', host: parsed.value.host, port: parsed.value.port, backlog };
          }
        }
      }
    }

    group.processes = processesFromSection(r, section, group.name, 'fcgi-program', ['priority', 'user']);
    groups.push(group);
  }
  return groups;
}
