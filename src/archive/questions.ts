/**
 * A task asking the main thread a question while it runs, and waiting for the
 * answer: what a worker cannot decide alone because the main thread holds the
 * state (`--resume`: the worker decodes a document and hashes it, the main
 * thread knows which hashes are done).
 *
 * With `answerer` in its WorkerModule, runOrdered (pool.ts) sends
 * `{ task, questions }`, with a channel for the tasks that may ask; the worker
 * module calls `ask(questions, question)`. The same in the main thread (`jobs`
 * 0): a MessageChannel works within a thread too.
 *
 * A question costs a round trip, and the worker waits for the answer while
 * the main thread is busy elsewhere: ask only what cannot be decided before
 * the task is sent (see analyze-files.ts).
 */
import { MessageChannel } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';

/** What a worker module receives when its WorkerModule has `answerer`. */
export interface QuestionedTask<Task> {
  task: Task;
  /** Absent when the answerer had nothing to answer for this item. */
  questions?: MessagePort | undefined;
}

type Reply = { answer: unknown } | { error: string };

/** Ask the main thread about the task being run; rejects when the run ends first. */
export function ask(questions: MessagePort, question: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onClose = (): void => reject(new Error('the run ended before answering'));
    questions.once('close', onClose);
    questions.once('message', (reply: Reply) => {
      questions.off('close', onClose);
      if ('error' in reply) reject(new Error(reply.error));
      else resolve(reply.answer);
    });
    questions.postMessage(question);
  });
}

/**
 * The main thread's side, for one task: `answer` replies to every question
 * (an exception is sent back as the worker's error). `close()` once the task
 * has settled: an open port would keep the process alive.
 */
export function openQuestions(answer: (question: unknown) => unknown): { port: MessagePort; close(): void } {
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (question: unknown) => {
    Promise.resolve()
      .then(() => answer(question))
      .then(
        (value) => port1.postMessage({ answer: value } satisfies Reply),
        (error: unknown) => port1.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies Reply),
      );
  });
  return { port: port2, close: () => port1.close() };
}
