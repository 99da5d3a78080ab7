// Per-symbol price and percent thresholds of the alert engine (ALERT_PRICE_RULES): here, below
// market/, because config.ts checks the variable with this parser at start.
//
// Syntax: a comma-separated list of SYMBOL OP VALUE, where OP is >= or <= and SYMBOL is a
// stock, a futures display name (VN30FYYMM) or an index id (VN30, VNINDEX). A `%` after the
// symbol makes the value a percent change against the reference (index: prior close):
//   FPT>=120000       FPT's last price at or above 120,000 VND (price_above)
//   VNM<=60000        VNM's last price at or below 60,000 VND (price_below)
//   HPG%>=5           HPG up 5 % or more on the day (percent_move)
//   VN30%<=-1.5       VN30 down 1.5 % or more (percent_move)
// Whitespace around items and operators is ignored; the symbol is case-insensitive.

export interface PriceRule {
  symbol: string;
  /** price: the last price (points for indices and futures); percent: the day's change %. */
  measure: 'price' | 'percent';
  op: '>=' | '<=';
  value: number;
}

const ITEM = /^([A-Za-z0-9]{1,20})\s*(%?)\s*(>=|<=)\s*(-?\d+(?:\.\d+)?)$/;

/** Parses ALERT_PRICE_RULES; throws an Error saying what is wrong with which item. */
export function parsePriceRules(input: string): PriceRule[] {
  const out: PriceRule[] = [];
  for (const raw of input.split(',')) {
    const item = raw.trim();
    if (item === '') continue;
    const m = ITEM.exec(item);
    if (!m) throw new Error(`SYMBOL>=N, SYMBOL<=N, SYMBOL%>=P or SYMBOL%<=P, comma-separated (bad item ${JSON.stringify(item)})`);
    const measure = m[2] === '%' ? 'percent' : 'price';
    const value = Number(m[4]);
    if (measure === 'price' && !(value > 0)) throw new Error(`a price above 0 (bad item ${JSON.stringify(item)})`);
    out.push({ symbol: m[1]!.toUpperCase(), measure, op: m[3] as PriceRule['op'], value });
  }
  return out;
}

/** The alert type a rule raises. */
export const priceRuleType = (r: PriceRule) => (r.measure === 'percent' ? 'percent_move' : r.op === '>=' ? 'price_above' : 'price_below');
