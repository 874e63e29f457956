// Preloaded into a `cceg` process by runCceg (reliability cases, benchmarks): on exit, writes its peak resident set size (KB) where CCEG_PEAK_RSS_FILE says.
import { writeFileSync } from 'node:fs';

const file = process.env.CCEG_PEAK_RSS_FILE;
if (file !== undefined) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
