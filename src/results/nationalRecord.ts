/**
 * The published national figures a scenario's money is checked against: what a chief officer
 * who knows the force's receipts would hold it to. Each figure carries its source.
 */
export interface NationalFigure {
  value: number;
  /** What it counts, in words. */
  what: string;
  period: string;
  source: string;
}

export const NATIONAL_RECORD = {
  confiscationReceipts: {
    value: 128.5e6,
    what: 'confiscation receipts in England and Wales',
    period: 'year to March 2024',
    source: 'Home Office, Asset recovery statistical bulletin, financial years ending 2019 to 2024',
  },
  newOrderValue: {
    value: 307.9e6,
    what: 'value of new confiscation orders',
    period: 'year to March 2024',
    source: 'Home Office, Asset recovery statistical bulletin, financial years ending 2019 to 2024',
  },
  ordersMade: {
    value: 6392,
    what: 'confiscation orders made',
    period: '2012/13',
    source: 'National Audit Office, Confiscation orders (HC 738, 2013)',
  },
  mpsShareOfSocThreats: {
    value: 0.07,
    what: "the Metropolitan Police's share of England and Wales' serious and organised crime threats",
    period: '2022',
    source:
      'HMICFRS, An inspection of the London regional response to serious and organised crime (2023)',
  },
} as const satisfies Record<string, NationalFigure>;

/**
 * The largest share of a national total one force's scenario may claim before it is flagged:
 * three times the Metropolitan Police's 7% share of the threats, the largest force's, since
 * police forces are only some of the agencies whose cases end in confiscation.
 */
export const PLAUSIBLE_FORCE_SHARE = 0.2;
