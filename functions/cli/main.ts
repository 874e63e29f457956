#!/usr/bin/env node
// The `cceg` executable: runs the command line with the process's streams, clock and stop signals.
import { processIo } from './io.js';
import { runCli } from './program.js';

process.exitCode = await runCli(process.argv.slice(2), processIo());
