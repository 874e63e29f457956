// Where the sample workbook shipped in `sheets/` is: two folders below the package root, as the CLI is both compiled (lib/cli/) and bundled (lib/cli-bundle/).
import { fileURLToPath } from 'node:url';

/** The sample workbook shipped in `sheets/`. */
export const SAMPLE_WORKBOOK = fileURLToPath(new URL('../../sheets/sample-workbook.xlsx', import.meta.url));
