/**
 * process_groups_from_parser, third pass: `[eventlistener:x]` pools. Their group-level keys
 * (priority, buffer_size, result_handler, events, redirect_stderr) are read with `here` and
 * ENV_ names only, and their errors carry no section suffix.
 */
import { booleanCodec } from '../codecs/boolean.js';
import { EVENT_NAMES } from '../codecs/events.js';
import { integerCodec } from '../codecs/integer.js';
import { pyStrip } from '../codecs/python.js';
import type { Names, Resolver } from './context.js';
import { checkEntryPoint } from './resolve-rpc.js';
import { processesFromSection } from './resolve-process.js';
import { RULE_IDS } from './rule-ids.js';
import type { ResolvedGroup } from './types.js';

const DEFAULT_HANDLER = 'supervisor.dispatchers:default_handler';

export function resolveEventListeners(r: Resolver): ResolvedGroup[] {
  const groups: ResolvedGroup[] = [];
  for (const section of r.sectionsStarting('eventlistener:')) {
    const names: Names = { ...r.envNames, here: r.here };
    // the pool name is not checked (nor stripped) here; processes_from_section checks it
    const poolName = section.name.slice(section.name.indexOf(':') + 1);
    const at = r.sectionPos(section);
    const priority = r.parseOr(integerCodec, r.read(section, 'priority', names, { default: '-1' }), -1);

    const bufferRead = r.read(section, 'buffer_size', names, { default: '10' });
    const buffer = r.parseOr(integerCodec, bufferRead, 10);
    if (buffer.known && buffer.value < 1) {
      r.error(RULE_IDS.eventlistener, `[${section.name}] section sets invalid buffer_size (${buffer.value})`, bufferRead.pos);
    }

    const handlerRead = r.read(section, 'result_handler', names, { default: DEFAULT_HANDLER });
    const resultHandler = handlerRead.failed || handlerRead.value === null ? DEFAULT_HANDLER : handlerRead.value;
    if (!handlerRead.failed && !handlerRead.tainted && handlerRead.value !== null) {
      checkEntryPoint(r, handlerRead.value, `[${section.name}]`, handlerRead.pos, RULE_IDS.rpcinterface);
    }

    const eventsRead = r.read(section, 'events', names, { default: '' });
    const events: string[] = [];
    if (!eventsRead.failed && !eventsRead.tainted && eventsRead.value !== null) {
      const items = eventsRead.value === '' ? [] : eventsRead.value.split(',').map((x) => pyStrip(x).toUpperCase());
      const unique = [...new Set(items)];
      if (unique.length === 0) {
        r.error(RULE_IDS.requiredOption, `[${section.name}] section requires an "events" line`, eventsRead.pos);
      }
      // supervisord walks a set, so which unknown name it reports first varies: report each
      for (const name of unique) {
        if ((EVENT_NAMES as readonly string[]).includes(name)) events.push(name);
        else r.error(RULE_IDS.eventlistener, `Unknown event type ${name} in [${section.name}] events`, r.itemPos(eventsRead, items.indexOf(name)));
      }
    }

    const redirectRead = r.read(section, 'redirect_stderr', names, { default: 'false' });
    const redirect = r.parse(booleanCodec, redirectRead);
    if (redirect === true) {
      r.error(
        RULE_IDS.eventlistener,
        `[${section.name}] section sets redirect_stderr=true but this is not allowed because it will interfere with the eventlistener protocol`,
        redirectRead.pos,
      );
    }

    groups.push({
      name: poolName,
      kind: 'eventlistener',
      priority: priority.value,
      sectionName: section.name,
      processes: processesFromSection(r, section, poolName, 'eventlistener', ['priority', 'redirect_stderr']),
      events,
      bufferSize: buffer.value,
      resultHandler,
      at,
    });
  }
  return groups;
}
