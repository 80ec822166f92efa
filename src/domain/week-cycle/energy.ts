/** Energy check-ins are private; the group sees only an average, and only from this many answers. */
export const MIN_ENERGY_ANSWERS = 3;

export interface EnergySummary {
  count: number;
  /** Rounded to one decimal; undefined below MIN_ENERGY_ANSWERS so no one's score can be inferred. */
  average?: number;
}

export function summariseEnergy(values: Record<string, number>): EnergySummary {
  const list = Object.values(values);
  if (list.length < MIN_ENERGY_ANSWERS) return { count: list.length };
  const avg = list.reduce((a, b) => a + b, 0) / list.length;
  return { count: list.length, average: Math.round(avg * 10) / 10 };
}

export function isEnergyScore(n: unknown): n is 1 | 2 | 3 | 4 | 5 {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 5;
}
