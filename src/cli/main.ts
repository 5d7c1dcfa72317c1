#!/usr/bin/env node
import { realpathSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import '../components/register.js';
import { TextloomError } from '../core/errors.js';
import { cliMessage } from './flag-errors.js';
import { formatFlags, formatPositionals, parseArgs, type FlagSpec, type ParsedArgs } from './args.js';
import type { Command, CommandIO } from './command.js';
import { COMMANDS } from './commands/index.js';

function usage(): string {
  const w = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    'textloom: fast, exact NLP pipelines for Node.js',
    '',
    'Usage: textloom <command> [flags]   (textloom <command> --help for its flags)',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(w)}${c.summary}`),
  ].join('\n');
}

/** Listed with every command's flags, in the same column. */
const HELP_FLAG: FlagSpec = { type: 'boolean', alias: 'h', doc: 'show this help' };

function commandHelp(c: Command): string {
  const args = c.positionals ? ['Arguments:', formatPositionals(c.positionals), ''] : [];
  return [`Usage: textloom ${c.name} ${c.usage ?? '[flags]'}`, '', c.summary, '', ...args, 'Flags:', formatFlags({ ...c.flags, help: HELP_FLAG }), c.help ? `\n${c.help}` : ''].join('\n');
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: readonly string[], io: CommandIO = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout.write(usage() + '\n');
    return argv.length === 0 ? 1 : 0;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    const { createRequire } = await import('node:module');
    io.stdout.write(createRequire(import.meta.url)('../../package.json').version + '\n');
    return 0;
  }
  // Longest command name that matches the leading words.
  let cmd: Command | undefined;
  let used = 0;
  for (const c of COMMANDS) {
    const words = c.name.split(' ');
    if (words.every((w, i) => argv[i] === w) && words.length > used) {
      cmd = c;
      used = words.length;
    }
  }
  if (!cmd) {
    const group = COMMANDS.filter((c) => c.name.split(' ')[0] === argv[0]);
    if (group.length) {
      const wantsHelp = argv.length === 1 || argv[1] === '--help' || argv[1] === '-h';
      const w = Math.max(...group.map((c) => c.name.length)) + 2;
      io[wantsHelp ? 'stdout' : 'stderr'].write(
        `${wantsHelp ? '' : `textloom: unknown command "${argv.slice(0, 2).join(' ')}"\n`}Subcommands of ${argv[0]}:\n${group.map((c) => `  ${c.name.padEnd(w)}${c.summary}`).join('\n')}\n`,
      );
      return wantsHelp ? 0 : 2;
    }
    io.stderr.write(`textloom: unknown command "${argv[0]}" (textloom --help lists commands)\n`);
    return 2;
  }
  const rest = argv.slice(used);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(commandHelp(cmd) + '\n');
    return 0;
  }
  let args: ParsedArgs | undefined;
  try {
    args = parseArgs(rest, cmd.flags, cmd.positionals);
    return (await cmd.run(args, io)) ?? 0;
  } catch (e) {
    if (e instanceof TextloomError) {
      // A reader or writer refusing a directory names the path; the flag that gave it says more.
      const dir = e.file !== undefined && e.line === undefined && args ? directoryFlag(cmd, args, e.file) : undefined;
      io.stderr.write(`textloom ${cmd.name}: ${dir ? `${dir} is a directory, not a file` : cliMessage(e, cmd.flags, args)}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && typeof err.code === 'string' && (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EISDIR' || err.code === 'ENOTDIR')) {
      const dir = err.code === 'EISDIR' && args ? directoryFlag(cmd, args) : undefined;
      io.stderr.write(`textloom ${cmd.name}: ${dir ? `${dir} is a directory, not a file` : err.message}\n`);
      return 2;
    }
    if (err && err.code === 'EPIPE') return 0;
    throw e;
  }
}

/**
 * The one file flag (`--conllu /tmp`) whose value is a directory (and is `path`, when given), to
 * name it when reading or writing fails on a directory (Node's EISDIR carries no path). Flags
 * documented as DIR are left out.
 */
function directoryFlag(cmd: Command, args: ParsedArgs, path?: string): string | undefined {
  const hits: string[] = [];
  for (const [k, v] of Object.entries(args.flags)) {
    if (typeof v !== 'string' || v === '-' || /DIR/.test(cmd.flags[k]?.value ?? '') || (path !== undefined && v !== path)) continue;
    try {
      if (statSync(v).isDirectory()) hits.push(`--${k} ${v}`);
    } catch {
      // not a path
    }
  }
  return hits.length === 1 ? hits[0] : undefined;
}

function isEntry(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`textloom: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
