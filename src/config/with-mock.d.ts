/**
 * Whether this build can run on a mock backend (every VITE_BACKEND but remote), and so carries the
 * in-page mock and the development inbox and clock. `define` in vite.config.ts writes the value
 * into the code, so the bundler leaves out of a remote build all that is behind it: the mock with
 * its seeded passwords, keys and answers, the development inbox and the links to it (decision
 * 013). Read it where it decides, not through a variable: the bundler sees through a constant only
 * within one file.
 */
declare const __WITH_MOCK__: boolean;
