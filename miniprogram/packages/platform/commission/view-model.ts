/**
 * Commission rates are basis points on the server and percentages on screen: 250 bps = "2.5" %.
 * Conversion works on the digits (no float arithmetic), two decimals at most (1 bps = 0.01%).
 */
import type { CategoryNode, CommissionRatesView } from '../../../services/contracts';

/** 250 -> "2.5", 500 -> "5", 1 -> "0.01". */
export function bpsToPercentText(bps: number): string {
  const whole = Math.floor(bps / 100);
  const cents = bps % 100;
  if (cents === 0) return String(whole);
  const decimals = cents < 10 ? `0${cents}` : String(cents);
  return `${whole}.${decimals.replace(/0$/, '')}`;
}

/** "2.5" -> 250; null unless a percentage from 0 to 100 with at most two decimals. */
export function percentTextToBps(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{0,2}))?$/.exec(text.trim());
  if (!match) return null;
  const bps = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bps <= 10_000 ? bps : null;
}

export interface CategoryOption {
  id: string;
  /** "茶叶 / 绿茶". */
  label: string;
}

/** Every category of the tree, parents before children, labelled with its path. */
export function categoryOptions(tree: CategoryNode[], prefix = ''): CategoryOption[] {
  return tree.flatMap((node) => {
    const label = prefix ? `${prefix} / ${node.name}` : node.name;
    return [{ id: node.id, label }, ...categoryOptions(node.children, label)];
  });
}

export interface RateRow {
  categoryId: string;
  name: string;
  text: string;
}

export function rateRows(rates: CommissionRatesView, options: CategoryOption[]): RateRow[] {
  const labels = new Map(options.map((o) => [o.id, o.label]));
  return rates.categories.map((c) => ({ categoryId: c.categoryId, name: labels.get(c.categoryId) ?? c.categoryName ?? c.categoryId, text: bpsToPercentText(c.bps) }));
}
