import { locationOf, meetingHref } from './router';

describe('locationOf', () => {
  it('reads the pages from the hash', () => {
    expect(locationOf('')).toEqual({ route: 'map', meetingId: null });
    expect(locationOf('#/reports?siteId=x')).toEqual({ route: 'reports', meetingId: null });
    expect(locationOf('#/meetings')).toEqual({ route: 'meetings', meetingId: null });
    expect(locationOf('#/meetings/')).toEqual({ route: 'meetings', meetingId: null });
  });

  it('reads a meeting id back from its link', () => {
    expect(locationOf(meetingHref('5b0c2a4e-1d7f-4a53-9d3a-3f0f5e2b6c11'))).toEqual({
      route: 'meeting',
      meetingId: '5b0c2a4e-1d7f-4a53-9d3a-3f0f5e2b6c11',
    });
  });

  it('leaves in-page anchors alone', () => {
    expect(locationOf('#main')).toBeNull();
  });
});
