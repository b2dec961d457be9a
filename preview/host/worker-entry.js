/**
 * Entry of a page-host worker thread: registers tsx (the host, the pages and their services are
 * TypeScript), then runs worker.ts. Node's worker_threads take a JavaScript file.
 */
'use strict';

require('tsx/cjs/api').register();
require('./worker.ts');
