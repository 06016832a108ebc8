import { Box } from '@mantine/core';
import type { EChartsCoreOption } from 'echarts';
import { useEffect, useRef } from 'react';

/**
 * An Apache ECharts chart. ECharts is loaded on first use (it is large), and the chart follows its box's size.
 * `label` names the chart for screen readers; the figures are always in a table beside it.
 */
export function EChart({
  option,
  height = 320,
  label,
}: {
  option: EChartsCoreOption;
  height?: number;
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<{
    setOption(o: EChartsCoreOption, notMerge?: boolean): void;
    resize(): void;
    dispose(): void;
  } | null>(null);
  // The chart is created once per mount; option changes are applied by the effect below.
  // biome-ignore lint/correctness/useExhaustiveDependencies: created once per mount
  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void import('echarts').then((echarts) => {
      if (disposed || !ref.current) return;
      const instance = echarts.init(ref.current, undefined, { renderer: 'svg' });
      chart.current = instance;
      instance.setOption(option, true);
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(ref.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <Box ref={ref} h={height} role="img" aria-label={label} />;
}
