/**
 * process_groups_from_parser, first two passes: `[group:x]` (heterogeneous groups, whose members
 * leave the standalone passes) and `[program:x]` (one group per program).
 */
import type { IniConfigSection } from '../ini/index.js';
import { integerCodec } from '../codecs/integer.js';
import { nameCodec } from '../codecs/name.js';
import { stringListCodec } from '../codecs/stringlist.js';
import type { Resolver } from './context.js';
import { LayeredNames } from './names.js';
import { defaultParsed } from './process-reads.js';
import { processesFromSection } from './resolve-process.js';
import { RULE_IDS } from './rule-ids.js';
import type { ResolvedGroup } from './types.js';

export interface GroupPass {
  groups: ResolvedGroup[];
  /** Sections taken by a `[group:x]` (supervisord's homogeneous_exclude). */
  members: Set<string>;
}

const groupNames = (r: Resolver): LayeredNames => {
  const own = { here: r.here };
  return new LayeredNames([own, r.envNames], () => ({ ...r.envNames, ...own }));
};

export function resolveHeterogeneousGroups(r: Resolver): GroupPass {
  const groups: ResolvedGroup[] = [];
  const members = new Set<string>();
  const known = new Set(r.ini.sections.map((s) => s.name));
  for (const section of r.sectionsStarting('group:')) {
    const at = r.sectionPos(section);
    const nameResult = r.parseText(nameCodec, section.name.slice(section.name.indexOf(':') + 1));
    if (!nameResult.ok) r.error(RULE_IDS.invalidValue, nameResult.message, at);
    const programsRead = r.read(section, 'programs', groupNames(r));
    const programs = programsRead.entry ? r.parse(stringListCodec, programsRead) : [];
    const priority = r.parseOr(integerCodec, r.read(section, 'priority', groupNames(r), { default: '999' }), 999);
    const group: ResolvedGroup = {
      name: nameResult.ok ? nameResult.value : section.name.slice(section.name.indexOf(':') + 1),
      kind: 'group',
      priority: priority.value,
      sectionName: section.name,
      processes: [],
      at,
    };
    groups.push(group);
    if (!programs) continue;
    // supervisord reuses its `section` variable for the member it just read, so the messages
    // about any member after the first name the previous member's section (reference §4.7).
    let label = section.name;
    for (const [index, program] of programs.entries()) {
      const memberPos = r.itemPos(programsRead, index);
      const programSection = `program:${program}`;
      const fcgiSection = `fcgi-program:${program}`;
      const hasProgram = known.has(programSection);
      const hasFcgi = known.has(fcgiSection);
      if (!hasProgram && !hasFcgi) {
        r.error(RULE_IDS.groupMember, `[${label}] names unknown program or fcgi-program ${program}`, memberPos);
        continue;
      }
      if (hasProgram && hasFcgi) {
        r.error(RULE_IDS.groupMember, `[${label}] name ${program} is ambiguous (exists as program and fcgi-program)`, memberPos);
        continue;
      }
      label = hasProgram ? programSection : fcgiSection;
      members.add(label);
      if (!nameResult.ok) continue;
      const member = r.ini.section(label)!;
      // an fcgi-program in a group is run as a plain process: no socket (reference §4.7)
      group.processes.push(...processesFromSection(r, member, group.name, 'program'));
    }
  }
  return { groups, members };
}

/** Standalone sections read priority at group level (standaloneHead). */
const PRIORITY_READ = ['priority'] as const;

/** `[program:x]` sections that no group took: name and priority first, with no section suffix. */
export function resolvePrograms(r: Resolver, members: ReadonlySet<string>): ResolvedGroup[] {
  const groups: ResolvedGroup[] = [];
  const sections = r.sectionsStarting('program:');
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i]!;
    if (members.has(section.name)) continue;
    const group = standaloneHead(r, section, '999');
    if (!group) continue;
    group.processes = processesFromSection(r, section, group.name, 'program', PRIORITY_READ);
    groups.push(group);
  }
  return groups;
}

/** The program name (no suffix on its error) and the group-level priority of a standalone section. */
export function standaloneHead(r: Resolver, section: IniConfigSection, defaultPriority: string): ResolvedGroup | null {
  const at = r.sectionPos(section);
  const nameResult = r.parseText(nameCodec, section.name.slice(section.name.indexOf(':') + 1));
  if (!nameResult.ok) {
    r.error(RULE_IDS.invalidValue, nameResult.message, at);
    return null;
  }
  // most sections leave priority out: its default parsed once, no names to build
  const priority = section.keySet().has('priority')
    ? r.parseOr(integerCodec, r.read(section, 'priority', groupNames(r), { default: defaultPriority }), Number(defaultPriority))
    : defaultParsed(integerCodec, 'priority', defaultPriority, Number(defaultPriority));
  return {
    name: nameResult.value,
    kind: section.name.startsWith('fcgi-program:') ? 'fcgi-program' : 'program',
    priority: priority.value,
    sectionName: section.name,
    processes: [],
    at,
  };
}
