import type { SimulatedClientObject } from './simulatedClientObject';
import type { ChangeHandler, ChangeScope, SimulatedRequestContext, SyncSession } from './simulatedRequestContext';

/** Returned by `add`; `remove()` unregisters at the next sync of the same context, as Office.js requires. */
export class SimulatedEventHandlerResult {
  readonly context: SimulatedRequestContext;
  private handlers: SimulatedEventHandlers | undefined;
  private handler: ChangeHandler | undefined;

  constructor(handlers: SimulatedEventHandlers, handler: ChangeHandler) {
    this.context = handlers.context;
    this.handlers = handlers;
    this.handler = handler;
  }

  remove(): void {
    if (this.handlers !== undefined && this.handler !== undefined) this.handlers.remove(this.handler);
    this.handlers = undefined;
    this.handler = undefined;
  }
}

/**
 * `OfficeExtension.EventHandlers` for onChanged. Office.js queues registration and removal as actions and
 * processes them after the next sync (its `EventHandlers._processRegistration`), so a handler added
 * without a sync is never registered, except by `Excel.run`'s closing sync.
 */
export class SimulatedEventHandlers {
  readonly context: SimulatedRequestContext;
  private readonly owner: SimulatedClientObject;
  private readonly scopeAt: (session: SyncSession) => ChangeScope;

  constructor(owner: SimulatedClientObject, scopeAt: (session: SyncSession) => ChangeScope) {
    this.context = owner.context;
    this.owner = owner;
    this.scopeAt = scopeAt;
  }

  add(handler: ChangeHandler): SimulatedEventHandlerResult {
    this.queue(handler, 'add');
    return new SimulatedEventHandlerResult(this, handler);
  }

  remove(handler: ChangeHandler): void {
    this.queue(handler, 'remove');
  }

  removeAll(): void {
    this.queue(undefined, 'remove');
  }

  private queue(handler: ChangeHandler | undefined, operation: 'add' | 'remove'): void {
    if (operation === 'add') {
      if (typeof handler !== 'function') throw new TypeError('EventHandlers.add expects a function');
      this.owner.assertUsable();
    }
    // Removal is a trace action in Office.js, not tied to the owner's path: it works after the run that added it.
    this.context.enqueue({
      request: { Id: this.context.nextPathId(), ActionType: 'Trace', Name: `onChanged.${operation}`, ObjectPathId: this.owner.pathId },
      execute: (session) => this.scopeAt(session),
      deliver: (scope) => {
        const host = this.context.host;
        if (operation === 'add' && handler !== undefined) host.addChangeHandler(this.context, scope as ChangeScope, handler);
        else host.removeChangeHandler(this.context, scope as ChangeScope, handler);
      },
    });
  }
}
