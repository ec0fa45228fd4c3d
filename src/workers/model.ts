/** The normalised worker description: what the generator turns into supervisord sections. */
import type { SourcePos } from '../core/diagnostic.js';

export type ProcessKind = 'program' | 'eventlistener' | 'fcgi-program';

/** A value after templating: YAML scalars, lists (argv, exitcodes...) or an environment map. */
export type OptionValue = string | number | boolean | Array<string | number> | Record<string, string>;

export interface ModelOption {
  key: string;
  value: OptionValue;
  /** Where the value was written (in `defaults:` when inherited from there). */
  at: SourcePos;
  /** Positions of list items. */
  items?: SourcePos[];
  /** Positions of environment values, by variable name. */
  entries?: Record<string, SourcePos>;
}

/** Options by supervisord key. */
export type Options = Record<string, ModelOption>;

export interface ProcessModel {
  kind: ProcessKind;
  name: string;
  /** Position of the name key. */
  at: SourcePos;
  options: Options;
}

export interface ControlModel {
  kind: 'unix' | 'inet';
  at: SourcePos;
  /** `socket` or `inet`, plus chmod, chown, username, password as written. */
  options: Options;
}

export interface GroupModel {
  name: string;
  at: SourcePos;
  programs: Array<{ name: string; at: SourcePos }>;
  priority: ModelOption | null;
}

export interface WorkersModel {
  /** The file the model was read from, as given. */
  file: string;
  supervisord: Options;
  control: ControlModel | null;
  processes: ProcessModel[];
  groups: GroupModel[];
  include: ModelOption | null;
}
