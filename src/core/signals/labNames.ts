import { normalizeName } from '../catalog/normalizeName';

/** What the signals call the bookings whose Lab cell is empty. */
export const NO_LAB = '(no lab)';

/** How labs are told apart: as names are compared (case, spaces, hyphens and underscores ignored), as capacity owners are. */
export function labKeyOf(lab: string): string {
  return normalizeName(lab);
}

/** Labs by number as they are met (the signal index meets the active bookings in sheet order): each one's key and the name to show, its first spelling. */
export class LabNames {
  readonly keys: string[] = [];
  readonly names: string[] = [];
  private readonly byKey = new Map<string, number>();
  // Lab cells repeat a few texts thousands of times: each text is normalised once.
  private readonly byText = new Map<string, number>();

  /** The lab's number, numbering it if it is new. */
  idOf(lab: string): number {
    let id = this.byText.get(lab);
    if (id === undefined) {
      const key = labKeyOf(lab);
      id = this.byKey.get(key);
      if (id === undefined) {
        id = this.keys.length;
        this.byKey.set(key, id);
        this.keys.push(key);
        this.names.push(key === '' ? NO_LAB : lab.trim());
      }
      this.byText.set(lab, id);
    }
    return id;
  }

  nameOf(lab: string): string {
    return this.names[this.idOf(lab)];
  }
}

export function compareLabNames(a: string, b: string): number {
  return Number(a === NO_LAB) - Number(b === NO_LAB) || a.localeCompare(b, 'en') || (a < b ? -1 : a > b ? 1 : 0);
}
