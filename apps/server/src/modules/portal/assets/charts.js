// Interactive charts (progressive enhancement): the server draws each chart as SVG; when a chart scrolls
// into view this loads ECharts from the portal's own files and redraws it with tooltips. The data table
// above the charts stays the accessible form of the same figures.

const charts = document.querySelectorAll('.chart[data-chart]');
let library = null;

function load(url) {
  library ||= import(url);
  return library;
}

async function enhance(el) {
  const echarts = await load(el.dataset.echarts);
  const data = JSON.parse(el.dataset.chart);
  const fallback = el.innerHTML;
  el.textContent = '';
  el.style.height = '240px';
  try {
    const chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: !matchMedia('(prefers-reduced-motion: reduce)').matches,
      grid: { left: 64, right: 16, top: 28, bottom: 36 },
      textStyle: { fontFamily: 'system-ui, sans-serif', color: '#3f4a55' },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) =>
          v === null || v === undefined
            ? '–'
            : `${v.toLocaleString(document.documentElement.lang)} ${data.unit}`,
      },
      xAxis: { type: 'category', data: data.labels, axisLabel: { color: '#3f4a55' } },
      yAxis: {
        type: 'value',
        name: data.unit,
        nameTextStyle: { color: '#3f4a55' },
        axisLabel: { color: '#3f4a55' },
      },
      series: [
        { type: 'bar', name: data.name, data: data.values, itemStyle: { color: '#0a4d8c' }, barMaxWidth: 48 },
      ],
    });
    new ResizeObserver(() => chart.resize()).observe(el);
  } catch (err) {
    el.innerHTML = fallback;
    console.warn('chart unavailable', err);
  }
}

if (charts.length) {
  const seen = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        seen.unobserve(e.target);
        enhance(e.target).catch((err) => console.warn('chart unavailable', err));
      }
    },
    { rootMargin: '200px' },
  );
  for (const el of charts) seen.observe(el);
}
