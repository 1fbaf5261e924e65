import { pathToFileURL } from 'node:url';
import { CliError, usageError } from './errors';
import { importCommand } from './importCommand';
import { countCommand, membersCommand, membersCsv, tagsCommand } from './queryCommands';
import { COMMANDS, HELP, type CommandName } from './help';

/** Where the CLI writes; tests pass collectors, the bin passes process streams. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

/** Flags that take a value; every other --flag is a switch. */
const VALUED = new Set(['out', 'preset', 'as-of', 'format', 'limit']);
const SWITCHES = new Set(['into', 'gzip', 'help']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h') flags.help = true;
    else if (a === '--') {
      // Everything after -- is positional (a rule text that starts with --, say).
      positional.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (VALUED.has(name)) {
        const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined) throw usageError(`--${name} needs a value`, { option: `--${name}` });
        flags[name] = value;
      } else if (SWITCHES.has(name) && eq < 0) flags[name] = true;
      else throw usageError(`unknown option --${name}`, { option: `--${name}` });
    } else positional.push(a);
  }
  return { positional, flags };
}

const str = (f: ParsedArgs['flags'], k: string): string | undefined => (typeof f[k] === 'string' ? (f[k] as string) : undefined);

function allowOnly(cmd: CommandName, flags: ParsedArgs['flags'], allowed: string[]): void {
  for (const k of Object.keys(flags)) if (k !== 'help' && !allowed.includes(k)) throw usageError(`${cmd} does not take --${k}`, { option: `--${k}` });
}

function needArgs(cmd: CommandName, positional: string[], n: number): void {
  if (positional.length < n) throw usageError(`${cmd}: missing arguments; usage: ${COMMANDS[cmd].usage}`, { command: cmd });
  if (positional.length > n) throw usageError(`${cmd}: too many arguments (${positional.slice(n).join(' ')}); usage: ${COMMANDS[cmd].usage}`, { command: cmd });
}

async function dispatch(argv: readonly string[], io: CliIO): Promise<void> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(HELP);
    return;
  }
  if (!(first in COMMANDS)) throw usageError(`unknown command "${first}"; commands: ${Object.keys(COMMANDS).join(', ')}`, { command: first });
  const cmd = first as CommandName;
  const { positional, flags } = parseArgs(rest);
  if (flags.help) {
    io.stdout(COMMANDS[cmd].help);
    return;
  }
  const json = (v: unknown) => io.stdout(JSON.stringify(v, null, 2) + '\n');
  const asOf = str(flags, 'as-of');
  switch (cmd) {
    case 'import': {
      allowOnly(cmd, flags, ['out', 'preset', 'into', 'gzip']);
      needArgs(cmd, positional, 1);
      const out = str(flags, 'out');
      if (!out) throw usageError('import needs --out <dir>', { option: '--out' });
      const preset = str(flags, 'preset');
      if (preset !== undefined && preset !== 'uci' && preset !== 'generic') throw usageError(`--preset must be uci or generic (got "${preset}")`, { option: '--preset' });
      json(await importCommand({ file: positional[0], out, preset, into: flags.into === true, gzip: flags.gzip === true ? true : undefined }));
      return;
    }
    case 'count':
      allowOnly(cmd, flags, ['as-of']);
      needArgs(cmd, positional, 2);
      json(await countCommand(positional[0], positional[1], asOf));
      return;
    case 'members': {
      allowOnly(cmd, flags, ['as-of', 'format', 'limit']);
      needArgs(cmd, positional, 2);
      const format = str(flags, 'format') ?? 'json';
      if (format !== 'json' && format !== 'csv') throw usageError(`--format must be json or csv (got "${format}")`, { option: '--format' });
      const rawLimit = str(flags, 'limit');
      const limit = rawLimit === undefined ? undefined : Number(rawLimit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) throw usageError(`--limit must be a whole number ≥ 0 (got "${rawLimit}")`, { option: '--limit' });
      const r = await membersCommand(positional[0], positional[1], { asOf, limit });
      if (format === 'csv') io.stdout(membersCsv(r));
      else json(r);
      return;
    }
    case 'tags':
      allowOnly(cmd, flags, ['as-of']);
      needArgs(cmd, positional, 2);
      json(await tagsCommand(positional[0], positional[1], asOf));
      return;
  }
}

/** Run the CLI; returns the exit code (0 ok, 1 bad input or data, 2 bad command line). */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    await dispatch(argv, io);
    return 0;
  } catch (e) {
    const err = e instanceof CliError ? e : new CliError(e instanceof Error ? e.message : String(e));
    io.stderr(JSON.stringify({ error: { message: err.message, ...(err.where ? { where: err.where } : {}) } }) + '\n');
    return err.exitCode;
  }
}

/** Entry used by bin/meridian.js. */
export async function runFromProcess(): Promise<void> {
  const code = await main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
  process.exitCode = code;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void runFromProcess();
