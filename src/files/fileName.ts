/**
 * A file name for a saved scenario, from its name: letters, digits, spaces, "-" and "_" kept,
 * everything else (path separators, characters Windows forbids, control characters) turned
 * into "-", so the name cannot point the download elsewhere or fail to save.
 */
export function scenarioFileName(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9 _-]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/\s*-[\s-]*/g, '-')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
    .slice(0, 80)
    .trim();
  return `${stem || 'scenario'}.json`;
}
