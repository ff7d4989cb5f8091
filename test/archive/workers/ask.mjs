// Test worker for runOrdered's questions: asks the main thread about n when it
// was given a port, and returns the answer. Worker threads cannot load
// TypeScript: `ask` comes from the build, as analyze-worker does.
import { threadId } from 'node:worker_threads';
import { ask } from '../../../dist/archive/questions.js';

export default async function askAbout({ task, questions }) {
  if (questions === undefined) return { n: task.n, asked: false, threadId };
  return { n: task.n, asked: true, answer: await ask(questions, task.n), threadId };
}
