import { CalendarDay } from '../model/calendarDay';

// The changes that resolve a conflict. A suggestion is what the engine proposes; a resolution is what a
// lead applies: a suggestion, or accepting the conflict with a reason.

/** Moves a booking's dates by `days`, to `[start, end]` (inclusive, as the workbook writes them). */
export interface Shift {
  readonly kind: 'shift';
  readonly conflictId: string;
  readonly row: number;
  readonly days: number;
  readonly start: CalendarDay;
  readonly end: CalendarDay;
}

/** Shortens a booking to `[start, end]` (inclusive), giving up the days that collide. */
export interface Trim {
  readonly kind: 'trim';
  readonly conflictId: string;
  readonly row: number;
  readonly start: CalendarDay;
  readonly end: CalendarDay;
  readonly daysLost: number;
}

/** Puts a booking on another pool. */
export interface Move {
  readonly kind: 'move';
  readonly conflictId: string;
  readonly row: number;
  readonly provider: string;
  readonly region: string;
  readonly silicon: string;
  readonly block: string;
  /** The target's silicon is of another family: the workload needs a port. */
  readonly needsPort: boolean;
  readonly sameSilicon: boolean;
}

/** Reduces a booking's chips. */
export interface Shrink {
  readonly kind: 'shrink';
  readonly conflictId: string;
  readonly row: number;
  readonly fromChips: number;
  readonly chips: number;
}

export interface Acceptance {
  readonly kind: 'accept';
  readonly conflictId: string;
  readonly reason: string;
}

/** Takes back an acceptance: the conflict is open again. */
export interface Revocation {
  readonly kind: 'revoke';
  readonly conflictId: string;
  readonly reason: string;
}

export type Suggestion = Shift | Trim | Move | Shrink;
export type Resolution = Suggestion | Acceptance | Revocation;
