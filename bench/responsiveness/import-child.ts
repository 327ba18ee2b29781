// How long a cold process takes to import the register core's module graph (run as a child by
// responsiveness-bench.ts): with `simulator`, the HKA simulator is imported too, as register-core.ts did statically
// before issue 16 (pdfkit, qrcode, the simulator's SOAP server); without it, what a production start loads now.
const t0 = performance.now();
if (process.argv[2] === 'simulator') await import('../../src/core/hka/simulator');
await import('../../src/core/app/register-core');
console.log(JSON.stringify({ importMs: performance.now() - t0 }));

export {};
