/**
 * A process's environment= : expanded with the process's names, then parsed into variables that
 * also become the ENV_ names of the process's later keys. When the text names nothing that differs
 * between processes, the first process's work is re-used by the rest.
 */
import { environmentCodec } from '../codecs/environment.js';
import type { Expanded, Names, Read, Resolver } from './context.js';
import type { LayeredNames } from './names.js';
import { sameForEveryProcess } from './process-reads.js';
import { RULE_IDS } from './rule-ids.js';

export interface SectionEnvironment {
  /** environment= names process_num (or a bare specifier), so each process has its own. */
  readonly varies: boolean;
  /** No environment= at all (most sections): every process gets an empty one, nothing to read. */
  readonly none: boolean;
  /**
   * One process's environment, its variables also written into `programEnv` as ENV_ names;
   * `lenient` tells later keys to take unknown ENV_ names as placeholders, as the
   * environment did not resolve.
   */
  forProcess(beforeEnv: LayeredNames, programEnv: Names): { environment: Record<string, string>; lenient: boolean };
}

export function sectionEnvironment(r: Resolver, raw: Read, suffix: string): SectionEnvironment {
  const text = raw.value!;
  const same = sameForEveryProcess(text, false);
  let shared: { expanded: Expanded; parsed: ReturnType<typeof environmentCodec.parse> | null } | undefined;
  return {
    varies: !same,
    none: text === '',
    forProcess(beforeEnv, programEnv) {
      const environment: Record<string, string> = {};
      let lenient = r.lenientEnv;
      let done = shared;
      if (!done) {
        const expanded = r.expandText(text, beforeEnv, 'environment', () => raw.pos, suffix);
        done = { expanded, parsed: expanded.ok ? environmentCodec.parse(expanded.value) : null };
        if (same) shared = done;
      }
      if (!done.expanded.ok) lenient = true;
      else {
        const parsed = done.parsed!;
        if (parsed.ok) {
          const pairs = parsed.value;
          for (let i = 0; i < pairs.length; i++) {
            const k = pairs[i]![0];
            const v = pairs[i]![1];
            environment[k] = v;
            programEnv[`ENV_${k}`] = v;
          }
        } else {
          lenient = true;
          if (!done.expanded.tainted) r.error(RULE_IDS.invalidValue, parsed.message + suffix, raw.pos);
        }
      }
      return { environment, lenient };
    },
  };
}
