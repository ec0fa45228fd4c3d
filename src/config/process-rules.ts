/**
 * The rules of a process section that tie two keys together, checked once for the section after
 * its keys are read (only on values that were read without error).
 */
import type { IniConfigSection } from '../ini/index.js';
import type { Resolver } from './context.js';
import type { SectionOptions } from './process-section.js';
import { RULE_IDS } from './rule-ids.js';

export function checkCrossKeyRules(r: Resolver, section: IniConfigSection, o: SectionOptions, suffix: string): void {
  const { numprocs, processName, processNameRead, stopasgroup, killasgroup, killRead } = o;
  if (numprocs.known && numprocs.value > 1 && processName.ok && !processName.value.includes('%(process_num)')) {
    const pos = processNameRead.entry ? processNameRead.pos : r.posOf(section, 'numprocs');
    r.error(RULE_IDS.numprocsProcessName, `%(process_num) must be present within process_name when numprocs > 1${suffix}`, pos);
  }
  if (stopasgroup.known && killasgroup.known && stopasgroup.value && !killasgroup.value) {
    const pos = killRead.entry ? killRead.pos : r.sectionPos(section);
    r.error(RULE_IDS.stopasgroupKillasgroup, `Cannot set stopasgroup=true and killasgroup=false${suffix}`, pos);
  }
}
