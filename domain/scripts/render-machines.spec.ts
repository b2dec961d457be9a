import * as fs from 'node:fs';
import { defineMachine } from '../state-machine';
import { README_PATH, renderMachinesSection, renderMachineTable, replaceMachinesSection } from './render-machines';

describe('render-machines', () => {
  it('renders a machine as a markdown table', () => {
    const m = defineMachine({
      name: 'lamp',
      states: ['off', 'on'],
      transitions: { toggleOn: { from: ['off'], to: 'on', description: 'Switch on.' } },
    });
    expect(renderMachineTable(m)).toBe(
      ['### lamp', '', 'States: `off`, `on`. Terminal: `on`.', '', '| event | from | to | meaning |', '|---|---|---|---|', '| `toggleOn` | `off` | `on` | Switch on. |'].join('\n'),
    );
  });

  it('replaces only the generated section and needs the markers', () => {
    const readme = 'before\n<!-- machines:start -->\nstale\n<!-- machines:end -->\nafter\n';
    const next = replaceMachinesSection(readme);
    expect(next.startsWith('before\n<!-- machines:start -->')).toBe(true);
    expect(next.endsWith('<!-- machines:end -->\nafter\n')).toBe(true);
    expect(next).not.toContain('stale');
    expect(() => replaceMachinesSection('no markers')).toThrow(/markers/);
  });

  it('keeps domain/README.md in sync with the machine definitions', () => {
    const readme = fs.readFileSync(README_PATH, 'utf8');
    expect(readme).toContain(renderMachinesSection());
  });
});
