/** The Siyu mark: a rounded square with an S, drawn inline so that it needs no file. */
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id="siyu-logo" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#4096ff" />
          <stop offset="1" stopColor="#13c2c2" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="8" fill="url(#siyu-logo)" />
      <path
        d="M9 21.5c1.6 1.4 3.9 2.2 6.6 2.2 3.9 0 6.4-1.8 6.4-4.7 0-2.6-1.8-3.7-5.3-4.5l-1.9-.4c-1.9-.4-2.6-.9-2.6-1.8 0-1.1 1.1-1.8 2.8-1.8 1.8 0 3.3.6 4.5 1.7l1.8-2.4c-1.5-1.4-3.7-2.2-6.2-2.2-3.7 0-6.2 1.9-6.2 4.8 0 2.5 1.7 3.7 5.1 4.4l1.9.4c2.1.5 2.8 1 2.8 1.9 0 1.2-1.2 1.9-3.1 1.9-2 0-3.7-.7-5-2z"
        fill="#fff"
      />
    </svg>
  );
}
