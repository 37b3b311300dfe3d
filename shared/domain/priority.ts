// Worklist priority: amount, days overdue, risk and broken promises; every debt keeps a score.
import type { RiskGrade } from './risk';

export interface PriorityInput {
  amountCents: number;
  /** Negative when the money is not yet due. */
  daysOverdue: number;
  risk: RiskGrade;
  brokenPromises: number;
}

export interface PriorityScore {
  score: number;
  amountPoints: number;
  agePoints: number;
  riskPoints: number;
  promisePoints: number;
}

const RISK_POINTS: Record<RiskGrade, number> = { A: 0, B: 5, C: 10, D: 18, E: 25 };

/*
 * Logarithms keep one huge invoice from hiding everything else, and age keeps growing without a
 * cap, so a small debt left alone climbs the list instead of disappearing. Being overdue adds
 * 10 points at once, so an overdue debt outranks the same amount not yet due.
 */
export function priorityOf(input: PriorityInput): PriorityScore {
  const euros = Math.max(0, input.amountCents) / 100;
  const amountPoints = 10 * Math.log10(1 + euros);
  const overdue = input.daysOverdue > 0;
  const agePoints = overdue ? 10 + 12 * Math.log2(1 + input.daysOverdue / 15) : 0;
  const riskPoints = RISK_POINTS[input.risk];
  const promisePoints = 15 * Math.min(2, Math.max(0, input.brokenPromises));
  const raw = amountPoints + agePoints + riskPoints + promisePoints;
  return {
    score: Math.round(raw * 10) / 10,
    amountPoints,
    agePoints,
    riskPoints,
    promisePoints,
  };
}
