import { isIP, isIPv6 } from 'node:net';
import { fail, ok, type Codec, type Result } from './types.js';
import { isPySpace, pyInt, pyRepr } from './python.js';
import { checkIniValue } from './inisafe.js';

export interface InetAddress {
  /** '' means every interface (written as `*`, `:PORT` or plain `PORT`). */
  host: string;
  port: number;
}

/** supervisor.datatypes.port_number: integer() range checked to 1..65535. */
function portNumber(text: string): Result<number> {
  const r = pyInt(text, 10);
  if (!r.ok) return r;
  if (r.value < 1n) return fail(`${r.value} is below lower bound (1)`);
  if (r.value > 65535n) return fail(`${r.value} is above upper bound (65535)`);
  return ok(Number(r.value));
}

/** supervisor.datatypes.inet_address: PORT, HOST:PORT, *:PORT, split at the last `:`. */
export const inetAddressCodec: Codec<InetAddress> = {
  name: 'inetaddr',
  parse(text) {
    let host = '';
    let port: number;
    const colon = text.lastIndexOf(':');
    if (colon >= 0) {
      host = text.slice(0, colon);
      const rest = text.slice(colon + 1);
      if (rest === '') return fail(`no port number specified in ''`);
      const p = portNumber(rest);
      if (!p.ok) return p;
      port = p.value;
      host = host.toLowerCase();
    } else {
      const p = portNumber(text);
      if (!p.ok) return fail(`not a valid port number: ${pyRepr(text)} `);
      port = p.value;
    }
    if (host === '' || host === '*') host = '';
    return ok({ host, port });
  },
  format(value) {
    const { host, port } = value;
    if (!Number.isInteger(port) || port < 1 || port > 65535) return fail(`port ${String(port)} is not a port number from 1 to 65535`);
    if (host === '') return ok(`*:${port}`);
    if (host !== host.toLowerCase()) return fail(`the host ${pyRepr(host)} has capital letters, which supervisord lowercases; write it in lowercase`);
    if (host === '*') return fail(`the host '*' is written as '' (every interface)`);
    if (isIPv6(host)) return fail(`the IPv6 address ${host} must be written in brackets: [${host}]`);
    return checkIniValue(`${host}:${port}`, 'the address');
  },
};

// urllib.parse.urlparse of CPython 3.11.2 (Debian), enough of it to decide url()'s outcome.
const SCHEME_CHARS = /^[A-Za-z0-9+.-]*$/;
const USES_PARAMS = ['', 'ftp', 'hdl', 'prospero', 'http', 'imap', 'https', 'shttp', 'rtsp', 'rtspu', 'sip', 'sips', 'mms', 'sftp', 'tel'];
const C0_OR_SPACE = /^[\x00-\x20]+/;

function checkBracketedNetloc(netloc: string): string | null {
  const at = netloc.lastIndexOf('@');
  const hostAndPort = at >= 0 ? netloc.slice(at + 1) : netloc;
  const open = hostAndPort.indexOf('[');
  let hostname: string;
  if (open >= 0) {
    if (open > 0) return 'Invalid IPv6 URL';
    const bracketed = hostAndPort.slice(open + 1);
    const close = bracketed.indexOf(']');
    hostname = close >= 0 ? bracketed.slice(0, close) : bracketed;
    const port = close >= 0 ? bracketed.slice(close + 1) : '';
    if (port && !port.startsWith(':')) return 'Invalid IPv6 URL';
  } else {
    const c = hostAndPort.indexOf(':');
    hostname = c >= 0 ? hostAndPort.slice(0, c) : hostAndPort;
  }
  if (hostname.startsWith('v')) {
    return /^v[a-fA-F0-9]+\.[\s\S]+$/.test(hostname) ? null : 'IPvFuture address is invalid';
  }
  const kind = isIP(hostname);
  if (kind === 4) return 'An IPv4 address cannot be in brackets';
  if (kind === 0) return `${pyRepr(hostname)} does not appear to be an IPv4 or IPv6 address`;
  return null;
}

function urlParse(value: string): Result<{ scheme: string; netloc: string; path: string }> {
  let url = value.replace(C0_OR_SPACE, '').replace(/[\t\r\n]/g, '');
  let scheme = '';
  let netloc = '';
  const i = url.indexOf(':');
  if (i > 0 && /^[A-Za-z]/.test(url) && SCHEME_CHARS.test(url.slice(0, i))) {
    scheme = url.slice(0, i).toLowerCase();
    url = url.slice(i + 1);
  }
  if (url.startsWith('//')) {
    let delim = url.length;
    for (const c of '/?#') {
      const w = url.indexOf(c, 2);
      if (w >= 0) delim = Math.min(delim, w);
    }
    netloc = url.slice(2, delim);
    url = url.slice(delim);
    const hasOpen = netloc.includes('[');
    const hasClose = netloc.includes(']');
    if (hasOpen !== hasClose) return fail('Invalid IPv6 URL');
    if (hasOpen && hasClose) {
      const err = checkBracketedNetloc(netloc);
      if (err) return fail(err);
    }
  }
  const hash = url.indexOf('#');
  if (hash >= 0) url = url.slice(0, hash);
  const q = url.indexOf('?');
  if (q >= 0) url = url.slice(0, q);
  if (netloc && /[^\x00-\x7f]/.test(netloc)) {
    const n = netloc.replace(/[@:#?]/g, '');
    const n2 = n.normalize('NFKC');
    if (n !== n2 && /[/?#@:]/.test(n2)) {
      return fail(`netloc '${netloc}' contains invalid characters under NFKC normalization`);
    }
  }
  let path = url;
  if (USES_PARAMS.includes(scheme) && path.includes(';')) {
    const slash = path.lastIndexOf('/');
    const semi = slash >= 0 ? path.indexOf(';', slash) : path.indexOf(';');
    if (semi >= 0) path = path.slice(0, semi);
  }
  return ok({ scheme, netloc, path });
}

/** supervisor.datatypes.url: a scheme plus a netloc or a path (only `supervisorctl -s`). */
export const urlCodec: Codec<string> = {
  name: 'url',
  parse(text) {
    const parts = urlParse(text);
    if (!parts.ok) return parts;
    const { scheme, netloc, path } = parts.value;
    if (scheme && (netloc || path)) return ok(text);
    return fail(`value ${pyRepr(text)} is not a URL`);
  },
  format(value) {
    const r = urlCodec.parse(value);
    if (!r.ok) return r;
    return checkIniValue(value, 'the URL');
  },
};

export type FcgiSocket = { kind: 'unix'; path: string } | { kind: 'tcp'; host: string; port: number };

const pyTuple = (...items: string[]): string => `(${items.map((s) => pyRepr(s)).join(', ')})`;

/**
 * supervisord's parse_fcgi_socket on the expanded `socket` value. The message is the text before
 * supervisord's ` in [fcgi-program:NAME] socket` suffix; the caller adds that suffix. The path is
 * kept as written (supervisord normalises it with abspath/normpath).
 */
export const fcgiSocketCodec: Codec<FcgiSocket> = {
  name: 'fcgisocket',
  parse(text) {
    if (text.startsWith('unix://')) {
      const path = text.slice(7);
      if (!path.startsWith('/')) return fail(pyTuple('Unix socket path %s is not an absolute path', path));
      return ok({ kind: 'unix', path });
    }
    const m = /^tcp:\/\/([^:]+):(\p{Nd}+)$/u.exec(text);
    if (m && !Array.from(m[1]!).some(isPySpace)) {
      const port = portNumber(m[2]!);
      if (!port.ok) return port;
      return ok({ kind: 'tcp', host: m[1]!.toLowerCase(), port: port.value });
    }
    return fail(pyTuple('Bad socket format %s', text));
  },
  format(value) {
    if (value.kind === 'unix') {
      if (!value.path.startsWith('/')) return fail(`the socket path ${pyRepr(value.path)} must be absolute`);
      return checkIniValue(`unix://${value.path}`, 'the socket');
    }
    const { host, port } = value;
    if (!Number.isInteger(port) || port < 1 || port > 65535) return fail(`port ${String(port)} is not a port number from 1 to 65535`);
    if (host === '' || /[:]/.test(host) || Array.from(host).some(isPySpace)) {
      return fail(`the host ${pyRepr(host)} cannot be used in tcp://HOST:PORT (it must be non-empty, with no ':' or whitespace)`);
    }
    return checkIniValue(`tcp://${host}:${port}`, 'the socket');
  },
};
