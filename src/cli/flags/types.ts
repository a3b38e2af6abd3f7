/**
 * A command's flags, declared once: the table drives parsing, the errors and `--help`
 * (parse.ts, help.ts). Each flag says what it means, what it accepts, its default and the modes
 * it belongs to (e.g. a new experiment vs `--resume DIR`).
 */

/** What every kind of flag declares for parsing, errors and --help. */
interface FlagBase {
  /** One sentence for --help: what the flag does. */
  meaning: string;
  /** The default as --help says it ("smoke", "the preset's", "off"). */
  defaultText: string;
  /** The modes the flag belongs to (Command.modes); absent = every mode. */
  modes?: readonly string[];
  /** The config field the flag sets, to name the flag when that field is invalid. */
  configField?: string;
  /** Shown bare, not in brackets, in the usage line; a missing one is refused. */
  required?: boolean;
}

/** A flag with one value (`--steps 40`, `--steps=40`); given twice, the last one counts. */
export interface ValueFlag<T> extends FlagBase {
  kind: 'value';
  /** The value's placeholder in the usage line: N, DIR, LIST. */
  metavar: string;
  /** What the flag accepts, as the errors and --help say it ("an integer ≥ 1"). */
  allowed: string;
  default: T;
  /** The value, or throws a FlagError naming the flag, the value and what is allowed. */
  read(value: string | undefined, flag: string): T;
}

/** A flag that may be given more than once (`--set a=1 --set b=2`); its value is the list, default []. */
export interface ListFlag<T> extends FlagBase {
  kind: 'list';
  metavar: string;
  allowed: string;
  /** `earlier`: the values given before this one, as typed (to refuse a repeat by name). */
  read(value: string | undefined, flag: string, earlier: readonly string[]): T;
}

/** A flag without a value (`--quick`); true when given. */
export interface SwitchFlag extends FlagBase {
  kind: 'switch';
}

export type Flag = ValueFlag<unknown> | ListFlag<unknown> | SwitchFlag;

export type FlagTable = Readonly<Record<string, Flag>>;

/** What parsing gives for one flag of a table. */
export type FlagValue<F> = F extends ListFlag<infer T> ? T[] : F extends ValueFlag<infer T> ? T : boolean;

/** A mode other than the command's first, chosen by giving its flag (`--resume DIR`). */
export interface Mode {
  name: string;
  /** The flag that chooses the mode; it belongs to that mode only. */
  flag: string;
  /** Why a flag of another mode is refused here, e.g. "a resumed sweep keeps the spec … of DIR/sweep.json". */
  refusal(flag: string, value: string, allowed: readonly string[]): string;
}

export interface Command<F extends FlagTable = FlagTable> {
  /** `npm run NAME`. */
  name: string;
  /** One sentence for --help: what the command does. */
  summary: string;
  flags: F;
  /** The mode when no mode flag is given, then the others in the order they win. */
  modes: readonly [string, ...Mode[]];
  /** Flags of other commands that mean nothing here, each with why (a pointer to what to do instead). */
  notOptions?: Readonly<Record<string, string>>;
  /** Checks between flags (one needs another), after each value is read; throws a FlagError. */
  check?(values: { readonly [K in keyof F]: FlagValue<F[K]> }, given: readonly string[]): void;
}
