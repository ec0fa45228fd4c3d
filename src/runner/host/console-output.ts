// Children's output on the runner's console: `name | line`, one colour per process, buffered
// per process so lines of different processes never mix mid-line. (supervisord itself never
// shows child output on its console; this is the runner's own view, next to the real logs.)
import { Chalk, type ChalkInstance } from 'chalk';
import { StringDecoder } from 'node:string_decoder';

const PALETTE = ['cyan', 'yellow', 'green', 'magenta', 'blue', 'red', 'cyanBright', 'yellowBright', 'greenBright', 'magentaBright', 'blueBright', 'redBright'] as const;

export interface ConsoleOutputOptions {
  /** Where finished text goes (e.g. process.stdout.write, bound by the CLI). */
  write: (text: string) => void;
  /** Colour the prefixes (the caller decides: a TTY and NO_COLOR unset). */
  color: boolean;
  /** Names known in advance: prefixes are padded to the longest, colours given in this order. */
  names?: string[];
  /** A partial line longer than this (characters) is shown without waiting for its end. */
  maxLine?: number;
}

interface Stream {
  decoder: StringDecoder;
  pending: string;
  prefix: string;
}

export class ConsoleOutput {
  private readonly chalk: ChalkInstance;
  private readonly streams = new Map<string, Stream>();
  private readonly colours = new Map<string, number>();
  private width: number;
  private readonly maxLine: number;

  constructor(private readonly options: ConsoleOutputOptions) {
    this.chalk = new Chalk({ level: options.color ? 1 : 0 });
    this.maxLine = options.maxLine ?? 64 * 1024;
    this.width = 0;
    for (const name of options.names ?? []) this.colourOf(name);
    this.width = Math.max(0, ...(options.names ?? []).map((n) => n.length));
  }

  private colourOf(name: string): number {
    let i = this.colours.get(name);
    if (i === undefined) {
      i = this.colours.size % PALETTE.length;
      this.colours.set(name, i);
    }
    return i;
  }

  private stream(name: string): Stream {
    let s = this.streams.get(name);
    if (!s) {
      const label = `${name.padEnd(this.width)} |`;
      s = { decoder: new StringDecoder('utf8'), pending: '', prefix: this.chalk[PALETTE[this.colourOf(name)]!](label) + ' ' };
      this.streams.set(name, s);
    }
    return s;
  }

  /** Adds a chunk of `name`'s output; every complete line is written at once. */
  write(name: string, chunk: Uint8Array | string): void {
    const s = this.stream(name);
    s.pending += typeof chunk === 'string' ? chunk : s.decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    let out = '';
    let nl: number;
    while ((nl = s.pending.indexOf('\n')) !== -1) {
      out += s.prefix + s.pending.slice(0, nl) + '\n';
      s.pending = s.pending.slice(nl + 1);
    }
    while (s.pending.length > this.maxLine) {
      out += s.prefix + s.pending.slice(0, this.maxLine) + '\n';
      s.pending = s.pending.slice(this.maxLine);
    }
    if (out) this.options.write(out);
  }

  /** Shows `name`'s unfinished line, if any (when the process exits). */
  flush(name: string): void {
    const s = this.streams.get(name);
    if (!s) return;
    const rest = s.pending + s.decoder.end();
    s.pending = '';
    if (rest) this.options.write(s.prefix + rest + '\n');
  }

  flushAll(): void {
    for (const name of this.streams.keys()) this.flush(name);
  }
}
