import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

// Chart.js with only what a stacked bar chart needs registered, so the rest is left out of the bundle. Loaded
// on demand (a separate chunk): an officer who never opens the counts never downloads it.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

// The app's type and muted text colour, not Chart.js's own defaults.
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily || 'system-ui, sans-serif';
Chart.defaults.font.size = 13;
Chart.defaults.color = '#46525c';

export { Chart };
