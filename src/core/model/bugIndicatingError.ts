/** Thrown when the program's own invariants break. Never thrown for invalid user input. */
export class BugIndicatingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BugIndicatingError';
  }
}
