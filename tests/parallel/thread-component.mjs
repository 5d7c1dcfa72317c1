// A custom component for the worker-replacement test: records which worker thread annotated each Doc.
import { threadId } from 'node:worker_threads';
import { registerComponent } from '../../dist/index.js';

/** The factory: the Doc's user data gets `thread`, the id of the thread that annotated it. */
export const threadFactory = { options: {}, create: () => ({ name: 'thread', process(doc) { doc.user.set('thread', threadId); } }) };

registerComponent('test_thread', threadFactory, { override: true });
