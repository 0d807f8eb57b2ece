import { loadPaths } from './loadPaths';
import { SimulatedOfficeError } from './simulatedOfficeError';
import type { QueuedAction, SimulatedRequestContext, SyncSession } from './simulatedRequestContext';

/** How a proxy came to be: from a method or property of its parent (queued), or from a sync's response (not queued). */
export interface ProxyOrigin {
  readonly parentPathId: number;
  readonly name: string;
  readonly args?: readonly unknown[];
  /** False for proxies built from loaded collection items, which Office.js never instantiates again. */
  readonly queued?: boolean;
}

/** A scalar property: how a sync reads it. */
export type ScalarReader = (session: SyncSession) => unknown;

/**
 * Base of every proxy, mirroring OfficeExtension.ClientObject: scalar properties throw PropertyNotLoaded
 * until a sync loads them (or a setter writes them), writes and loads are queued on the context, and the
 * object stops working once the `Excel.run` that made it has ended (unless `context.trackedObjects` holds it).
 */
export abstract class SimulatedClientObject {
  readonly context: SimulatedRequestContext;
  /** This object's path id in its context, as Office.js numbers object paths in a request. */
  readonly pathId: number;
  private readonly className: string;
  private readonly epoch: number;
  private tracked = false;
  private nullState: boolean | undefined;
  /** Set while a sync resolves this object, before the response is delivered. */
  protected resolvedAsNull = false;
  private readonly loaded = new Map<string, unknown>();

  protected constructor(context: SimulatedRequestContext, className: string, origin: ProxyOrigin | undefined) {
    this.context = context;
    this.className = className;
    this.pathId = context.nextPathId();
    this.epoch = context.epoch;
    // Office.js queues an "instantiate" action for every new proxy, so a bad getItem or address fails at the next sync.
    if (origin !== undefined && origin.queued !== false) {
      context.enqueue({
        request: { Id: this.pathId, ActionType: 'Instantiate', Name: origin.name, ParentObjectPathId: origin.parentPathId, Arguments: origin.args ?? [] },
        execute: (session) => {
          this.resolvedAsNull = this.instantiate(session);
          return this.resolvedAsNull ? null : { _Id: this.pathId };
        },
        deliver: (result) => (this.nullState = result === null),
      });
    } else if (origin !== undefined) {
      this.nullState = false;
    }
  }

  /** Resolves the target at sync time; returns true for a null object, throws for a missing one. */
  protected instantiate(_session: SyncSession): boolean {
    return false;
  }

  /** Scalar properties `load()` can read, by name. */
  protected abstract scalarReaders(): Readonly<Record<string, ScalarReader>>;

  /** Navigation properties `load('format/fill/color')` may walk through. */
  protected navigationProperty(_name: string): SimulatedClientObject | undefined {
    return undefined;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw SimulatedOfficeError.propertyNotLoaded(this.className, 'isNullObject');
    return this.nullState;
  }

  /** Queues reading the named properties; see `loadPaths` for the accepted forms. */
  load(option?: unknown): this {
    this.assertUsable();
    this.loadPaths(loadPaths(option));
    return this;
  }

  /** Loads parsed paths; collections override this to load their items. */
  loadPaths(paths: readonly (readonly string[])[]): void {
    const readers = this.scalarReaders();
    const names = new Set<string>();
    const children = new Map<SimulatedClientObject, string[][]>();
    if (paths.length === 0) Object.keys(readers).forEach((name) => names.add(name));
    for (const path of paths) {
      const [head, ...rest] = path;
      if (head === '*' || head === '') Object.keys(readers).forEach((name) => names.add(name));
      else if (head === 'isNullObject') continue;
      else if (rest.length === 0 && head in readers) names.add(head);
      else {
        const child = this.navigationProperty(head);
        if (child === undefined) throw SimulatedOfficeError.notSimulated(`${this.className}.${head}`);
        children.set(child, [...(children.get(child) ?? []), rest.length === 0 ? ['*'] : rest]);
      }
    }
    if (names.size > 0) this.queueLoad([...names], readers);
    for (const [child, childPaths] of children) child.loadPaths(childPaths);
  }

  private queueLoad(names: string[], readers: Readonly<Record<string, ScalarReader>>): void {
    this.context.enqueue({
      request: { Id: this.context.nextPathId(), ActionType: 'Query', ObjectPathId: this.pathId, Select: names },
      execute: (session) => {
        if (this.resolvedAsNull) return null;
        const result: Record<string, unknown> = {};
        for (const name of names) result[name] = readers[name](session);
        return result;
      },
      deliver: (result) => {
        if (result === null) return;
        for (const [name, value] of Object.entries(result as Record<string, unknown>)) this.loaded.set(name, value);
      },
    });
  }

  /** A scalar's value as the last sync (or setter) left it; PropertyNotLoaded otherwise, like Office.js. */
  protected loadedValue<T>(name: string): T {
    // Office.js skips the check on null objects: their properties read as undefined.
    if (this.nullState === true) return undefined as T;
    if (!this.loaded.has(name)) throw SimulatedOfficeError.propertyNotLoaded(this.className, name);
    return this.loaded.get(name) as T;
  }

  /** Records values delivered by a parent's response (collection items). */
  acceptLoaded(values: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(values)) this.loaded.set(name, value);
  }

  /** Queues a property write; the value is readable on this proxy at once, as Office.js's setters store it. */
  protected queueSet(name: string, value: unknown, apply: (session: SyncSession) => void): void {
    this.assertUsable();
    this.loaded.set(name, value);
    this.context.enqueue({
      request: { Id: this.context.nextPathId(), ActionType: 'SetProperty', ObjectPathId: this.pathId, Name: name, Value: value },
      execute: (session) => {
        this.throwIfNull();
        apply(session);
        return undefined;
      },
    });
  }

  /** Queues a method call whose effect happens at sync. */
  protected queueMethod(name: string, args: readonly unknown[], execute: (session: SyncSession) => unknown, deliver?: (result: unknown) => void): void {
    this.assertUsable();
    const action: QueuedAction = {
      request: { Id: this.context.nextPathId(), ActionType: 'Method', ObjectPathId: this.pathId, Name: name, Arguments: args },
      execute: (session) => {
        this.throwIfNull();
        return execute(session);
      },
      deliver,
    };
    this.context.enqueue(action);
  }

  /** Writing to or calling a method on a null object fails at sync. */
  protected throwIfNull(): void {
    if (this.resolvedAsNull) throw SimulatedOfficeError.of('ItemNotFound', this.className);
  }

  /** Office.js's `validateObjectPath`: objects auto-tracked by an ended `Excel.run` are invalid. */
  assertUsable(): void {
    if (!this.tracked && this.epoch !== this.context.epoch) throw SimulatedOfficeError.of('InvalidObjectPath', this.className);
  }

  /** For `context.trackedObjects`: a tracked object outlives its `Excel.run`. */
  setTracked(tracked: boolean): void {
    this.tracked = tracked;
  }

  track(): this {
    this.context.trackedObjects.add(this);
    return this;
  }

  untrack(): this {
    this.context.trackedObjects.remove(this);
    return this;
  }

  /** The loaded scalar properties, as Office.js's `toJSON` returns them. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** `OfficeExtension.ClientResult`: its value is readable only after the sync that fills it. */
export class SimulatedClientResult<T> {
  private loaded = false;
  private result: T | undefined;

  get value(): T {
    if (!this.loaded) throw SimulatedOfficeError.of('ValueNotLoaded', 'ClientResult.value');
    return this.result as T;
  }

  /** Called by the sync that computed the value. */
  fill(value: T): void {
    this.result = value;
    this.loaded = true;
  }
}
