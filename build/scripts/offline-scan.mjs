// Preloaded (--import) into the electronegativity scan: it downloads translations at start; we stay offline.
import Module from 'node:module';

// electronegativity is CommonJS: its require('got') goes through Module._load, patched here only for it.
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'got' && /electronegativity/.test(parent?.filename ?? '')) {
    // Its caller falls back to the bundled English texts when the download fails.
    return () => Promise.reject(new Error('offline: translations are not downloaded'));
  }
  return originalLoad.call(this, request, parent, isMain);
};
