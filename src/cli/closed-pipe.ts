/**
 * A reader that stops early (`gongwen parse --json f | head -c 5`) closes the pipe under us: the
 * next write fails with EPIPE, emitted as an 'error' event that nothing handles, so Node printed
 * a stack trace and exited 1. Unix tools stop quietly instead: whoever closed the pipe got what it
 * wanted, so we exit 0 at once, with no message (stderr may be the closed pipe too).
 */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
