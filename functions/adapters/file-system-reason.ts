// Why a file could not be read or written, in words, from the error code the file system gave.

/** `permission denied`, `no space left on the device`, `the folder is on a read-only file system`, else the code itself. */
export function fileSystemReason(code: string | undefined, action: 'read' | 'write'): string {
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'EROFS') return 'the folder is on a read-only file system';
  return code ?? `${action} error`;
}
