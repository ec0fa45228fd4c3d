import { fail, ok, type Codec, type Result } from './types.js';
import { pyStrip } from './python.js';

/** The attributes of supervisor.events.EventTypes (4.2.5), i.e. every name `events=` accepts. */
export const EVENT_NAMES = [
  'EVENT', 'PROCESS_STATE', 'PROCESS_STATE_STOPPED', 'PROCESS_STATE_EXITED',
  'PROCESS_STATE_STARTING', 'PROCESS_STATE_STOPPING', 'PROCESS_STATE_BACKOFF',
  'PROCESS_STATE_FATAL', 'PROCESS_STATE_RUNNING', 'PROCESS_STATE_UNKNOWN',
  'PROCESS_COMMUNICATION', 'PROCESS_COMMUNICATION_STDOUT', 'PROCESS_COMMUNICATION_STDERR',
  'PROCESS_LOG', 'PROCESS_LOG_STDOUT', 'PROCESS_LOG_STDERR', 'REMOTE_COMMUNICATION',
  'SUPERVISOR_STATE_CHANGE', 'SUPERVISOR_STATE_CHANGE_RUNNING', 'SUPERVISOR_STATE_CHANGE_STOPPING',
  'TICK', 'TICK_5', 'TICK_60', 'TICK_3600', 'PROCESS_GROUP', 'PROCESS_GROUP_ADDED',
  'PROCESS_GROUP_REMOVED',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** Abstract types: a listener subscribed to one receives every subtype. */
export const ABSTRACT_EVENTS: readonly EventName[] = ['EVENT', 'PROCESS_STATE', 'PROCESS_COMMUNICATION', 'SUPERVISOR_STATE_CHANGE', 'TICK', 'PROCESS_GROUP'];

const isEventName = (name: string): name is EventName => (EVENT_NAMES as readonly string[]).includes(name);

/**
 * `events=` of `[SECTION]` (e.g. `eventlistener:e`) as supervisord reads it: comma list,
 * items stripped and uppercased, duplicates merged (supervisord keeps a set). When several names
 * are unknown supervisord reports one picked by set order; this reports the first written.
 */
export function parseEvents(text: string, sectionName: string): Result<EventName[]> {
  const items = text === '' ? [] : text.split(',').map((x) => pyStrip(x).toUpperCase());
  const unique = [...new Set(items)];
  if (unique.length === 0) return fail(`[${sectionName}] section requires an "events" line`);
  for (const name of unique) {
    if (!isEventName(name)) return fail(`Unknown event type ${name} in [${sectionName}] events`);
  }
  return ok(unique as EventName[]);
}

/**
 * Without a section, the messages are cut before the section part: `Unknown event type BOGUS`,
 * `section requires an "events" line`. Use parseEvents for supervisord's full sentence.
 */
export const eventsCodec: Codec<EventName[]> = {
  name: 'events',
  parse(text) {
    const r = parseEvents(text, '\u0000');
    if (r.ok) return r;
    return fail(r.message.startsWith('[') ? 'section requires an "events" line' : r.message.replace(' in [\u0000] events', ''));
  },
  format(value) {
    if (value.length === 0) return fail('an event listener needs at least one event type');
    for (const name of value) {
      if (!isEventName(String(name).toUpperCase())) {
        return fail(`${String(name)} is not an event type; use one of ${EVENT_NAMES.join(', ')}`);
      }
    }
    return ok(value.map((v) => v.toUpperCase()).join(','));
  },
};
