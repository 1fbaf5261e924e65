import { CancelToken } from '../src/core/jobs';

/** Worker side of cancellable jobs: each running job has a token the UI can flip by id. */
const tokens = new Map<string, CancelToken>();

export async function withJob<T>(jobId: string, fn: (token: CancelToken) => Promise<T>): Promise<T> {
  const token = new CancelToken();
  tokens.set(jobId, token);
  try {
    return await fn(token);
  } finally {
    tokens.delete(jobId);
  }
}

export function cancelJob(jobId: string): boolean {
  const t = tokens.get(jobId);
  if (t) t.cancel();
  return !!t;
}
