import * as React from 'react';
import {
  CalendarDay, CheckReport, dayFromYmd, describePoolWeek, formatCount, formatExposureCost, formatReadableDay, formatShare, heatmapAsOf, LabSignal, LOCKED_REASONS,
  parseIsoDay, PoolWeek, signalsOf,
} from '../core';

/** Pools shown in the heatmap, most over-booked first; the rest are counted under it. */
const HEATMAP_POOLS = 24;
const CELL = { width: 14, height: 14, gap: 2 };

export interface PoolWeekPick {
  readonly pool: string;
  readonly first: CalendarDay;
  readonly last: CalendarDay;
}

function today(): CalendarDay {
  const now = new Date();
  return dayFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate()) as CalendarDay;
}

/** Utilisation as colour: pale to deep blue up to 100%, red beyond. */
function fillOf(week: PoolWeek): string {
  if (week.utilisation === null) return '#f5f5f5';
  if (week.overbooked) return '#d13438';
  const depth = Math.min(1, week.utilisation);
  const channel = (from: number, to: number) => Math.round(from + (to - from) * depth);
  return `rgb(${channel(235, 15)}, ${channel(243, 108)}, ${channel(252, 189)})`;
}

/**
 * The quarter at a glance: pools by week (utilisation as colour, over-booked weeks red and marked with a
 * cross), each cell a button that narrows the conflict list to that pool and week, with the same figures
 * as a table; then each lab's reallocation velocity, locked chip-days by reason, and exposure.
 */
export function Overview({ report, onPick }: { report: CheckReport; onPick: (pick: PoolWeekPick) => void }) {
  const asOf = React.useMemo(() => heatmapAsOf(report, today()), [report]);
  const signals = React.useMemo(() => signalsOf(report, { asOf }), [report, asOf]);
  const { poolWeeks, labs } = signals;
  const ranked = [...poolWeeks.pools].sort((a, b) => overbookedDays(b.weeks) - overbookedDays(a.weeks) || a.label.localeCompare(b.label));
  const shown = ranked.slice(0, HEATMAP_POOLS);
  const mondays = poolWeeks.weeks.map((week) => parseIsoDay(week) as CalendarDay);
  const pick = (label: string, week: number) => onPick({ pool: label, first: mondays[week], last: mondays[week] + 6 });
  const width = poolWeeks.weeks.length * (CELL.width + CELL.gap);
  return (
    <section className="overview" aria-labelledby="overview-heading">
      <h2 id="overview-heading">{`The quarter from ${formatReadableDay(mondays[0] ?? asOf)}`}</h2>
      {shown.length === 0 ? <p className="empty">No pool is booked or reserved in these weeks.</p> : (
        <div className="heatmap">
          {shown.map((row) => (
            <div key={row.label} className="heatmap-row">
              <div className="heatmap-label" title={row.label}>{row.label}</div>
              <svg width={width} height={CELL.height} role="group" aria-label={row.label}>
                {row.weeks.map((week, index) => (
                  <g key={week.week} role="button" tabIndex={0} aria-label={`${row.label}, week of ${formatReadableDay(mondays[index])}: ${describePoolWeek(week)}`}
                    onClick={() => pick(row.label, index)} onKeyDown={(event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); pick(row.label, index); } }}>
                    <title>{`Week of ${formatReadableDay(mondays[index])}: ${describePoolWeek(week)}`}</title>
                    <rect x={index * (CELL.width + CELL.gap)} y={0} width={CELL.width} height={CELL.height} rx={2} fill={fillOf(week)} />
                    {week.overbooked && <path d={`M${index * (CELL.width + CELL.gap) + 3} 3 l8 8 m0 -8 l-8 8`} stroke="#fff" strokeWidth={1.5} />}
                  </g>
                ))}
              </svg>
            </div>
          ))}
          <p className="heatmap-legend">{`Weeks from ${formatReadableDay(mondays[0] ?? asOf)}; blue up to 100% booked, red with a cross: over-booked.${ranked.length > shown.length ? ` ${ranked.length - shown.length} more pools in the table.` : ''}`}</p>
        </div>
      )}
      <details className="heatmap-table">
        <summary>The heatmap as a table</summary>
        <table>
          <thead><tr><th scope="col">Pool</th>{mondays.map((day) => <th key={day} scope="col">{formatReadableDay(day)}</th>)}</tr></thead>
          <tbody>{ranked.map((row) => <tr key={row.label}><th scope="row">{row.label}</th>{row.weeks.map((week) => <td key={week.week}>{describePoolWeek(week)}</td>)}</tr>)}</tbody>
        </table>
      </details>
      <h3>Labs</h3>
      <ul className="lab-bars" aria-label="Labs">
        {labs.map((lab) => <LabBar key={lab.lab} lab={lab} />)}
      </ul>
    </section>
  );
}

const overbookedDays = (weeks: readonly PoolWeek[]) => weeks.reduce((sum, week) => sum + week.overbookedDays, 0);

/** One lab: its chip-days as a bar split into movable and locked by reason, and its exposure. */
function LabBar({ lab }: { lab: LabSignal }) {
  const share = (chipDays: number) => `${lab.chipDays === 0 ? 0 : (chipDays / lab.chipDays) * 100}%`;
  const locked = LOCKED_REASONS.filter((reason) => lab.locked[reason] > 0).map((reason) => `${formatCount(lab.locked[reason])} ${reason}`);
  return (
    <li>
      <div className="lab-line">
        <strong>{lab.lab}</strong>
        {` · velocity ${formatShare(lab.velocity)} of ${formatCount(lab.chipDays)} chip-days · exposure ${formatCount(lab.exposureChipHours)} chip-hours (${formatExposureCost(lab)})`}
      </div>
      <div className="lab-bar" aria-hidden="true">
        <span className="movable" style={{ width: share(lab.movableChipDays) }} />
        {LOCKED_REASONS.map((reason, index) => <span key={reason} className={`locked locked-${index}`} style={{ width: share(lab.locked[reason]) }} />)}
      </div>
      {locked.length > 0 && <div className="lab-locked">{`Locked: ${locked.join(', ')}`}</div>}
    </li>
  );
}
