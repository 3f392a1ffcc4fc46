import { ChartFrame, type ChartCardProps } from "./chart-frame";
import { ChartSvg } from "./chart-svg";

/**
 * The one chart card: a chart drawn on the server as SVG (no chart code in the browser), the same
 * numbers as an accessible table on demand, and a CSV of exactly those numbers.
 */
export function ChartCard(props: ChartCardProps) {
  const { kind, ...frame } = props;
  return <ChartFrame {...frame} plot={<ChartSvg rows={props.rows} series={props.series} kind={kind} />} />;
}
