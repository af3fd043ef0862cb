import { spawnSync } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { growHeapForSteadyLoad, HEAP_GROWING_FLAG } from './heap-growth';

jest.mock('node:v8', () => ({ setFlagsFromString: jest.fn() }));

/** Whether this node starts with `flag` on its command line (it refuses a flag V8 does not know: "bad option"). */
function nodeTakes(flag: string): boolean {
  return spawnSync(process.execPath, [flag, '-e', '0'], { encoding: 'utf8' }).status === 0;
}

describe('the heap growing factor set at start', () => {
  beforeEach(() => jest.mocked(setFlagsFromString).mockClear());

  it('lets the old generation grow to twice the live heap, with a flag this node knows', () => {
    expect(HEAP_GROWING_FLAG).toBe('--heap-growing-percent=100');
    // setFlagsFromString would ignore a misspelt flag without a word: node's command line refuses it.
    expect(nodeTakes(HEAP_GROWING_FLAG)).toBe(true);
    expect(nodeTakes('--heap-growin-percent=100')).toBe(false);

    expect(growHeapForSteadyLoad([])).toBe(true);
    expect(setFlagsFromString).toHaveBeenCalledWith(HEAP_GROWING_FLAG);
  });

  it.each([['--heap-growing-percent=50'], ['--heap_growing_percent=300']])(
    'leaves a factor given to node alone (%s)',
    (flag) => {
      expect(growHeapForSteadyLoad(['--enable-source-maps', flag])).toBe(false);
      expect(setFlagsFromString).not.toHaveBeenCalled();
    },
  );
});
