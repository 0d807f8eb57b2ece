import { DESCRIPTORS, KEPT_TYPES } from './hostDescriptors';
import { HostError } from './hostError';
import { camel, checkVersion, HostContext, HostObject, pascal, TypeDescriptor } from './hostTypes';

/** One object path of a request body, as the client library writes it. */
export interface ObjectPathInfo {
  readonly Id: number;
  /** 1 global object, 2 new object, 3 method, 4 property, 5 indexer, 6 reference id, 7 null object. */
  readonly ObjectPathType: number;
  readonly Name: string;
  readonly ParentObjectPathId?: number;
  readonly ArgumentInfo?: { readonly Arguments?: unknown[]; readonly ReferencedObjectPathIds?: unknown[] };
}

export interface ActionInfo {
  readonly Id: number;
  /** 1 instantiate, 2 query, 3 method, 4 set property, 5 trace; 6–9 (recursive query, query as JSON, ensure unchanged, update) are not implemented. */
  readonly ActionType: number;
  readonly Name: string;
  readonly ObjectPathId: number;
  readonly ArgumentInfo?: { readonly Arguments?: unknown[]; readonly ReferencedObjectPathIds?: unknown[] };
  readonly QueryInfo?: { readonly Select?: string[]; readonly Expand?: string[]; readonly Top?: number; readonly Skip?: number };
}

export interface RequestBody {
  readonly Actions: readonly ActionInfo[];
  readonly ObjectPaths: Readonly<Record<string, ObjectPathInfo>>;
}

export interface ResponseError {
  readonly Code: string;
  readonly Message: string;
  readonly Location?: string;
  readonly HttpStatusCode: number;
  readonly ActionIndex: number;
}

export interface ResponseBody {
  readonly Results: Array<{ readonly ActionId: number; readonly Value: unknown }>;
  readonly TraceIds: number[];
  readonly Error?: ResponseError;
}

type Described = TypeDescriptor<HostObject>;
const describe = (object: HostObject): Described => DESCRIPTORS[object.type] as Described;

/**
 * Executes one request's actions in order with Excel's semantics: paths resolve when first used and stay
 * resolved for the request, `_KeepReference` pins an object under a reference id for later requests,
 * formulas are recalculated after each write, and the first failing action stops the request (what ran
 * before it stays applied, as in Excel).
 */
export function runRequest(body: RequestBody, context: HostContext, newReferenceId: () => string, recalculate: () => void): ResponseBody {
  const run = new RequestRun(body, context, newReferenceId);
  const Results: ResponseBody['Results'] = [];
  const TraceIds: number[] = [];
  for (let index = 0; index < body.Actions.length; index++) {
    const action = body.Actions[index];
    try {
      if (action.ActionType === 5) TraceIds.push(action.Id);
      const changes = context.changes.length;
      Results.push({ ActionId: action.Id, Value: run.execute(action) ?? null });
      // Excel calculates as each write lands, so a later read in the same request sees formulas' new results.
      if (context.changes.length > changes) recalculate();
    } catch (error) {
      const failure = error instanceof HostError ? error : new HostError('GeneralException', `The simulated host failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return { Results, TraceIds, Error: { Code: failure.code, Message: failure.message, Location: failure.location, HttpStatusCode: failure.httpStatusCode, ActionIndex: index } };
    }
  }
  return { Results, TraceIds };
}

class RequestRun {
  private readonly resolved = new Map<number, HostObject | null>();
  private readonly kept = new Map<number, string>();

  constructor(private readonly body: RequestBody, private readonly context: HostContext, private readonly newReferenceId: () => string) {}

  execute(action: ActionInfo): unknown {
    switch (action.ActionType) {
      case 1:
        return this.instantiate(action.ObjectPathId);
      case 2:
        return this.query(this.resolve(action.ObjectPathId), action.QueryInfo ?? {});
      case 3:
        return this.callMethod(action);
      case 4:
        return this.setProperty(action);
      case 5:
        return null;
      default:
        throw HostError.apiNotFound(`action type ${action.ActionType}`, 'the simulated host implements Instantiate, Query, Method, SetProperty and Trace actions');
    }
  }

  private instantiate(pathId: number): unknown {
    const object = this.resolve(pathId);
    if (object === null) return null;
    const descriptor = describe(object);
    const referenceId = this.kept.get(pathId);
    return { ...(referenceId === undefined ? {} : { _ReferenceId: referenceId }), ...(descriptor.id === undefined ? {} : { Id: descriptor.id(object, this.context) }) };
  }

  private callMethod(action: ActionInfo): unknown {
    const object = this.resolve(action.ObjectPathId);
    if (action.Name === '_KeepReference') return this.keepReference(action.ObjectPathId, object);
    if (object === null) throw HostError.of('ItemNotFound', action.Name);
    const method = describe(object).methods?.[action.Name];
    if (method === undefined) throw notImplemented(object, action.Name);
    checkVersion(method, `${object.type}.${action.Name}`, this.context);
    const result = method.call(object, this.argumentsOf(action.ArgumentInfo), this.context);
    return result === undefined ? null : result;
  }

  private keepReference(pathId: number, object: HostObject | null): null {
    if (object === null || !KEPT_TYPES.has(object.type)) return null;
    const referenceId = this.newReferenceId();
    this.context.references.set(referenceId, object);
    this.kept.set(pathId, referenceId);
    return null;
  }

  private setProperty(action: ActionInfo): null {
    const object = this.resolve(action.ObjectPathId);
    if (object === null) throw HostError.of('ItemNotFound', action.Name);
    const name = camel(action.Name);
    const property = describe(object).properties?.[name];
    if (property === undefined) throw notImplemented(object, name);
    checkVersion(property, `${object.type}.${name}`, this.context);
    if (property.set === undefined) throw HostError.invalidArgument(name, `${object.type}.${name} is read-only`);
    property.set(object, this.argumentsOf(action.ArgumentInfo)[0], this.context);
    return null;
  }

  private argumentsOf(info: ActionInfo['ArgumentInfo']): unknown[] {
    const args = [...(info?.Arguments ?? [])];
    const references = info?.ReferencedObjectPathIds ?? [];
    references.forEach((pathId, index) => {
      if (typeof pathId === 'number' && pathId > 0) args[index] = this.resolve(pathId);
    });
    return args;
  }

  /** The object a path stands for, resolved once per request. */
  resolve(pathId: number): HostObject | null {
    if (this.resolved.has(pathId)) return this.resolved.get(pathId) as HostObject | null;
    const path = this.body.ObjectPaths[String(pathId)];
    if (path === undefined) throw HostError.invalidArgument('ObjectPathId', `object path ${pathId}`);
    const object = this.resolvePath(path);
    this.resolved.set(pathId, object);
    return object;
  }

  private resolvePath(path: ObjectPathInfo): HostObject | null {
    if (path.ObjectPathType === 1) return { type: 'Workbook' };
    if (path.ObjectPathType === 7) return null;
    if (path.ObjectPathType === 6) {
      const object = this.context.references.get(path.Name);
      if (object === undefined) throw new HostError('InvalidReference', `The reference ${path.Name} was removed or never made.`, 'ReferenceId');
      return object;
    }
    if (path.ObjectPathType === 2) throw HostError.apiNotFound(`new ${path.Name}`, 'the simulated host creates no top-level objects');
    const parent = this.resolve(path.ParentObjectPathId ?? -1);
    // What hangs off a null object is null too.
    if (parent === null) return null;
    const descriptor = describe(parent);
    if (path.ObjectPathType === 4) {
      const name = camel(path.Name);
      const navigation = descriptor.navigation?.[name];
      if (navigation === undefined) throw notImplemented(parent, name);
      checkVersion(navigation, `${parent.type}.${name}`, this.context);
      return navigation.get(parent, this.context);
    }
    const member = path.ObjectPathType === 5 ? descriptor.indexer : descriptor.methods?.[path.Name];
    if (member === undefined) throw notImplemented(parent, path.ObjectPathType === 5 ? 'getItem' : path.Name);
    checkVersion(member, `${parent.type}.${path.ObjectPathType === 5 ? 'getItem' : path.Name}`, this.context);
    return member.call(parent, this.argumentsOf(path.ArgumentInfo), this.context) as HostObject | null;
  }

  private query(object: HostObject | null, info: NonNullable<ActionInfo['QueryInfo']>): unknown {
    if (object === null) return null;
    const descriptor = describe(object);
    const paths = [...(info.Select ?? []), ...(info.Expand ?? []).map((path) => `${path}/*`)].map((path) => path.split('/'));
    if (descriptor.items === undefined) return this.queryObject(object, paths, false);
    const items = descriptor.items(object, this.context).slice(info.Skip ?? 0, info.Top === undefined ? undefined : (info.Skip ?? 0) + info.Top);
    return { _Items: items.map((item) => this.queryObject(item, paths, true)) };
  }

  /** A navigation property's answer: a collection (`items/columns/items/name`) answers with its items. */
  private queryNested(object: HostObject, paths: readonly string[][]): unknown {
    const items = describe(object).items?.(object, this.context);
    return items === undefined ? this.queryObject(object, paths, false) : { _Items: items.map((item) => this.queryObject(item, paths, true)) };
  }

  /** The selected properties under Excel's PascalCase names; no selection means every scalar property. */
  private queryObject(object: HostObject, paths: readonly string[][], isItem: boolean): Record<string, unknown> {
    const descriptor = describe(object);
    const scalars = Object.entries(descriptor.properties ?? {}).filter(([, member]) => member.since <= this.context.settings.excelApiMinor).map(([name]) => [name]);
    const wanted = paths.length === 0 || paths.some((path) => path[0] === '*') ? [...scalars, ...paths.filter((path) => path[0] !== '*')] : paths;
    const result: Record<string, unknown> = {};
    const children = new Map<string, string[][]>();
    for (const [head, ...rest] of wanted) {
      const name = camel(head);
      const property = descriptor.properties?.[name];
      if (property !== undefined && rest.length === 0) {
        checkVersion(property, `${object.type}.${name}`, this.context);
        result[pascal(name)] = property.get(object, this.context);
      } else if (descriptor.navigation?.[name] !== undefined) {
        children.set(name, [...(children.get(name) ?? []), ...(rest.length === 0 ? [] : [rest])]);
      } else throw notImplemented(object, name);
    }
    for (const [name, childPaths] of children) {
      const navigation = descriptor.navigation![name];
      checkVersion(navigation, `${object.type}.${name}`, this.context);
      const child = navigation.get(object, this.context);
      result[pascal(name)] = child === null ? null : this.queryNested(child, childPaths);
    }
    // Items carry their id, which the client library uses to address them in later requests.
    if (isItem && descriptor.id !== undefined && !('Id' in result)) result._Id = descriptor.id(object, this.context);
    return result;
  }
}

function notImplemented(object: HostObject, member: string): HostError {
  return HostError.apiNotFound(`${object.type}.${member}`, 'the simulated Excel host does not implement it');
}
