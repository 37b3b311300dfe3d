// The Web Worker that indexes the open items and suggests matches off the main thread.
import { serveSuggestions } from './suggestion-service';

// A dedicated worker's global scope posts to and hears from the page that started it (the DOM
// typings call it Window, whose postMessage and message events have the same shape here).
serveSuggestions(self);
