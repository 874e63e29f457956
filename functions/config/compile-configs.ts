// Build step: validates every config/*.yaml as loading it would and writes lib/compiled-configs.json, so a bad config fails the build, not the first request.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CcegError } from '../core/errors.js';
import { COMPILED_CONFIGS_URL, parseCharterConfig, type CompiledConfig } from './load-config.js';

/** The repository's config/ folder, from this module's place (functions/config/ or lib/config/). */
export const CONFIG_DIR = fileURLToPath(new URL('../../config/', import.meta.url));

/** Each `*.yaml` file of `configDir`, by name, with its exact text and its values; throws the BAD_CONFIG of the first bad one. */
export function compileConfigs(configDir: string): CompiledConfig[] {
  const files = readdirSync(configDir).filter((file) => file.endsWith('.yaml')).sort();
  return files.map((file) => {
    const text = readFileSync(join(configDir, file), 'utf8');
    return { file, text, config: parseCharterConfig(text, join(configDir, file)) };
  });
}

/** Writes the compiled configs of `configDir` to `outFile` (lib/compiled-configs.json, where load-config.js looks). */
export function writeCompiledConfigs(configDir: string = CONFIG_DIR, outFile: string = fileURLToPath(COMPILED_CONFIGS_URL)): CompiledConfig[] {
  const compiled = compileConfigs(configDir);
  writeFileSync(outFile, `${JSON.stringify(compiled)}\n`);
  return compiled;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const compiled = writeCompiledConfigs(process.argv[2] ?? CONFIG_DIR);
    process.stdout.write(`compile-configs: ${compiled.map(({ file }) => file).join(', ')} valid\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof CcegError ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
