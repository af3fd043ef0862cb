// Stroke icons on a 24 × 24 grid. Always decorative: the control that holds one carries the text or label.

const PATHS = {
  messages: 'M4 5h16v11H9l-5 4V5zM8 9h8M8 12h5',
  list: 'M8 6h12M8 12h12M8 18h12M4 6h.01M4 12h.01M4 18h.01',
  legend: 'M12 3l9 5-9 5-9-5 9-5zM3 13l9 5 9-5',
  plus: 'M12 5v14M5 12h14',
  locate: 'M12 2v3M12 19v3M2 12h3M19 12h3M12 8a4 4 0 1 0 .01 0M12 11.5v1',
  close: 'M6 6l12 12M18 6L6 18',
  back: 'M15 5l-7 7 7 7',
  alert: 'M12 3l10 18H2L12 3zM12 10v5M12 18v.01',
  send: 'M4 12l16-8-6 16-3-7-7-1z',
  check: 'M5 12l5 5 9-10',
  people:
    'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2.5 20a6.5 6.5 0 0 1 13 0M16 4.5a3.5 3.5 0 0 1 0 6.5M18 14a6 6 0 0 1 3.5 6',
  map: 'M9 4L3 6v14l6-2 6 2 6-2V4l-6 2-6-2zM9 4v14M15 6v14',
  edit: 'M4 20h4L19 9l-4-4L4 16v4zM13.5 6.5l4 4',
  history: 'M3 12a9 9 0 1 0 3-6.7M3 4v4h4M12 8v4l3 2',
  key: 'M11 9a4 4 0 1 0 8 0a4 4 0 1 0-8 0M12.2 11.8L4 20M7 17l2 2M9.5 14.5l2 2',
  bell: 'M6 16V11a6 6 0 1 1 12 0v5l2 2H4l2-2zM10 20a2 2 0 0 0 4 0',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 20 }: { name: IconName; size?: number }) {
  return (
    <svg
      class="icon"
      viewBox="0 0 24 24"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
