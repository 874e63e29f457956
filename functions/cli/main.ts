#!/usr/bin/env node
// The `cceg` executable: runs the command line with the process's streams, clock and stop signals.
import { enableCompileCache } from 'node:module';

// Node's on-disk cache of compiled modules (in os.tmpdir(), or NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE=1 turns it
// off): a command loads a few hundred modules, and from the second run on they are not compiled again. It never throws;
// enabled first, before the modules it is for are imported.
enableCompileCache();
const [{ processIo }, { runCli }] = await Promise.all([import('./io.js'), import('./program.js')]);

process.exitCode = await runCli(process.argv.slice(2), processIo());
