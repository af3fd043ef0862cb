import { setFlagsFromString } from 'node:v8';
import { growHeapForSteadyLoad, HEAP_GROWING_PERCENT } from './heap-growth';

jest.mock('node:v8', () => ({ setFlagsFromString: jest.fn() }));

describe('the heap growing factor set at start', () => {
  beforeEach(() => jest.mocked(setFlagsFromString).mockClear());

  it('lets the old generation grow to twice the live heap', () => {
    expect(growHeapForSteadyLoad([])).toBe(true);
    expect(HEAP_GROWING_PERCENT).toBe(100);
    expect(setFlagsFromString).toHaveBeenCalledWith('--heap-growing-percent=100');
  });

  it.each([['--heap-growing-percent=50'], ['--heap_growing_percent=300']])(
    'leaves a factor given to node alone (%s)',
    (flag) => {
      expect(growHeapForSteadyLoad(['--enable-source-maps', flag])).toBe(false);
      expect(setFlagsFromString).not.toHaveBeenCalled();
    },
  );
});
