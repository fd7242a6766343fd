import type YAMLModule from 'yaml';

/**
 * The `yaml` library, loaded when first needed: most charts are read and written by
 * src/chart/simple-yaml.ts, and loading the library alone costs about 15 ms. Code
 * that may reach it awaits `loadYaml()` first; `yaml()` is the library once loaded.
 */
export type Yaml = typeof YAMLModule;

let lib: Yaml | undefined;

export async function loadYaml(): Promise<Yaml> {
  return (lib ??= (await import('yaml')).default);
}

/** The library; an error (a path that did not await `loadYaml()`) before it is loaded. */
export function yaml(): Yaml {
  if (!lib) throw new Error('the yaml library is used before it was loaded (await loadYaml() first)');
  return lib;
}

/** The library if it is loaded: a value it made is only possible then. */
export function yamlIfLoaded(): Yaml | undefined {
  return lib;
}
