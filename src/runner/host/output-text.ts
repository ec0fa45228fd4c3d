// What supervisord's POutputDispatcher does to a chunk of child output before logging it:
// strip_ansi (dispatchers.stripEscapes) and the DEBG copy for the main log.
import { pyRepr } from '../../codecs/python.js';

const ESC = 0x1b;
const BRACKET = 0x5b; // '['
const TERMINATORS = new Set(Array.from('HfABCDRsuJKhlpm', (c) => c.charCodeAt(0)));

/**
 * dispatchers.stripEscapes: from each `ESC [` up to and including the next terminator letter
 * is removed; an unterminated sequence swallows the rest of the chunk (chunks are independent).
 */
export function stripAnsi(data: Uint8Array): Buffer {
  const parts: Uint8Array[] = [];
  let i = 0;
  let showing = true;
  const n = data.length;
  while (i < n) {
    if (!showing && TERMINATORS.has(data[i]!)) {
      showing = true;
    } else if (showing) {
      let at = -1;
      for (let j = i; j + 1 < n; j++) {
        if (data[j] === ESC && data[j + 1] === BRACKET) {
          at = j;
          break;
        }
      }
      if (at === -1) {
        parts.push(data.subarray(i));
        return Buffer.concat(parts);
      }
      parts.push(data.subarray(i, at));
      i = at;
      showing = false;
    }
    i++;
  }
  return Buffer.concat(parts);
}

/** Python's repr() of a bytes object. */
export function pyBytesRepr(data: Uint8Array): string {
  const hasSingle = data.includes(0x27);
  const hasDouble = data.includes(0x22);
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = 'b' + quote;
  for (const b of data) {
    if (b === 0x5c) out += '\\\\';
    else if (b === 0x09) out += '\\t';
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else if (b === quote.charCodeAt(0)) out += '\\' + quote;
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += '\\x' + b.toString(16).padStart(2, '0');
  }
  return out + quote;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The main-log message (level DEBG, logged when loglevel is debug or lower) that copies a chunk
 * of child output: `'NAME' stdout output:\n<data>`, or `Undecodable: b'...'` for invalid UTF-8.
 */
export function outputDebugMessage(processName: string, channel: 'stdout' | 'stderr', data: Uint8Array): string {
  let text: string;
  try {
    text = strictUtf8.decode(data);
  } catch {
    text = `Undecodable: ${pyBytesRepr(data)}`;
  }
  return `${pyRepr(processName)} ${channel} output:\n${text}`;
}
