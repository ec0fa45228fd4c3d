import type { ValueType } from '../catalogue/types.js';
import type { Codec } from './types.js';
import { booleanCodec } from './boolean.js';
import { integerCodec } from './integer.js';
import { byteSizeCodec } from './bytesize.js';
import { octalCodec } from './octal.js';
import { signalCodec, type Signal } from './signal.js';
import { exitCodesCodec } from './exitcodes.js';
import { logLevelCodec, type LogLevel } from './loglevel.js';
import { autorestartCodec, type Autorestart } from './autorestart.js';
import { logFileCodec, type LogFile } from './logfile.js';
import { nameCodec } from './name.js';
import { stringListCodec } from './stringlist.js';
import { fcgiSocketCodec, inetAddressCodec, urlCodec, type FcgiSocket, type InetAddress } from './inet.js';
import { environmentCodec, type EnvironmentPairs } from './environment.js';
import { commandCodec } from './command.js';
import { eventsCodec, type EventName } from './events.js';
import {
  dirPathCodec, entryPointCodec, existingDirCodec, globListCodec, pathCodec, stringCodec,
  userCodec, userGroupCodec, type UserGroup,
} from './simple.js';

/** The value each catalogue type parses to. */
export interface CodecValues {
  boolean: boolean;
  integer: number;
  bytesize: number;
  octal: number;
  signal: Signal;
  exitcodes: number[];
  autorestart: Autorestart;
  loglevel: LogLevel;
  logfile: LogFile;
  dirpath: string;
  existingdir: string;
  string: string;
  path: string;
  user: string;
  usergroup: UserGroup;
  name: string;
  stringlist: string[];
  events: EventName[];
  inetaddr: InetAddress;
  environment: EnvironmentPairs;
  command: string[];
  fcgisocket: FcgiSocket;
  entrypoint: string;
  url: string;
  globlist: string[];
}

const CODECS: { [K in ValueType]: Codec<CodecValues[K]> } = {
  boolean: booleanCodec,
  integer: integerCodec,
  bytesize: byteSizeCodec,
  octal: octalCodec,
  signal: signalCodec,
  exitcodes: exitCodesCodec,
  autorestart: autorestartCodec,
  loglevel: logLevelCodec,
  logfile: logFileCodec,
  dirpath: dirPathCodec,
  existingdir: existingDirCodec,
  string: stringCodec,
  path: pathCodec,
  user: userCodec,
  usergroup: userGroupCodec,
  name: nameCodec,
  stringlist: stringListCodec,
  events: eventsCodec,
  inetaddr: inetAddressCodec,
  environment: environmentCodec,
  command: commandCodec,
  fcgisocket: fcgiSocketCodec,
  entrypoint: entryPointCodec,
  url: urlCodec,
  globlist: globListCodec,
};

/** The codec of a catalogue value type. */
export function codecFor<K extends ValueType>(type: K): Codec<CodecValues[K]> {
  return CODECS[type];
}

export * from './types.js';
export * from './python.js';
export * from './inisafe.js';
export * from './boolean.js';
export * from './integer.js';
export * from './bytesize.js';
export * from './octal.js';
export * from './signal.js';
export * from './exitcodes.js';
export * from './loglevel.js';
export * from './autorestart.js';
export * from './logfile.js';
export * from './name.js';
export * from './stringlist.js';
export * from './inet.js';
export * from './environment.js';
export * from './command.js';
export * from './events.js';
export * from './expansion.js';
export * from './simple.js';
