// Labels in Vietnamese and English. Numbers stay formatted the Vietnamese way in both
// (format.ts); only words change. Elements carry data-i18n="key" (text) or
// data-i18n-title / data-i18n-aria (attributes) and are relabelled by applyLabels.
import type { ConnectionState, PhaseName, PremiumName, SymbolStatusName } from '@boardcast/client';

export type Lang = 'vi' | 'en';

const LABELS = {
  title: { vi: 'Bảng giá VN30', en: 'VN30 price board' },
  symbol: { vi: 'Mã CK', en: 'Symbol' },
  ref: { vi: 'TC', en: 'Ref' },
  ceil: { vi: 'Trần', en: 'Ceil' },
  floor: { vi: 'Sàn', en: 'Floor' },
  bids: { vi: 'Bên mua', en: 'Bids' },
  asks: { vi: 'Bên bán', en: 'Asks' },
  matched: { vi: 'Khớp lệnh', en: 'Last trade' },
  price: { vi: 'Giá', en: 'Price' },
  vol: { vi: 'KL', en: 'Vol' },
  p1: { vi: 'Giá 1', en: 'Price 1' },
  p2: { vi: 'Giá 2', en: 'Price 2' },
  p3: { vi: 'Giá 3', en: 'Price 3' },
  v1: { vi: 'KL 1', en: 'Vol 1' },
  v2: { vi: 'KL 2', en: 'Vol 2' },
  v3: { vi: 'KL 3', en: 'Vol 3' },
  change: { vi: '+/-', en: 'Chg' },
  changePct: { vi: '%', en: '%' },
  totalVol: { vi: 'Tổng KL', en: 'Total vol' },
  highLow: { vi: 'Giá', en: 'Prices' },
  high: { vi: 'Cao', en: 'High' },
  low: { vi: 'Thấp', en: 'Low' },
  foreign: { vi: 'ĐTNN', en: 'Foreign' },
  fBuy: { vi: 'Mua', en: 'Buy' },
  fSell: { vi: 'Bán', en: 'Sell' },
  fNet: { vi: 'Ròng', en: 'Net' },
  active: { vi: 'Chủ động M/B', en: 'Active B/S' },
  breadth: { vi: 'Tăng / Đứng / Giảm', en: 'Up / Flat / Down' },
  basis: { vi: 'Basis', en: 'Basis' },
  phase: { vi: 'Phiên', en: 'Session' },
  latency: { vi: 'Độ trễ', en: 'Latency' },
  connection: { vi: 'Kết nối', en: 'Connection' },
  watchOnly: { vi: 'Chỉ danh mục theo dõi', en: 'Watchlist only' },
  watchAdd: { vi: 'Thêm mã', en: 'Add symbol' },
  watchAddButton: { vi: 'Thêm', en: 'Add' },
  boards: { vi: 'Bảng', en: 'Boards' },
  search: { vi: 'Tìm mã trên toàn thị trường', en: 'Find a symbol in the whole market' },
  searchButton: { vi: 'Tìm', en: 'Find' },
  watchStar: { vi: 'Theo dõi', en: 'Watch' },
  watchEmpty: { vi: 'Danh mục trống: đánh dấu ☆ một mã để theo dõi', en: 'The watchlist is empty: star ☆ a symbol to watch it' },
  sortBy: { vi: 'Sắp xếp theo', en: 'Sort by' },
  langToggle: { vi: 'English', en: 'Tiếng Việt' },
  langToggleAria: { vi: 'Switch labels to English', en: 'Chuyển nhãn sang tiếng Việt' },
  staleBanner: { vi: 'Mất kết nối — bảng giá đang hiển thị dữ liệu cũ, đang kết nối lại…', en: 'Connection lost — showing the last board, reconnecting…' },
  waiting: { vi: 'Đang chờ dữ liệu…', en: 'Waiting for data…' },
  feedDelayed: { vi: 'Dữ liệu chậm — nguồn dữ liệu sở giao dịch đang gián đoạn, bảng giá có thể chưa cập nhật', en: 'Data delayed — the exchange feed is interrupted; prices may be out of date' },
  projected: { vi: 'Giá / KL khớp dự kiến (phiên định kỳ)', en: 'Projected match price / volume (call auction)' },
  halted: { vi: 'Tạm ngừng', en: 'Halted' },
  suspended: { vi: 'Ngừng GD', en: 'Suspended' },
  delisted: { vi: 'Hủy niêm yết', en: 'Delisted' },
  special: { vi: 'GD đặc biệt', en: 'Special' },
  tableCaption: { vi: 'Bảng giá rổ VN30: dùng phím mũi tên để di chuyển giữa các ô', en: 'VN30 basket board: use the arrow keys to move between cells' },
  premium: { vi: 'cộng', en: 'premium' },
  discount: { vi: 'trừ', en: 'discount' },
  par: { vi: 'ngang', en: 'par' },
  unitNoteFull: { vi: 'Giá: đồng · KL: cổ phiếu', en: 'Prices: VND · Volumes: shares' },
  unitNoteShort: { vi: 'Giá: nghìn đồng · KL: 10 cổ phiếu', en: 'Prices: thousand VND · Volumes: lots of 10 shares' },
  units: { vi: 'Đơn vị', en: 'Units' },
  unitsShort: { vi: 'Nghìn đồng / 10 CP', en: 'Thousands / tens' },
  unitsFull: { vi: 'Đồng / cổ phiếu', en: 'VND / shares' },
  columns: { vi: 'Cột', en: 'Columns' },
  fRoom: { vi: 'Room', en: 'Room' },
  chooser_high: { vi: 'Giá cao nhất', en: 'High' },
  chooser_low: { vi: 'Giá thấp nhất', en: 'Low' },
  chooser_fNet: { vi: 'ĐTNN mua/bán ròng', en: 'Foreign net' },
  chooser_fRoom: { vi: 'Room NN còn lại', en: 'Foreign room' },
  chooser_active: { vi: 'Chủ động mua/bán', en: 'Active buy/sell' },
  close: { vi: 'Đóng', en: 'Close' },
  chart: { vi: 'Biểu đồ nến 1 phút trong ngày', en: 'Intraday 1-minute candle chart' },
  tape: { vi: 'Khớp lệnh gần nhất', en: 'Trade tape' },
  time: { vi: 'Giờ', en: 'Time' },
  side: { vi: 'M/B', en: 'Side' },
  buy: { vi: 'Mua', en: 'Buy' },
  sell: { vi: 'Bán', en: 'Sell' },
  sideBuy: { vi: 'M', en: 'B' },
  sideSell: { vi: 'B', en: 'S' },
  alerts: { vi: 'Cảnh báo', en: 'Alerts' },
  alertSound: { vi: 'Âm thanh', en: 'Sound' },
  dismiss: { vi: 'Bỏ qua', en: 'Dismiss' },
  dismissAll: { vi: 'Bỏ qua tất cả', en: 'Dismiss all' },
  detailHint: { vi: 'Nhấn vào một mã (hoặc Enter) để xem biểu đồ; gõ chữ để tìm mã; Esc để đóng', en: 'Click a symbol (or Enter) for its chart; type letters to find a symbol; Esc closes' },
  signInTitle: { vi: 'Đăng nhập', en: 'Sign in' },
  signInMissing: { vi: 'Máy chủ yêu cầu mã truy cập (HTTP 401). Nhập mã để xem bảng giá.', en: 'This server requires an access token (HTTP 401). Enter yours to see the board.' },
  signInRefused: { vi: 'Máy chủ từ chối mã truy cập này (HTTP 401). Nhập mã khác.', en: 'The server refused this access token (HTTP 401). Enter another one.' },
  signInExpired: { vi: 'Mã truy cập đã hết hạn (HTTP 401). Nhập mã mới.', en: 'This access token has expired (HTTP 401). Enter a new one.' },
  tokenLabel: { vi: 'Mã truy cập', en: 'Access token' },
  signInButton: { vi: 'Đăng nhập', en: 'Sign in' },
  signInNote: { vi: 'Mã chỉ được giữ trong thẻ trình duyệt này.', en: 'The token is kept for this browser tab only.' },
} as const satisfies Record<string, Record<Lang, string>>;

export type LabelKey = keyof typeof LABELS;

export function t(key: LabelKey, lang: Lang): string {
  return LABELS[key][lang];
}

export function isLabelKey(key: string): key is LabelKey {
  return Object.hasOwn(LABELS, key);
}

const PHASES: Record<PhaseName, Record<Lang, string>> = {
  PHASE_UNSPECIFIED: { vi: '—', en: '—' },
  PRE_OPEN: { vi: 'Trước giờ', en: 'Pre-open' },
  ATO: { vi: 'ATO', en: 'ATO' },
  CONTINUOUS: { vi: 'Liên tục', en: 'Continuous' },
  LUNCH_BREAK: { vi: 'Nghỉ trưa', en: 'Lunch break' },
  ATC: { vi: 'ATC', en: 'ATC' },
  PUT_THROUGH: { vi: 'Thỏa thuận', en: 'Put-through' },
  CLOSED: { vi: 'Đóng cửa', en: 'Closed' },
};

export function phaseLabel(phase: PhaseName, lang: Lang): string {
  return (PHASES[phase] ?? PHASES.PHASE_UNSPECIFIED)[lang];
}

/** What the connection pill says. 'live' is 'open' with a board received on this socket. */
export type LinkState = ConnectionState | 'live';

const LINK: Record<LinkState, Record<Lang, string>> = {
  connecting: { vi: 'Đang kết nối', en: 'Connecting' },
  open: { vi: 'Đang đồng bộ', en: 'Syncing' },
  live: { vi: 'Trực tuyến', en: 'Live' },
  resyncing: { vi: 'Đang đồng bộ lại', en: 'Resyncing' },
  reconnecting: { vi: 'Mất kết nối', en: 'Disconnected' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
};

export function linkLabel(state: LinkState, lang: Lang): string {
  return LINK[state][lang];
}

const STATUS: Partial<Record<SymbolStatusName, LabelKey>> = {
  STATUS_HALTED: 'halted',
  STATUS_SUSPENDED: 'suspended',
  STATUS_DELISTED: 'delisted',
  STATUS_SPECIAL: 'special',
};

/** The badge a symbol's trading status puts next to it; '' for normal trading (or no status). */
export function statusLabel(status: SymbolStatusName, lang: Lang): string {
  const key = STATUS[status];
  return key ? t(key, lang) : '';
}

export function premiumLabel(p: PremiumName, lang: Lang): string {
  return p === 'PREMIUM' ? t('premium', lang) : p === 'DISCOUNT' ? t('discount', lang) : p === 'PAR' ? t('par', lang) : '';
}

/** Relabels every element under root that carries data-i18n / data-i18n-title / data-i18n-aria. */
export function applyLabels(root: ParentNode, lang: Lang): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = el.dataset.i18n!;
    if (isLabelKey(key)) el.textContent = t(key, lang);
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-title]')) {
    const key = el.dataset.i18nTitle!;
    if (isLabelKey(key)) el.title = t(key, lang);
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-aria]')) {
    const key = el.dataset.i18nAria!;
    if (isLabelKey(key)) el.setAttribute('aria-label', t(key, lang));
  }
}
