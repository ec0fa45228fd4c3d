/**
 * The linter's shapes. A rule is plain data plus a `check` that only says what is wrong and
 * where; the engine stamps the rule id and severity, applies disable comments and sorts.
 */
import type { Diagnostic, Severity } from '../core/diagnostic.js';
import type { IniDocument } from '../ini/types.js';
import type { IniConfig } from '../ini/merge.js';
import type { ResolvedConfig } from '../config/types.js';

export type LintMode = 'full' | 'fragment' | 'workers';

/** Where a finding is; 1-based. `file` defaults to the file the context is about. */
export interface ReportAt {
  file?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface Finding extends ReportAt {
  message: string;
  /** Only for families that carry supervisord's verdict (always `error`) or a rule's override. */
  severity?: Severity;
}

export type Report = (finding: Finding) => void;

/** What a rule sees for a supervisord configuration (a main file and its includes). */
export interface IniLintContext {
  kind: 'ini';
  /** The main file, as the user gave it. */
  mainFile: string;
  mode: 'full' | 'fragment';
  /** Every file read: main first, then includes in supervisord's order. */
  docs: IniDocument[];
  /** The documents merged as configparser does (sections by name, last key wins, [DEFAULT]). */
  ini: IniConfig;
  /** supervisord's resolved model; null when the files could not be read or parsed at all. */
  config: ResolvedConfig | null;
  /** Every refusal the resolver found (severity error, resolver rule ids). */
  refusals: Diagnostic[];
  /** Resolver rule ids some rule reports (the catch-all reports the others). */
  coveredRefusalIds: ReadonlySet<string>;
  /** `--host`: check what depends on this machine. */
  host: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Display path of a file the resolver or reader named (absolute for includes). */
  displayPath(file: string): string;
}

/** What a rule sees for a worker description (workers.yaml / .json). */
export interface WorkersLintContext {
  kind: 'workers';
  file: string;
  /** The loader's findings (schema, templating, semantic checks), with positions. */
  diagnostics: Diagnostic[];
  host: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

export type LintContext = IniLintContext | WorkersLintContext;

export interface Rule {
  /** kebab-case, stable: it appears in output, disable comments and docs/rules/ID.md. */
  id: string;
  /** One line. */
  description: string;
  severity: Severity;
  /** Markdown: why it matters, a bad and a good example. */
  docs: string;
  /** Which inputs the rule looks at (default: ini). */
  target?: 'ini' | 'workers';
  /** Only runs with `--host`. */
  host?: boolean;
  /**
   * For rules that carry the resolver's refusals: the resolver rule ids this rule reports.
   * The engine uses it to know which refusals are covered (the rest go to the catch-all).
   */
  families?: readonly string[];
  check(ctx: LintContext, report: Report): void;
}

/** Rule metadata the formatters need (sarif rules, help text). */
export interface RuleMeta {
  id: string;
  description: string;
  severity: Severity;
  docs: string;
}

export interface LintedFile {
  path: string;
  mode: LintMode;
  /** For a file read through [include]: the main file that included it. */
  includedBy?: string;
}

export interface LintOptions {
  /** Run the checks that depend on this machine. */
  host: boolean;
  /** More warnings than this makes the run fail (exit 1). */
  maxWarnings?: number;
  /** Report errors only. */
  quiet?: boolean;
  cwd: string;
  env: Record<string, string | undefined>;
  /** platform.node(); defaults to os.hostname(). */
  hostname?: string;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  files: LintedFile[];
  /** Text of every file read, by the path used in diagnostics (for the caret line). */
  sources: Record<string, string>;
  errorCount: number;
  warningCount: number;
  /** Warnings beyond --max-warnings. */
  tooManyWarnings: boolean;
  /** 0 clean, 1 findings that fail the run. (2 and 3 are thrown: UserError / bug.) */
  exitCode: 0 | 1;
}
