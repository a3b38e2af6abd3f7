/**
 * Parses a command line against a command's flag table (types.ts). `--flag value` and
 * `--flag=value` are the same; the token after a value flag is its value even when it starts with
 * `--` (so `--out --steps 4` names the forgotten folder instead of guessing). Values are read left
 * to right, so the first bad one is the one reported. Parsed by hand, not with node:util parseArgs:
 * it rejects `--smooth-every -1` as an "ambiguous" option argument and `--fast` as an unknown option,
 * naming neither the value nor what is allowed, and its errors carry the flag only inside their
 * English text.
 */
import { flagsOf, nearestFlag, usage } from './help';
import type { Command, FlagTable, FlagValue, Mode } from './types';
import { bad, FlagError } from './values';

export interface Parsed<F extends FlagTable> {
  /** The mode chosen: the command's first, or the one whose flag was given. */
  mode: string;
  /** Every flag's value, its default where it was not given. */
  values: { -readonly [K in keyof F]: FlagValue<F[K]> };
  /** The flags given, in order (a repeated one as often as given). */
  given: readonly string[];
}

/** `--help` or `-h` anywhere: the caller prints helpText() and trains nothing. */
export const wantsHelp = (argv: readonly string[]): boolean => argv.some((a) => a === '--help' || a === '-h');

/** The parsed flags, or throws an Error naming the flag, the value and what is allowed, followed by the usage. */
export function parseFlags<F extends FlagTable>(command: Command<F>, argv: readonly string[]): Parsed<F> {
  try {
    return parse(command, argv);
  } catch (e) {
    if (e instanceof FlagError) throw new Error(`${e.message}\n${usage(command)}`);
    throw e;
  }
}

function parse<F extends FlagTable>(command: Command<F>, argv: readonly string[]): Parsed<F> {
  const values: Record<string, unknown> = {};
  for (const [name, flag] of Object.entries(command.flags)) {
    values[name] = flag.kind === 'list' ? [] : flag.kind === 'switch' ? false : flag.default;
  }
  const given: string[] = [];
  const raw: Record<string, string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    const name = eq > 0 ? token.slice(0, eq) : token;
    const flag = Object.hasOwn(command.flags, name) ? command.flags[name] : undefined;
    if (flag === undefined) throw unknown(command, name);
    const value = eq > 0 ? token.slice(eq + 1) : flag.kind === 'switch' ? undefined : argv[++i];
    given.push(name);
    const earlier = (raw[name] ??= []);
    if (flag.kind === 'switch') {
      if (value !== undefined) bad(name, value, 'no value: it is a switch');
      values[name] = true;
    } else if (flag.kind === 'list') {
      (values[name] as unknown[]).push(flag.read(value, name, earlier));
    } else {
      values[name] = flag.read(value, name);
    }
    if (value !== undefined) earlier.push(value);
  }
  const mode = chosenMode(command, raw);
  if (mode !== null) {
    const allowed = flagsOf(command, mode.name).filter((f) => f !== mode.flag);
    const other = given.find((f) => f !== mode.flag && !allowed.includes(f));
    if (other !== undefined) throw new FlagError(mode.refusal(other, raw[mode.flag]?.[0] ?? '', allowed));
  } else {
    const first = command.modes[0];
    const other = given.find((f) => !flagsOf(command, first).includes(f));
    if (other !== undefined) throw new FlagError(`${other} is not allowed without ${modeFlags(command).join(' or ')}.`);
  }
  for (const name of flagsOf(command, mode?.name ?? command.modes[0])) {
    const flag = command.flags[name];
    if (flag?.required && flag.kind !== 'switch' && raw[name] === undefined) bad(name, undefined, flag.allowed);
  }
  const parsed: Parsed<F> = { mode: mode?.name ?? command.modes[0], values: values as Parsed<F>['values'], given };
  command.check?.(parsed.values, given);
  return parsed;
}

/** The first mode (in the command's order) whose flag was given; that flag given twice is refused. */
function chosenMode(command: Command, raw: Readonly<Record<string, string[]>>): Mode | null {
  const [, ...modes] = command.modes;
  const mode = modes.find((m) => raw[m.flag] !== undefined);
  if (mode === undefined) return null;
  const flag = command.flags[mode.flag];
  if ((raw[mode.flag]?.length ?? 0) > 1)
    throw new FlagError(
      `${mode.flag} is given twice: expected it once${flag?.kind === 'value' ? ` (${flag.allowed})` : ''}.`,
    );
  return mode;
}

const modeFlags = (command: Command): string[] => command.modes.slice(1).map((m) => (m as Mode).flag);

function unknown(command: Command, name: string): FlagError {
  const why = command.notOptions?.[name];
  if (why !== undefined) return new FlagError(`${name} is not an option of ${command.name}: ${why}.`);
  const near = nearestFlag(Object.keys(command.flags), name);
  return new FlagError(
    `flag "${name}" is not allowed: expected one of ${Object.keys(command.flags).join(', ')}.${near === null ? '' : ` Did you mean ${near}?`}`,
  );
}
