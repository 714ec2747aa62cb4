import type { Summary } from '../engine/aggregate/runAggregate.ts';
import { formatCount, formatPercent, formatPounds } from './format.ts';

/** One stage of the funnel, with the share of the full bar it fills (0–1). */
export interface FunnelStage {
  id: string;
  label: string;
  value: number;
  display: string;
  share: number;
  note: string;
}

/**
 * Suspects arrived → examined → examined and holding assets, as counts (medians across
 * replications); then pounds recovered as a share of all recoverable assets of suspects who held
 * them, since money and people cannot share one scale.
 */
export function funnelStages(summary: Summary): FunnelStage[] {
  const t = summary.totals;
  const arrived = t.suspectsArrived.p50;
  const examined = t.suspectsExamined.p50;
  const withAssets = t.suspectsWithAssetsExamined.p50;
  const recovered = t.recovered.p50;
  const recoverable = t.recovered.mean + t.missedRecovery.mean;
  const of = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
  return [
    {
      id: 'arrived',
      label: 'Suspects arrived',
      value: arrived,
      display: formatCount(arrived),
      share: arrived > 0 ? 1 : 0,
      note: 'all suspects needing examination',
    },
    {
      id: 'examined',
      label: 'Examined for assets',
      value: examined,
      display: formatCount(examined),
      share: of(examined, arrived),
      note: `${formatPercent(of(examined, arrived))} of arrived`,
    },
    {
      id: 'withAssets',
      label: 'Examined and holding assets',
      value: withAssets,
      display: formatCount(withAssets),
      share: of(withAssets, arrived),
      note: `${formatPercent(of(withAssets, examined))} of examined`,
    },
    {
      id: 'recovered',
      label: 'Recovered',
      value: recovered,
      display: formatPounds(recovered),
      share: of(t.recovered.mean, recoverable),
      note: `${formatPercent(of(t.recovered.mean, recoverable))} of recoverable assets (bar: share of £)`,
    },
  ];
}
