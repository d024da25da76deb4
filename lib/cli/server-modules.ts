import { register } from "node:module";

let registered = false;

/**
 * Loads a module that reaches the services from a command-line tool (npm start,
 * db:seed, the benchmark and proof harnesses). Every service module imports
 * "server-only", a guard that throws unless Next.js bundles it for the server;
 * plain Node (tsx) is the server here too. The resolve hook maps the guard to an
 * empty module for everything loaded after it, which is why callers import
 * those modules dynamically through this function and never statically (static
 * imports are resolved before any code of the importing module runs).
 */
export async function importServerModule<T>(load: () => Promise<T>): Promise<T> {
  if (!registered) {
    register(
      `data:text/javascript,${encodeURIComponent(
        'export async function resolve(s, c, next) { return s === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(s, c); }',
      )}`,
    );
    registered = true;
  }
  return load();
}
