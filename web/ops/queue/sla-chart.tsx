import type { TaskSummary } from "../ops-types.js";

/** Props of {@link SlaChart}. */
export interface SlaChartProps {
  sla: TaskSummary["by_sla"];
}

const BARS = [
  { key: "on_track", label: "On track", className: "bar-on-track" },
  { key: "due_soon", label: "Due soon", className: "bar-due-soon" },
  { key: "overdue", label: "Overdue", className: "bar-overdue" },
] as const;

const WIDTH = 260;
const LABEL_WIDTH = 70;
const COUNT_WIDTH = 36;
const ROW = 22;

/** A three-bar horizontal chart of open tasks by SLA health, drawn as inline SVG (no chart library). */
export function SlaChart({ sla }: SlaChartProps) {
  const max = Math.max(1, sla.on_track, sla.due_soon, sla.overdue);
  const track = WIDTH - LABEL_WIDTH - COUNT_WIDTH;
  const summary = BARS.map((b) => `${sla[b.key]} ${b.label.toLowerCase()}`).join(", ");
  return (
    <svg
      className="sla-chart"
      viewBox={`0 0 ${WIDTH} ${ROW * BARS.length}`}
      role="img"
      aria-label={`Open tasks by SLA health: ${summary}`}
      data-testid="sla-chart"
    >
      {BARS.map((bar, i) => {
        const value = sla[bar.key];
        const y = i * ROW;
        const width = value === 0 ? 0 : Math.max(3, (value / max) * track);
        return (
          <g key={bar.key}>
            <text x={0} y={y + 15} className="sla-chart-label">
              {bar.label}
            </text>
            <rect x={LABEL_WIDTH} y={y + 4} width={track} height={14} rx={3} className="sla-chart-track" />
            <rect x={LABEL_WIDTH} y={y + 4} width={width} height={14} rx={3} className={bar.className} />
            <text x={LABEL_WIDTH + track + 6} y={y + 15} className="sla-chart-count">
              {value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
