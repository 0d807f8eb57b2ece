import { SheetChange } from './readChangedRows';

/** Runs a batch in one `Excel.run`, as the session does; `previousObjects` runs it on an earlier context. */
export type RunBatch = <T>(batch: (context: Excel.RequestContext) => Promise<T>, previousObjects?: Excel.RequestContext) => Promise<T>;

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
    /** Local changes of the add-in's very hidden state sheet: only the add-in writes it, so they are its own. */
    private readonly isStateSheet: (worksheetId: string) => boolean,
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

  /** Unregisters the handler through the context that registered it, the only one Office.js removes it from. */
  async stop(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const handler = this.handler;
    this.handler = null;
    if (handler === null) return;
    await this.run(async (context) => {
      handler.remove();
      await context.sync();
    }, handler.context as Excel.RequestContext);
  }

  /** The edits since the last call, for a re-check to read again. */
  takeChanges(): SheetChange[] {
    const changes = this.changes;
    this.changes = [];
    return changes;
  }

  private onChanged(event: Excel.WorksheetChangedEventArgs): void {
    // Hosts below ExcelApi 1.14 send no triggerSource: the add-in's own writes then come back too, and only re-check.
    if (event.triggerSource === 'ThisLocalAddin') return;
    if (event.source === 'Local' && this.isStateSheet(event.worksheetId)) return;
    this.changes.push({ worksheetId: event.worksheetId, address: event.address, changeType: event.changeType });
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.onQuiet();
    }, this.debounceMs);
  }
}
