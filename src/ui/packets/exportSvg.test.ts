import { describe, expect, it } from 'vitest';
import { escapeXml, pictureSvg } from './exportSvg';

describe('the exported picture', () => {
  const svg = pictureSvg({
    title: 'client → web:80 <delivered>',
    boxes: [
      { kind: 'subnet', x: 0, y: 0, w: 400, h: 200, title: 'rack-a', lines: ['192.168.1.0/24'] },
      { kind: 'pod', x: 40, y: 60, w: 150, h: 50, title: 'client', lines: ['10.244.0.2'] },
      { kind: 'pod', x: 220, y: 60, w: 150, h: 50, title: 'web & co', lines: ['10.244.1.2'] },
    ],
    links: [{ d: 'M 0 0 L 10 10', dashed: true, color: '#16a34a' }],
    labels: [{ x: 5, y: 5, text: 'eth0 192.168.1.1' }],
    path: [
      { x: 115, y: 85, n: 1, label: 'client' },
      { x: 295, y: 85, n: 2, label: 'web' },
    ],
    pathColor: '#0072B2',
  });

  it('is one SVG document with every element, its name and address, and the numbered path', () => {
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg.match(/<svg /g)).toHaveLength(1);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('>10.244.1.2</text>');
    expect(svg).toContain('data-step="1"');
    expect(svg).toContain('data-step="2"');
    expect(svg).toContain('<polyline points="115,85 295,85"');
    expect(svg).toContain('stroke-dasharray');
  });

  it('escapes text, so a name cannot break the document', () => {
    expect(svg).toContain('web &amp; co');
    expect(svg).toContain('&lt;delivered&gt;');
    expect(svg).not.toContain('<delivered>');
    expect(escapeXml(`a"b'c`)).toBe('a&quot;b&apos;c');
  });

  it('frames everything drawn: the view box holds every box and path point', () => {
    const [, x, y, w, h] = svg.match(/viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"/)!.map(Number);
    expect(x!).toBeLessThan(0);
    expect(y!).toBeLessThan(0);
    expect(x! + w!).toBeGreaterThan(400);
    expect(y! + h!).toBeGreaterThan(200);
  });
});
