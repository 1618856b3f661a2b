import type { FilterEngine, Verdict } from '../index.js';
import { FigureCounter, type Figures } from './figures.js';
import { readLabelled } from './labelled.js';

export interface Evaluation {
  readonly figures: Figures;
  /** Comments per second of this process's CPU time, evaluate() alone. */
  readonly commentsPerCpuSecond: number;
}

/** Runs the engine over a labelled file (ViHOS CSV or our JSONL) and adds up the figures. */
export function evaluateFile(engine: FilterEngine, path: string): Evaluation {
  const comments = readLabelled(path);
  const verdicts: Verdict[] = comments.map((c) => engine.evaluate(c.text));
  const counter = new FigureCounter();
  comments.forEach((c, i) => {
    counter.add(c, verdicts[i]!);
  });
  return {
    figures: counter.figures(),
    commentsPerCpuSecond: throughput(
      engine,
      comments.map((c) => c.text),
    ),
  };
}

/** Comments per CPU-second over at least a second of evaluating, after half a second of warm-up. */
function throughput(engine: FilterEngine, texts: readonly string[]): number {
  if (texts.length === 0) return 0;
  measure(engine, texts, 500_000);
  return measure(engine, texts, 1_000_000);
}

function measure(engine: FilterEngine, texts: readonly string[], microseconds: number): number {
  const cpu = process.cpuUsage();
  let done = 0;
  let used = 0;
  do {
    for (const t of texts) engine.evaluate(t);
    done += texts.length;
    const u = process.cpuUsage(cpu);
    used = u.user + u.system;
  } while (used < microseconds);
  return (done / used) * 1e6;
}
