import { config } from 'zod';

// Zod otherwise probes for `new Function` the first time a schema is used; the page's Content
// Security Policy forbids eval, and even a refused probe is reported as a policy violation.
// Imported before anything that uses a schema, since imports run in order.
config({ jitless: true });
