import { UsageError } from './cliError.ts';

/** `string` flags take a value (`--name value` or `--name=value`); `boolean` flags take none. */
export type FlagSpec = Record<string, 'string' | 'boolean'>;

export interface ParsedArgs {
  positionals: string[];
  /** Value given for each string flag; `'true'` for each boolean flag present. */
  flags: Record<string, string | undefined>;
}

/**
 * A small flag parser: `--name value`, `--name=value`, boolean `--name`, and `--` to end flags.
 * Anything it does not know is a UsageError with a one-line message.
 */
export function parseArgs(args: readonly string[], spec: FlagSpec, maxPositionals = 1): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | undefined> = {};
  let onlyPositionals = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (onlyPositionals || !arg.startsWith('--') || arg === '-') {
      if (!onlyPositionals && arg.startsWith('-') && arg !== '-') {
        throw new UsageError(`Unknown option ${arg}.`);
      }
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const kind = spec[name];
    if (kind === undefined) throw new UsageError(`Unknown option --${name}.`);
    if (name in flags) throw new UsageError(`Option --${name} is given twice.`);
    if (kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`Option --${name} takes no value.`);
      flags[name] = 'true';
    } else if (eq >= 0) {
      flags[name] = arg.slice(eq + 1);
    } else {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) {
        throw new UsageError(`Option --${name} needs a value.`);
      }
      flags[name] = value;
      i++;
    }
  }
  if (positionals.length > maxPositionals) {
    throw new UsageError(`Unexpected argument "${positionals[maxPositionals]}".`);
  }
  return { positionals, flags };
}

/** A whole number flag within [min, max], or `fallback` when absent. */
export function intFlag(
  value: string | undefined,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  // Plain digits only: a sign, a space or a leading zero is more likely a slip than meant.
  const n = /^(0|[1-9]\d*)$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}".`);
  }
  return n;
}

/** A number flag within [min, max], or `fallback` when absent. */
export function numberFlag(
  value: string | undefined,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  const n = value.trim() === '' ? NaN : Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a number from ${min} to ${max}, not "${value}".`);
  }
  return n;
}

/** One of `choices`, or `fallback` when absent. */
export function choiceFlag<T extends string>(
  value: string | undefined,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}, not "${value}".`);
  }
  return value as T;
}
