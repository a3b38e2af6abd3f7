/**
 * The usage lines (one per mode, appended to every error) and `--help` (every flag with its
 * meaning, what it accepts and its default), both written from the command's flag table.
 */
import type { Command, Flag, Mode } from './types';

/** Where usage and help lines wrap. */
const WIDTH = 100;

function word(name: string, flag: Flag): string {
  if (flag.kind === 'switch') return name;
  return flag.kind === 'list' ? `${name} ${flag.metavar} ...` : `${name} ${flag.metavar}`;
}

/** Words joined into lines of at most `width` characters, the lines after the first indented by `indent`. */
function wrap(words: readonly string[], first: string, indent: string, width = WIDTH): string[] {
  const lines = [first];
  for (const w of words) {
    const last = lines[lines.length - 1] as string;
    const blank = last.trim() === '';
    if (!blank && last.length + 1 + w.length > width) lines.push(`${indent}${w}`);
    else lines[lines.length - 1] = blank ? `${last}${w}` : `${last} ${w}`;
  }
  return lines;
}

/** The flags of a mode, in the table's order. */
export function flagsOf(command: Command, mode: string): string[] {
  return Object.entries(command.flags)
    .filter(([, f]) => f.modes === undefined || f.modes.includes(mode))
    .map(([name]) => name);
}

/** One usage line per mode (its flag first, given bare), then the --help line. */
export function usage(command: Command): string {
  const head = `npm run ${command.name} --`;
  const [first, ...modes] = command.modes;
  const line = (mode: string, modeFlag: string | null): string[] => {
    const names = flagsOf(command, mode).filter((n) => n !== modeFlag);
    const words = names.map((n) => {
      const flag = command.flags[n] as Flag;
      return flag.required ? word(n, flag) : `[${word(n, flag)}]`;
    });
    if (modeFlag !== null) words.unshift(word(modeFlag, command.flags[modeFlag] as Flag));
    // 'Usage: ' goes before the first line, as many spaces before the others.
    return wrap(words, head, ' '.repeat(head.length + 1), WIDTH - 'Usage: '.length);
  };
  const lines = [
    ...line(first, null),
    ...modes.flatMap((m: Mode) => line(m.name, m.flag)),
    `${head} --help   (every flag with its meaning and default)`,
  ];
  return lines.map((l, i) => `${i === 0 ? 'Usage: ' : '       '}${l}`).join('\n');
}

/** The mode flags a flag cannot be given with ("Not with --resume."). */
function modeNote(command: Command, flag: Flag): string {
  if (flag.modes === undefined) return '';
  const [, ...modes] = command.modes;
  const without = modes.filter((m) => !(flag.modes as readonly string[]).includes(m.name)).map((m) => m.flag);
  return without.length > 0 ? ` Not with ${without.join(', ')}.` : '';
}

/** One flag's entry in --help: the flag, then its meaning, what it accepts and its default. */
export function flagHelp(command: Command, name: string): string {
  const flag = command.flags[name] as Flag;
  const accepts = flag.kind === 'switch' ? '' : ` Allowed: ${flag.allowed}.`;
  const text = `${flag.meaning}${accepts} Default: ${flag.defaultText}.${modeNote(command, flag)}`;
  return [`  ${word(name, flag)}`, ...wrap(text.split(' '), '      ', '      ')].join('\n');
}

export function helpText(command: Command): string {
  return [
    ...wrap(`${command.summary}`.split(' '), `npm run ${command.name}:`, '  '),
    '',
    usage(command),
    '',
    'Flags (--flag value and --flag=value are the same):',
    ...Object.keys(command.flags).map((name) => flagHelp(command, name)),
    '  -h, --help',
    '      Print this help and exit, running nothing.',
    '',
  ].join('\n');
}

/** The known flag nearest to an unknown one by edit distance, when it is close enough to be a typo. */
export function nearestFlag(known: readonly string[], name: string): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(k, name);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return bestDistance <= 2 && bestDistance < name.length / 2 ? best : null;
}

/** Levenshtein distance (insert, delete, substitute: 1 each). */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    row = next;
  }
  return row[b.length] as number;
}
