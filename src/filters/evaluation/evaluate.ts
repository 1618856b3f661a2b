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
  const verdicts: Verdict[] = [];
  const cpu = process.cpuUsage();
  for (const c of comments) verdicts.push(engine.evaluate(c.text));
  const used = process.cpuUsage(cpu);
  const counter = new FigureCounter();
  comments.forEach((c, i) => counter.add(c, verdicts[i]!));
  return { figures: counter.figures(), commentsPerCpuSecond: (comments.length / (used.user + used.system)) * 1e6 };
}
