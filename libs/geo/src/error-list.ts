import type { ErrorDetail } from '@samverkan/contracts';

/** Enough to show what is wrong without burying the reader (or the response) in repeats. */
export const MAX_ERROR_DETAILS = 20;

/**
 * Collects `{ field, message }` details, each message starting with its field so it reads on its own.
 * After `MAX_ERROR_DETAILS` it adds one note that more were left out and refuses the rest.
 */
export class ErrorList {
  readonly details: ErrorDetail[] = [];
  private problems = 0;

  constructor(private readonly rootField: string) {}

  get isFull(): boolean {
    return this.problems >= MAX_ERROR_DETAILS;
  }

  add(field: string, reason: string): void {
    if (this.isFull) return;
    this.details.push({ field, message: `${field}: ${reason}` });
    this.problems += 1;
    if (this.isFull) {
      this.details.push({ field: this.rootField, message: `${this.rootField}: more problems not listed` });
    }
  }
}
