import * as React from 'react';
import { Button, Input, Switch } from '@fluentui/react-components';
import {
  CheckReport, Conflict, CONFLICT_FACETS, conflictStakes, formatReadableDay, ConflictFacet, ConflictFacts, conflictFacts, ConflictOrder, facetGroups, LevelOptions, PlanStep, plural,
  Resolution, triage, WorkbookSnapshot,
} from '../core';
import { ConflictCard, ConflictRow } from './ConflictCard';
import { FilterSelect } from './FilterSelect';
import { LevelPanel } from './LevelPanel';
import { PoolWeekPick } from './Overview';
import { PanePreferences, PREFERENCE_KEYS } from './preferences';
import { VirtualList } from './VirtualList';

export interface ConflictsViewProps {
  readonly report: CheckReport;
  readonly snapshot: WorkbookSnapshot;
  readonly busy: boolean;
  readonly preferences: PanePreferences;
  /** The notice of the last action, by the conflict it was taken on. */
  readonly cardNotice: { readonly conflictId: string; readonly notice: NonNullable<ConflictCardNotice> } | null;
  /** A pool and week picked in the Overview's heatmap, to narrow the list to. */
  readonly pick?: PoolWeekPick | null;
  /** Called once the list has narrowed itself to the pick. */
  readonly onPicked?: () => void;
  readonly onApply: (resolution: Resolution) => void;
  readonly onLevel: (steps: readonly PlanStep[]) => void;
  readonly onSelect: (conflict: Conflict) => void;
  readonly onSelectRows: (rows: readonly number[]) => void;
}

type ConflictCardNotice = React.ComponentProps<typeof ConflictCard>['notice'];

const FACET_LABELS: Readonly<Record<ConflictFacet, string>> = { lab: 'Lab', team: 'Team', provider: 'Provider', silicon: 'Silicon', pool: 'Pool', state: 'State' };
const ORDERS: ReadonlyArray<[ConflictOrder, string]> = [['first-day', 'First day'], ['excess-chips', 'Chips over'], ['chip-hours', 'Chip-hours at stake']];
const ALL = '';

type Item = { kind: 'group'; value: string; count: number; rows: number[] } | { kind: 'conflict'; fact: ConflictFacts };

/**
 * The conflicts, narrowed and ordered as the lead asks: filters per facet, a search box, an order, groups
 * with their counts, a compact one-line mode. Only the items in view are rendered. Long for its markup:
 * each control is a few lines, and the triage state they set is one.
 */
export function ConflictsView(props: ConflictsViewProps) {
  const { report, snapshot, busy, preferences } = props;
  const facts = React.useMemo(() => conflictFacts(report), [report]);
  const stakes = React.useMemo(() => conflictStakes(report), [report]);
  const chipHoursOf = React.useCallback((conflict: Conflict) => stakes.get(conflict.id)?.chipHours ?? 0, [stakes]);
  const [filters, setFilters] = React.useState<Partial<Record<ConflictFacet, string>>>(() => {
    const myLab = preferences.get(PREFERENCE_KEYS.myLab);
    return myLab === '' ? {} : { lab: myLab };
  });
  const [search, setSearch] = React.useState('');
  const [during, setDuring] = React.useState<PoolWeekPick | null>(props.pick ?? null);
  React.useEffect(() => {
    if (props.pick == null) return;
    setDuring(props.pick);
    setFilters((current) => ({ ...current, pool: props.pick?.pool }));
    props.onPicked?.();
  }, [props.pick]);
  const [order, setOrder] = React.useState<ConflictOrder>('first-day');
  const [groupBy, setGroupBy] = React.useState<ConflictFacet | ''>('');
  const [compact, setCompact] = React.useState(preferences.get(PREFERENCE_KEYS.compact) === 'yes');
  const [opened, setOpened] = React.useState<ReadonlySet<string>>(new Set());
  const [levelling, setLevelling] = React.useState(false);
  const selected = React.useMemo(() => triage(facts, { filters, search, order, during: during ?? undefined }, chipHoursOf), [facts, filters, search, order, during, chipHoursOf]);
  const items = React.useMemo(() => itemsOf(selected, groupBy), [selected, groupBy]);
  const setFilter = (facet: ConflictFacet, value: string) => {
    setFilters((current) => ({ ...current, [facet]: value === ALL ? undefined : value }));
    if (facet === 'lab') preferences.set(PREFERENCE_KEYS.myLab, value);
  };
  const narrowed = Object.values(filters).some((value) => value !== undefined) || search.trim() !== '' || during !== null;
  const levelOptions = React.useMemo<LevelOptions>(() => levelScope(selected, narrowed), [selected, narrowed]);

  const renderItem = (index: number) => {
    const item = items[index];
    if (item.kind === 'group') {
      return (
        <div className="group-head">
          <h3>{`${item.value} · ${item.count}`}</h3>
          <Button size="small" appearance="subtle" onClick={() => props.onSelectRows(item.rows)}>Select in sheet</Button>
        </div>
      );
    }
    const conflict = item.fact.conflict;
    const notice = props.cardNotice?.conflictId === conflict.id ? props.cardNotice.notice : undefined;
    if (compact && !opened.has(conflict.id)) return <ConflictRow report={report} conflict={conflict} onOpen={() => setOpened(new Set([...opened, conflict.id]))} />;
    return <ConflictCard report={report} snapshot={snapshot} conflict={conflict} stake={stakes.get(conflict.id)} busy={busy} notice={notice} onApply={props.onApply} onSelect={props.onSelect} />;
  };
  const open = selected.filter((fact) => !fact.conflict.accepted).length;

  return (
    <section className="conflicts-view" aria-labelledby="conflicts-heading">
      <h2 id="conflicts-heading">{`Conflicts (${open} open${selected.length > open ? `, ${selected.length - open} accepted` : ''})`}</h2>
      <div className="filters" role="group" aria-label="Narrow the conflicts">
        {CONFLICT_FACETS.filter((facet) => facet !== 'pool').map((facet) => (
          <FilterSelect key={facet} label={FACET_LABELS[facet]} value={filters[facet] ?? ALL} onChange={(value) => setFilter(facet, value)}>
            <option value={ALL}>All</option>
            {facetGroups(facts, facet).map(({ value, count }) => <option key={value} value={value}>{`${value} (${count})`}</option>)}
          </FilterSelect>
        ))}
        <FilterSelect label="Group by" value={groupBy} onChange={(value) => setGroupBy(value as ConflictFacet | '')}>
          <option value="">None</option>
          {CONFLICT_FACETS.map((facet) => <option key={facet} value={facet}>{FACET_LABELS[facet]}</option>)}
        </FilterSelect>
        <FilterSelect label="Sort by" value={order} onChange={(value) => setOrder(value as ConflictOrder)}>
          {ORDERS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </FilterSelect>
        <Input className="search" type="search" aria-label="Search ID, lab, team, workload and notes" placeholder="Search ID, lab, team, notes" value={search} onChange={(_, data) => setSearch(data.value)} />
        <Switch label="Compact" checked={compact} onChange={(_, data) => { setCompact(data.checked); preferences.set(PREFERENCE_KEYS.compact, data.checked ? 'yes' : 'no'); }} />
        <Button disabled={busy || open === 0} onClick={() => setLevelling(true)}>{narrowed ? 'Level this group' : 'Level all'}</Button>
      </div>
      {narrowed && <p className="narrowed">{`Showing ${plural(selected.length, 'conflict')} of ${facts.length}${during ? ` in ${during.pool}, week of ${formatReadableDay(during.first)}` : ''}.`} <Button size="small" appearance="subtle" onClick={() => { setFilters({}); setSearch(''); setDuring(null); preferences.set(PREFERENCE_KEYS.myLab, ''); }}>Show all</Button></p>}
      {levelling && (
        <LevelPanel
          report={report} snapshot={snapshot} options={levelOptions} scopeLabel={narrowed ? `the ${plural(open, 'open conflict')} shown` : 'all conflicts'} busy={busy}
          onApply={(steps) => { props.onLevel(steps); setLevelling(false); }} onClose={() => setLevelling(false)}
        />
      )}
      {facts.length === 0 ? <p className="empty">No conflicts.</p> : selected.length === 0 ? <p className="empty">No conflict matches.</p> : (
        <VirtualList
          label="Conflicts" keys={items.map((item) => (item.kind === 'group' ? `group:${item.value}` : item.fact.conflict.id))} renderItem={renderItem}
          estimate={(index) => (items[index].kind === 'group' ? 36 : compact ? 44 : 420)}
        />
      )}
    </section>
  );
}

/** The list's items: the conflicts, under a heading per group when grouped (a conflict of two labs is under both). */
function itemsOf(selected: readonly ConflictFacts[], groupBy: ConflictFacet | ''): Item[] {
  if (groupBy === '') return selected.map((fact) => ({ kind: 'conflict', fact }));
  return facetGroups(selected, groupBy).flatMap(({ value, count }) => {
    const members = selected.filter((fact) => fact.facets[groupBy].includes(value));
    return [{ kind: 'group', value, count, rows: members.flatMap((fact) => fact.conflict.rows) } as Item, ...members.map((fact): Item => ({ kind: 'conflict', fact }))];
  });
}

/** Levelling scope: everything, or the conflicts the list is narrowed to. */
function levelScope(selected: readonly ConflictFacts[], narrowed: boolean): LevelOptions {
  return narrowed ? { conflicts: new Set(selected.map((fact) => fact.conflict.id)) } : {};
}
