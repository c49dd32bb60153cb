/** The shape of a truth record (reference/truth-2024.json), as far as the HTML samples need it. */

export interface FundingColumn {
  total: number | null;
  central: number | null;
  provincial: number | null;
  municipal: number | null;
  selfRaised: number | null;
  other: number | null;
}

export interface TruthIndicator {
  period: 'implementation' | 'annual';
  level1: string;
  level2: string;
  name: string;
  value: string;
}

export interface TruthRecord {
  title: string;
  year: number;
  projectName: string;
  department: { code: string; name: string };
  implementingUnit: string;
  attribute: string;
  period: string;
  funding: { implementation: FundingColumn; annual: FundingColumn };
  overview: string;
  basis: string;
  necessity: string;
  safeguards: string;
  plan: string;
  goals: { implementation: string; annual: string };
  indicators: TruthIndicator[];
}
