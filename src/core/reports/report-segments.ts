// Which rollup rows a sales report over [from, to] reads (decisions 0031 and 0033). Products are kept per day
// (product_rollups), per dekad (product_dekad_rollups: days 1–10, 11–20, 21–end, keyed by the dekad's first day) and
// per month (product_month_rollups). A range is cut into whole months, whole dekads and days; a part of a bucket can
// also be read as the whole bucket less the days it leaves out. Each bucket read costs about its rows — a day ~ the
// products sold that day, a dekad or a month ~ the catalogue — so the plan with the fewest estimated rows is taken.
// A 30-day window across two months then reads ~3 dekads and ≤ ~9 days instead of ~29 days (decision 0031).

/** A part of the range: buckets [lo, hi] of one table, added (+1) or taken out (-1). */
export interface Segment {
  table: 'day' | 'dekad' | 'month';
  /** Days 'YYYY-MM-DD', dekads by their first day ('YYYY-MM-01' / '-11' / '-21'), months 'YYYY-MM'. */
  lo: string;
  hi: string;
  part: 1 | -1;
}

/** The cost of reading one dekad or one month, in days' rows; Infinity leaves that table out. */
export interface BucketCosts {
  dekad: number;
  month: number;
}

// A busy register sells ~1 400 of its ~2 000 products a day and nearly all of them in a dekad or a month
// (bench/year); a quieter one sells fewer a day, which makes days cheaper still against the larger buckets.
export const BUCKET_COSTS: BucketCosts = { dekad: 1.5, month: 2 };
/** Decision 0031's plan (months and days, a partial month read as days when at most half of it): the bench's A/B. */
export const MONTHS_AND_DAYS: BucketCosts = { dekad: Number.POSITIVE_INFINITY, month: 0 };

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
const addDays = (day: string, days: number) => dayOf(ms(day) + days * DAY_MS);
const span = (lo: string, hi: string) => Math.round((ms(hi) - ms(lo)) / DAY_MS) + 1;
const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const monthEnd = (day: string) => {
  const d = new Date(ms(monthStart(day)));
  d.setUTCMonth(d.getUTCMonth() + 1);
  return dayOf(d.getTime() - DAY_MS);
};
/** The first day of the dekad `day` falls in. */
export const dekadOf = (day: string): string => {
  const dd = Number(day.slice(8, 10));
  return `${day.slice(0, 8)}${dd <= 10 ? '01' : dd <= 20 ? '11' : '21'}`;
};
const dekadEnd = (day: string) => {
  const start = dekadOf(day);
  return start.endsWith('21') ? monthEnd(day) : addDays(start, 9);
};

interface Plan {
  segments: Segment[];
  cost: number;
}

const plan = (segments: Segment[], cost: number): Plan => ({ segments, cost });
const negate = (p: Plan): Plan => plan(p.segments.map((s) => ({ ...s, part: s.part === 1 ? -1 : 1 })), p.cost);
const join = (...plans: Plan[]): Plan =>
  plan(
    plans.flatMap((p) => p.segments),
    plans.reduce((sum, p) => sum + p.cost, 0),
  );
const cheaper = (a: Plan, b: Plan): Plan => (b.cost < a.cost ? b : a);
const days = (lo: string, hi: string): Plan =>
  lo > hi ? plan([], 0) : plan([{ table: 'day', lo, hi, part: 1 }], span(lo, hi));

/** The days of [start, end] outside [lo, hi] (lo and hi inside it), each as a plan built by `cover`. */
const outside = (start: string, end: string, lo: string, hi: string, cover: (lo: string, hi: string) => Plan) =>
  join(lo > start ? cover(start, addDays(lo, -1)) : plan([], 0), hi < end ? cover(addDays(hi, 1), end) : plan([], 0));

/** Days [lo, hi] of one dekad: as days, or as the dekad less its other days. */
function withinDekad(lo: string, hi: string, costs: BucketCosts): Plan {
  const start = dekadOf(lo);
  const end = dekadEnd(lo);
  const whole = plan([{ table: 'dekad', lo: start, hi: start, part: 1 }], costs.dekad);
  if (lo === start && hi === end && costs.dekad !== Number.POSITIVE_INFINITY) return whole;
  if (costs.dekad === Number.POSITIVE_INFINITY) return days(lo, hi);
  return cheaper(days(lo, hi), join(whole, negate(outside(start, end, lo, hi, days))));
}

/** Days [lo, hi] of one month, dekad by dekad. */
function byDekads(lo: string, hi: string, costs: BucketCosts): Plan {
  const parts: Plan[] = [];
  for (let day = lo; day <= hi; day = addDays(dekadEnd(day), 1)) {
    const end = dekadEnd(day);
    parts.push(withinDekad(day, end < hi ? end : hi, costs));
  }
  return join(...parts);
}

/** Days [lo, hi] of one month: dekad by dekad, or as the month less the days (by dekads) it leaves out. */
function withinMonth(lo: string, hi: string, costs: BucketCosts): Plan {
  const start = monthStart(lo);
  const end = monthEnd(lo);
  const month = plan([{ table: 'month', lo: lo.slice(0, 7), hi: lo.slice(0, 7), part: 1 }], costs.month);
  if (lo === start && hi === end && costs.month !== Number.POSITIVE_INFINITY) return month;
  const parts = byDekads(lo, hi, costs);
  if (costs.month === Number.POSITIVE_INFINITY) return parts;
  return cheaper(parts, join(month, negate(outside(start, end, lo, hi, (a, b) => byDekads(a, b, costs)))));
}

const nextBucket = (s: Segment): string => {
  if (s.table === 'day') return addDays(s.hi, 1);
  if (s.table === 'dekad') return addDays(dekadEnd(s.hi), 1);
  return addDays(monthEnd(`${s.hi}-01`), 1).slice(0, 7);
};

/** Neighbouring segments of one table and sign as one (one range read instead of two). */
function merged(list: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of list) {
    const last = out.at(-1);
    if (last && last.table === s.table && last.part === s.part && nextBucket(last) === s.lo) last.hi = s.hi;
    else out.push({ ...s });
  }
  return out;
}

/** [from, to] as whole months, and in the months at each end whole dekads and days, added or taken out. */
export function segments(from: string, to: string, costs: BucketCosts = BUCKET_COSTS): Segment[] {
  if (from > to) return [];
  if (from.slice(0, 7) === to.slice(0, 7)) return merged(withinMonth(from, to, costs).segments);
  const head = withinMonth(from, monthEnd(from), costs).segments;
  const tail = withinMonth(monthStart(to), to, costs).segments;
  const firstWhole = addDays(monthEnd(from), 1).slice(0, 7);
  const lastWhole = addDays(monthStart(to), -1).slice(0, 7);
  const middle: Segment[] = firstWhole <= lastWhole ? [{ table: 'month', lo: firstWhole, hi: lastWhole, part: 1 }] : [];
  return merged([...head, ...middle, ...tail]);
}
