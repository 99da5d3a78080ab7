// Wall-clock microseconds from the monotonic clock: performance.timeOrigin + now() is the same
// time base in every thread of the process (and, to NTP accuracy, across processes), which is
// what frame latency is measured against.

/** Now, in whole microseconds since the Unix epoch. */
export function nowUs(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1000);
}

/** Now, in microseconds with the sub-microsecond fraction kept: for latencies measured inside one process. */
export function nowUsFine(): number {
  return (performance.timeOrigin + performance.now()) * 1000;
}
