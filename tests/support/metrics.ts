/** Reading the process's own prom-client metrics in tests (the service under test runs in it). */

interface ReadableMetric {
  get(): Promise<{ values: { value: number; labels: Record<string, unknown> }[] }>;
}

/** The sum of a metric's series whose labels include `labels` (all series without labels). */
export async function counterValue(metric: ReadableMetric, labels: Record<string, string> = {}): Promise<number> {
  const { values } = await metric.get();
  return values.filter((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l)).reduce((sum, v) => sum + v.value, 0);
}
