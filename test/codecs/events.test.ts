import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EVENT_NAMES, eventsCodec, parseEvents } from '../../src/codecs/events.js';

test('every event name of §4.9 is accepted, in any case', () => {
  assert.equal(EVENT_NAMES.length, 27);
  for (const n of EVENT_NAMES) assert.deepEqual(parseEvents(n.toLowerCase(), 'eventlistener:e'), { ok: true, value: [n] });
});

test('list handling: stripped, uppercased, duplicates merged', () => {
  assert.deepEqual(parseEvents('process_state, tick_5 ,PROCESS_STATE', 'eventlistener:e'), { ok: true, value: ['PROCESS_STATE', 'TICK_5'] });
});

test('refusals with supervisord messages', () => {
  assert.deepEqual(parseEvents('PROCESS_STATE,bogus', 'eventlistener:e'), { ok: false, message: 'Unknown event type BOGUS in [eventlistener:e] events' });
  assert.deepEqual(parseEvents('', 'eventlistener:e'), { ok: false, message: '[eventlistener:e] section requires an "events" line' });
  assert.deepEqual(parseEvents('TICK,,TICK_5', 'eventlistener:e'), { ok: false, message: 'Unknown event type  in [eventlistener:e] events' });
  assert.deepEqual(eventsCodec.parse('bogus'), { ok: false, message: 'Unknown event type BOGUS' });
  assert.deepEqual(eventsCodec.parse(''), { ok: false, message: 'section requires an "events" line' });
});

test('format round-trips and refuses unknown names', () => {
  const f = eventsCodec.format(['PROCESS_STATE', 'TICK_60']);
  assert.deepEqual(f, { ok: true, value: 'PROCESS_STATE,TICK_60' });
  assert.deepEqual(eventsCodec.parse('PROCESS_STATE,TICK_60'), { ok: true, value: ['PROCESS_STATE', 'TICK_60'] });
  assert.equal(eventsCodec.format([]).ok, false);
  assert.equal(eventsCodec.format(['NOPE' as 'TICK']).ok, false);
});
