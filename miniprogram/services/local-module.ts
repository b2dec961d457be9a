/**
 * Loads a module from `local/`, the development-only folder that uploads leave out
 * (project.config.json `packOptions.ignore`): `null` where it is not in the package. Callers pass
 * a `require` with a literal path, so DevTools' compiler still sees the dependency while developing.
 */
export function loadLocalModule<T>(load: () => T): T | null {
  try {
    return load();
  } catch (failure) {
    console.warn('[services] local mode is not in this build:', failure);
    return null;
  }
}
