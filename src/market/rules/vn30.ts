// The VN30 basket: HOSE's 30 largest, most liquid stocks, reviewed every January and July.
// This list is the built-in one: the live SSI adapter fetches the current basket from the
// feed and falls back to it only when the feed's list cannot be had; the simulator models
// these 30 (src/market/sim/basket.ts holds its prices and volumes).

// prettier-ignore
export const VN30_SYMBOLS: readonly string[] = [
  'ACB', 'BCM', 'BID', 'CTG', 'DGC', 'FPT', 'GAS', 'GVR', 'HDB', 'HPG',
  'LPB', 'MBB', 'MSN', 'MWG', 'PLX', 'SAB', 'SHB', 'SSB', 'SSI', 'STB',
  'TCB', 'TPB', 'VCB', 'VHM', 'VIB', 'VIC', 'VJC', 'VNM', 'VPB', 'VRE',
];

/** The largest weight one constituent may carry in the index (HOSE caps VN30 weights at 10%). */
export const VN30_WEIGHT_CAP = 0.1;
