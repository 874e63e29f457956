// Registers a handler as a Functions Framework target, with the request guard in front of the framework's body parsers.
import * as functions from '@google-cloud/functions-framework';
import type { Handler } from './http.js';
import { installRequestGuard } from './request-guard.js';

/**
 * Registers `handler` as the HTTP target `name`, as `functions.http` does, and installs the request guard (bodies of at
 * most 1 MB, read before the framework parses anything; every failure one JSON line). Every target is registered here.
 */
export function registerFunction(name: string, handler: Handler): void {
  installRequestGuard();
  functions.http(name, handler);
}
