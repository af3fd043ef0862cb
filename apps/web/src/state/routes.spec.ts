import { chatPath } from '@samverkan/contracts';
import { channelHref, locationOf, meetingHref, reportsHref, zoneHref } from './routes';

describe('locationOf', () => {
  it('reads the pages from the hash', () => {
    expect(locationOf('')).toEqual({ route: 'map', meetingId: null, siteId: null, channelId: null, zoneId: null });
    expect(locationOf('#/reports')).toEqual({ route: 'reports', meetingId: null, siteId: null, channelId: null, zoneId: null });
    expect(locationOf('#/meetings')).toEqual({ route: 'meetings', meetingId: null, siteId: null, channelId: null, zoneId: null });
    expect(locationOf('#/meetings/')).toEqual({ route: 'meetings', meetingId: null, siteId: null, channelId: null, zoneId: null });
  });

  it('reads a meeting id back from its link', () => {
    expect(locationOf(meetingHref('5b0c2a4e-1d7f-4a53-9d3a-3f0f5e2b6c11'))).toEqual({
      route: 'meeting',
      meetingId: '5b0c2a4e-1d7f-4a53-9d3a-3f0f5e2b6c11',
      siteId: null,
      channelId: null,
      zoneId: null,
    });
  });

  it("reads the reports page's site back from its link", () => {
    expect(locationOf(reportsHref('5b0c2a4e-1d7f-4a53-9d3a-3f0f5e2b6c11'))).toEqual({
      route: 'reports',
      meetingId: null,
      siteId: '5b0c2a4e-1d7f-4a53-9d3a-3f0f5e2b6c11',
      channelId: null,
      zoneId: null,
    });
    expect(reportsHref(null)).toBe('#/reports');
  });

  it("reads a channel back from its link and from a push notification's address", () => {
    const channelId = '5b0c2a4e-1d7f-4a53-9d3a-3f0f5e2b6c11';
    const open = { route: 'map', meetingId: null, siteId: null, channelId, zoneId: null };
    expect(locationOf(channelHref(channelId))).toEqual(open);
    expect(locationOf(new URL(chatPath(channelId), 'https://samverkan.example').hash)).toEqual(open);
  });

  it('reads a zone back from its link, as a tapped notice opens it', () => {
    const zoneId = '5b0c2a4e-1d7f-4a53-9d3a-3f0f5e2b6c11';
    expect(locationOf(zoneHref(zoneId))).toEqual({ route: 'map', meetingId: null, siteId: null, channelId: null, zoneId });
    expect(locationOf('#/zones/')).toEqual({ route: 'map', meetingId: null, siteId: null, channelId: null, zoneId: null });
  });

  it('leaves in-page anchors alone', () => {
    expect(locationOf('#main')).toBeNull();
  });
});
