// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, test } from 'vitest';
import { CANVAS_THRESHOLD, GraphExplorer, neighbourInDirection, type ExplorerNode } from '../../components/graph/GraphExplorer.tsx';
import { groupColours, GRAPH_PALETTE, UNCATEGORISED } from '../../components/graph/palette.ts';

afterEach(cleanup);

// a small hand-made graph: a centre (0) with neighbours right (1), left (2), below (3); 4 is unlinked
const small: ExplorerNode[] = [
  { slug: 'centre', title: 'Centre', x: 100, y: 100, r: 10, colour: '#000', backlinks: 3 },
  { slug: 'east', title: 'East', x: 200, y: 110, r: 5, colour: '#111', backlinks: 1 },
  { slug: 'west', title: 'West', x: 0, y: 90, r: 5, colour: '#222', backlinks: 1 },
  { slug: 'south', title: 'South', x: 95, y: 200, r: 5, colour: '#333', backlinks: 0 },
  { slug: 'island', title: 'Island', x: 300, y: 300, r: 4, colour: '#444', backlinks: 0 },
];
const smallEdges: [number, number][] = [[0, 1], [2, 0], [0, 3], [1, 0]];

/** A synthetic graph of n nodes on a grid, each linked to its right and lower neighbour. */
function grid(n: number): { nodes: ExplorerNode[]; edges: [number, number][] } {
  const side = Math.ceil(Math.sqrt(n));
  const nodes = Array.from({ length: n }, (_, i) => ({ slug: `n${i}`, title: `Node ${i}`, x: 10 + (i % side) * 10, y: 10 + Math.floor(i / side) * 10, r: 3, colour: '#0072b2', backlinks: i % 7 }));
  const edges: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    if ((i + 1) % side !== 0 && i + 1 < n) edges.push([i, i + 1]);
    if (i + side < n) edges.push([i, i + side]);
  }
  return { nodes, edges };
}

describe('GraphExplorer', () => {
  test('GraphExplorer renders on the server as static SVG: every node a link to its article with a <title>, one line per edge', () => {
    const html = renderToString(<GraphExplorer width={400} height={400} nodes={small} edges={smallEdges} label="Test graph" />);
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    const links = [...doc.querySelectorAll('svg a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(small.map((n) => `/wiki/${n.slug}/`));
    expect(links.map((a) => a.querySelector('title')?.textContent)).toEqual(['Centre (3 backlinks)', 'East (1 backlink)', 'West (1 backlink)', 'South (0 backlinks)', 'Island (0 backlinks)']);
    expect(doc.querySelectorAll('svg line')).toHaveLength(smallEdges.length);
    expect(doc.querySelector('svg')?.getAttribute('aria-label')).toBe('Test graph');
    // the controls need JavaScript, so the server render has none
    expect(doc.querySelector('input, button')).toBeNull();
  });

  test('GraphExplorer search highlights the matching nodes and dims the rest', () => {
    const { container } = render(<GraphExplorer width={400} height={400} nodes={small} edges={smallEdges} label="Test graph" />);
    const input = container.querySelector('input[type="search"]') as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'st' } });
    const cls = (slug: string) => container.querySelector(`a[data-slug="${slug}"]`)!.getAttribute('class');
    expect(cls('east')).toContain('is-match');
    expect(cls('west')).toContain('is-match');
    expect(cls('centre')).toContain('is-dim');
    expect(container.querySelector('.graph-matches')!.textContent).toBe('2 articles match');
  });

  test('GraphExplorer zoom buttons scale the drawing and Reset view restores it', () => {
    const { container, getByRole } = render(<GraphExplorer width={400} height={400} nodes={small} edges={smallEdges} label="Test graph" />);
    const g = () => container.querySelector('svg > g')!.getAttribute('transform');
    expect(g()).toBe('translate(0 0) scale(1)');
    fireEvent.click(getByRole('button', { name: 'Zoom in' }));
    // zooming about the centre (200, 200) by 1.4 moves the origin to 200 - 200·1.4 = -80
    expect(g()).toBe('translate(-80 -80) scale(1.4)');
    fireEvent.click(getByRole('button', { name: 'Reset view' }));
    expect(g()).toBe('translate(0 0) scale(1)');
  });

  test('GraphExplorer arrow keys move focus to the neighbour in that direction and list its neighbours', () => {
    const { container } = render(<GraphExplorer width={400} height={400} nodes={small} edges={smallEdges} label="Test graph" />);
    const centre = container.querySelector('a[data-slug="centre"]')!;
    fireEvent.focus(centre);
    const nav = () => container.querySelector('.graph-neighbours nav')!;
    expect(nav().getAttribute('aria-label')).toBe('Neighbours of Centre');
    expect([...nav().querySelectorAll('li button')].map((b) => b.textContent)).toEqual(['East', 'South', 'West']);
    fireEvent.keyDown(centre, { key: 'ArrowRight' });
    expect(container.querySelector('.is-current')?.getAttribute('data-slug')).toBe('east');
    expect(nav().getAttribute('aria-label')).toBe('Neighbours of East');
    // East's only neighbour is to its left: going right is announced, not silently ignored
    fireEvent.keyDown(container.querySelector('a[data-slug="east"]')!, { key: 'ArrowRight' });
    expect(container.querySelector('[role="status"]')!.textContent).toBe('No neighbour of East to the right.');
    // the list of neighbours moves focus too
    fireEvent.click([...nav().querySelectorAll('li button')].find((b) => b.textContent === 'Centre')!);
    fireEvent.keyDown(container.querySelector('a[data-slug="centre"]')!, { key: 'ArrowDown' });
    expect(container.querySelector('.is-current')?.getAttribute('data-slug')).toBe('south');
  });

  test('neighbourInDirection picks the neighbour within 60° of the arrow and ignores non-neighbours', () => {
    expect(neighbourInDirection(small, [1, 2, 3], 0, 1, 0)).toBe(1);
    expect(neighbourInDirection(small, [1, 2, 3], 0, -1, 0)).toBe(2);
    expect(neighbourInDirection(small, [1, 2, 3], 0, 0, 1)).toBe(3);
    expect(neighbourInDirection(small, [1, 2, 3], 0, 0, -1)).toBeUndefined();
    // the island at (300, 300) is down-right but not a neighbour
    expect(neighbourInDirection(small, [], 0, 1, 1)).toBeUndefined();
  });

  test(`GraphExplorer draws above ${CANVAS_THRESHOLD} nodes on a canvas once hydrated, and keeps keyboard moves there`, () => {
    const { nodes, edges } = grid(CANVAS_THRESHOLD + 100);
    const side = Math.ceil(Math.sqrt(nodes.length));
    // the server render (and so the page without JavaScript) is still SVG
    expect(renderToString(<GraphExplorer width={500} height={500} nodes={nodes} edges={edges} label="Big" />)).toContain('<svg');
    const { container } = render(<GraphExplorer width={500} height={500} nodes={nodes} edges={edges} label="Big" />);
    const canvas = container.querySelector('canvas')!;
    expect(canvas).not.toBeNull();
    expect(container.querySelector('svg')).toBeNull();
    expect(container.querySelector('.graph-explorer')!.getAttribute('data-renderer')).toBe('canvas');
    expect(canvas.getAttribute('data-node-count')).toBe(String(nodes.length));
    expect(canvas.getAttribute('aria-label')).toMatch(/^Big .*arrow keys/);
    // focusing the canvas selects an article; arrows move between grid neighbours
    fireEvent.focus(canvas);
    const status = () => container.querySelector('[role="status"]')!.textContent;
    const first = /^(Node \d+):/.exec(status())![1]!;
    const i = Number(first.slice(5));
    fireEvent.keyDown(canvas, { key: 'ArrowDown' });
    // the node one grid row below
    expect(status()).toMatch(new RegExp(`^Node ${i + side}:`));
  });

  test('GraphExplorer stays on SVG at or below the canvas threshold', () => {
    const { nodes, edges } = grid(200);
    const { container } = render(<GraphExplorer width={500} height={500} nodes={nodes} edges={edges} label="Mid" canvasThreshold={200} />);
    expect(container.querySelector('canvas')).toBeNull();
    expect(container.querySelectorAll('svg a')).toHaveLength(200);
  });
});

describe('groupColours', () => {
  test('groupColours sorts groups, gives each a palette colour and puts uncategorised last in grey', () => {
    expect(groupColours(['b', '', 'a', 'b'])).toEqual([
      { group: 'a', colour: GRAPH_PALETTE[0] },
      { group: 'b', colour: GRAPH_PALETTE[1] },
      { group: '', colour: UNCATEGORISED },
    ]);
  });
});
