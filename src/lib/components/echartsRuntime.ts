// The parts of ECharts the dashboard draws with (bar, line and Sankey series; title, tooltip,
// legend and grid), registered once: the browser loads these instead of the whole library.
// A chart type or component used anywhere else must be added here too.
import { init, use } from 'echarts/core';
import { BarChart, LineChart, SankeyChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, SankeyChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export { init };
