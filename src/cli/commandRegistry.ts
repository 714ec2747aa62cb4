import { readdirSync } from 'node:fs';
import type { Command } from './command.ts';

const COMMANDS_DIR = new URL('./commands/', import.meta.url);

/** Names of the commands: the files in src/cli/commands/, without `.ts`. */
export function commandNames(): string[] {
  return readdirSync(COMMANDS_DIR)
    .filter((file) => /^[a-z][a-z-]*\.ts$/.test(file))
    .map((file) => file.slice(0, -3))
    .sort();
}

/** The command called `name`, or undefined when there is none. */
export async function loadCommand(name: string): Promise<Command | undefined> {
  if (!commandNames().includes(name)) return undefined;
  const module = (await import(new URL(`${name}.ts`, COMMANDS_DIR).href)) as {
    default: Command;
  };
  return module.default;
}
