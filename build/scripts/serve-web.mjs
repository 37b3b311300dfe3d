// Serves the built web mode (out/web) at http://127.0.0.1:4173, or on $PORT.
import { serveWeb } from './web-mode.mjs';

const address = await serveWeb();
console.log(`Cuentas Claras (modo web) en ${address} — Ctrl+C para parar.`);
