import { SheetChange } from './readWorkbook';

/** Runs a batch in one `Excel.run`, as the session does. */
export type RunBatch = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Collects the edits of the user and of co-authors (never the add-in's own writes) and calls `onQuiet`
 * once they have paused for `debounceMs`, so a burst of typing makes one re-check.
 */
export class LiveChecking {
  private handler: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private changes: SheetChange[] = [];

  constructor(
    private readonly run: RunBatch,
    private readonly onQuiet: () => void,
    private readonly debounceMs: number,
  ) {}

  get started(): boolean {
    return this.handler !== null;
  }

  async start(): Promise<void> {
    if (this.handler !== null) return;
    await this.run(async (context) => {
      this.handler = context.workbook.worksheets.onChanged.add(async (event) => this.onChanged(event));
      await context.sync();
    });
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const handler = this.handler;
    this.handler = null;
    if (handler === null) return;
    await this.run(async (context) => {
      handler.remove();
      await context.sync();
    });
  }

  /** The edits since the last call, for a re-check to read again. */
  takeChanges(): SheetChange[] {
    const changes = this.changes;
    this.changes = [];
    return changes;
  }

  private onChanged(event: Excel.WorksheetChangedEventArgs): void {
    if (event.triggerSource === 'ThisLocalAddin') return;
    this.changes.push({ worksheetId: event.worksheetId, address: event.address, changeType: event.changeType });
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.onQuiet();
    }, this.debounceMs);
  }
}
