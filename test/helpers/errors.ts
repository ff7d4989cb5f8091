/** The GongwenError a call throws (or a promise rejects with); fails the test when there is none or it is another error. */
import { expect } from 'vitest';
import { GongwenError } from '../../src/diagnostics.js';

export function thrownGongwenError(run: () => unknown): GongwenError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GongwenError);
    return error as GongwenError;
  }
  throw new Error('expected a GongwenError');
}

export async function rejectedGongwenError(promise: Promise<unknown>): Promise<GongwenError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(GongwenError);
    return error as GongwenError;
  }
  throw new Error('expected a GongwenError');
}
