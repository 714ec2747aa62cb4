import { readdirSync } from 'node:fs';
import type { Command } from './command.ts';

const COMMANDS_DIR = new URL('./commands/', import.meta.url);

/** `.ts` when run from source (tests, the benchmark); `.js` once compiled into build/cli/. */
const EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

/** Names of the commands: the files in src/cli/commands/, without their extension. */
export function commandNames(): string[] {
  return readdirSync(COMMANDS_DIR)
    .filter((file) => /^[a-z][a-z-]*\.[jt]s$/.test(file) && file.endsWith(EXTENSION))
    .map((file) => file.slice(0, -3))
    .sort();
}

/** The command called `name`, or undefined when there is none. */
export async function loadCommand(name: string): Promise<Command | undefined> {
  if (!commandNames().includes(name)) return undefined;
  const module = (await import(new URL(`${name}${EXTENSION}`, COMMANDS_DIR).href)) as {
    default: Command;
  };
  return module.default;
}
