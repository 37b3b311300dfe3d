// What the page exposes with ?bench (renderer/src/features/ledger/bench-hooks.ts), seen from the runner.
export {};

declare global {
  interface Window {
    __ccBench?: {
      topClient(): Promise<string>;
      loadRaw(invoices: number, inChunks?: boolean): Promise<{ ms: number }>;
      loadRepo(invoices: number, inChunks?: boolean): Promise<{ ms: number; generateMs: number }>;
      aggregate(): Promise<{ ms: number; slowestMs: number }>;
      reconcile(
        count: number,
        oldSample: number,
      ): Promise<{
        ms: number;
        oldMsPerMovement: number;
        same: boolean;
        engine: 'worker' | 'main';
        parts: {
          readMs: number;
          clientsMs: number;
          itemsMs: number;
          postMs: number;
          paymentsMs: number;
          indexMs: number;
          indexWorkerMs: number;
          suggestMs: number;
          firstMs: number;
          batches: number;
          inThreadMs: number;
        };
      }>;
      setInputValue(selector: string, value: string): Promise<number>;
      clickSort(columnId: string): Promise<number>;
      typeQuery(selector: string, query: string): Promise<number[]>;
    };
    __ccBenchMarks?: {
      firstRowsAt: number | null;
      allRowsAt: number | null;
      readyAt: Record<string, number>;
    };
  }
}
