import { version } from '../../package.json';

/** The Shortfall version, shown on screen and in every export. */
export const VERSION: string = version;
