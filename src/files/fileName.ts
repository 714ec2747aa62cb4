/**
 * A file name for a saved scenario, from its name, as a planner would type it in a shared folder:
 * `Metropolitan Police: financial investigators` → `metropolitan-police-financial-investigators.json`.
 * Only lower-case letters, digits and "-" are kept, so the name cannot point the download
 * elsewhere, fail to save on any system, or differ between two machines.
 */
export function scenarioFileName(name: string): string {
  return `${scenarioFileStem(name)}.json`;
}

/** Names Windows keeps for devices: a file may not be called so, whatever its extension. */
const DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** The file name's stem alone, for files that go with a scenario (its establishment CSV). */
export function scenarioFileStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  if (DEVICE_NAMES.test(stem)) return `${stem}-scenario`;
  return stem || 'scenario';
}
