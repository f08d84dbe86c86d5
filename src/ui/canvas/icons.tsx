/** Small inline icons for the canvas and the palette (decorative: aria-hidden). */
import type { ElementKind } from '../../sim/index';

const common = {
  width: 18,
  height: 18,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.8,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
} as const;

export function KindIcon({ kind, size = 18 }: { kind: ElementKind; size?: number }) {
  const p = { ...common, width: size, height: size };
  switch (kind) {
    case 'subnet':
      return (
        <svg {...p}>
          <rect x="3" y="4" width="18" height="4" rx="1" />
          <path d="M7 8v5M12 8v5M17 8v5" />
          <rect x="4.5" y="13" width="5" height="6" rx="1" />
          <rect x="14.5" y="13" width="5" height="6" rx="1" />
        </svg>
      );
    case 'router':
      return (
        <svg {...p}>
          <circle cx="12" cy="12" r="8.5" />
          <path d="M8 9h7l-2-2M16 15H9l2 2" />
        </svg>
      );
    case 'node':
      return (
        <svg {...p}>
          <rect x="3" y="4" width="18" height="7" rx="1.5" />
          <rect x="3" y="13" width="18" height="7" rx="1.5" />
          <path d="M7 7.5h.01M7 16.5h.01" />
        </svg>
      );
    case 'pod':
      return (
        <svg {...p}>
          <path d="M12 3l8 4.5v9L12 21l-8-4.5v-9z" />
          <path d="M4 7.5l8 4.5 8-4.5M12 12v9" />
        </svg>
      );
    case 'service':
      return (
        <svg {...p}>
          <circle cx="12" cy="5" r="2.2" />
          <circle cx="5" cy="19" r="2.2" />
          <circle cx="12" cy="19" r="2.2" />
          <circle cx="19" cy="19" r="2.2" />
          <path d="M12 7.2v9.6M11 7l-5 10M13 7l5 10" />
        </svg>
      );
    case 'loadBalancer':
      return (
        <svg {...p}>
          <path d="M12 3v5M12 8l-7 6M12 8l7 6M12 8v6" />
          <rect x="3" y="14" width="4" height="5" rx="1" />
          <rect x="10" y="14" width="4" height="5" rx="1" />
          <rect x="17" y="14" width="4" height="5" rx="1" />
        </svg>
      );
    case 'ingress':
      return (
        <svg {...p}>
          <path d="M3 12h10M9 8l4 4-4 4" />
          <path d="M14 4h6v16h-6" />
        </svg>
      );
    case 'client':
      return (
        <svg {...p}>
          <rect x="5" y="5" width="14" height="10" rx="1.5" />
          <path d="M3 19h18" />
        </svg>
      );
  }
}
