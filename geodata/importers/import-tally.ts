/** One source row that was not taken: where it is, which field, a stable reason code and a readable message. */
export interface Rejection {
  /** Locator in the source: a line number for CSV, `sheet!row` for XLSX, `table fid` for GeoPackage, `features[i]` for GeoJSON. */
  row: string;
  field: string;
  /** Stable code such as 'invalid.postcode', 'no-matching-dwelling', 'scope.not-a-dwelling'. */
  reason: string;
  message: string;
}

/** What an import did: every row read is either accepted or rejected, and rejections are counted by reason. */
export interface ImportSummary {
  read: number;
  accepted: number;
  rejected: number;
  reasons: Record<string, number>;
}

/** Counts rows as an importer goes and hands every rejection to a sink (the report file). */
export class ImportTally {
  private readCount = 0;
  private acceptedCount = 0;
  private readonly reasons = new Map<string, number>();

  constructor(private readonly sink: (r: Rejection) => void = () => {}) {}

  read(n = 1): void {
    this.readCount += n;
  }

  accept(n = 1): void {
    this.acceptedCount += n;
  }

  reject(r: Rejection): void {
    this.reasons.set(r.reason, (this.reasons.get(r.reason) ?? 0) + 1);
    this.sink(r);
  }

  get rejectedCount(): number {
    let n = 0;
    for (const v of this.reasons.values()) n += v;
    return n;
  }

  /** The summary; throws when rows were lost between reading and deciding (a bug in the importer). */
  summary(): ImportSummary {
    const rejected = this.rejectedCount;
    if (this.readCount !== this.acceptedCount + rejected) {
      throw new Error(`import tally: read ${this.readCount} ≠ accepted ${this.acceptedCount} + rejected ${rejected}`);
    }
    const reasons = Object.fromEntries([...this.reasons.entries()].sort(([a], [b]) => a.localeCompare(b)));
    return { read: this.readCount, accepted: this.acceptedCount, rejected, reasons };
  }
}
