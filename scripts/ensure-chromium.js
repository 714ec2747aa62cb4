#!/usr/bin/env node
// Ensures the system Chromium used by browser-mode and e2e tests exists at /usr/bin/chromium.
// Playwright's own browser download is not used (no internet besides npm + Debian apt).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';
import { CHROMIUM_PATH as CHROMIUM } from './chromium.js';

const INSTALL_ARGS = ['install', '-y', '--no-install-recommends', 'chromium'];
const MANUAL = `sudo apt-get ${INSTALL_ARGS.join(' ')}`;

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function run(cmd, args) {
  console.log(`[ensure-chromium] $ ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) {
    console.error(`[ensure-chromium] failed to start ${cmd}: ${result.error.message}`);
    return false;
  }
  if (result.status !== 0) {
    console.error(`[ensure-chromium] ${cmd} exited with status ${result.status}`);
    return false;
  }
  return true;
}

if (existsSync(CHROMIUM)) {
  console.log(`[ensure-chromium] found ${CHROMIUM}`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

if (isRoot && hasCommand('apt-get')) {
  console.log(`[ensure-chromium] ${CHROMIUM} not found; installing the Debian chromium package.`);
  const ok = run('apt-get', ['update']) && run('apt-get', INSTALL_ARGS);
  if (ok && existsSync(CHROMIUM)) {
    console.log(`[ensure-chromium] installed ${CHROMIUM}`);
    process.exit(0);
  }
  console.error(`[ensure-chromium] ${CHROMIUM} is still missing after apt-get.`);
  console.error(`[ensure-chromium] Install it manually: ${MANUAL}`);
  process.exit(1);
}

console.error(`[ensure-chromium] ${CHROMIUM} not found, and cannot install it automatically`);
console.error(
  `[ensure-chromium] (${isRoot ? 'apt-get is not available' : 'not running as root'}).`,
);
console.error(`[ensure-chromium] Run: ${MANUAL}`);
process.exit(1);
