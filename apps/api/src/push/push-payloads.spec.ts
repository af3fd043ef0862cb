import { PUSH_LIMITS, type Message } from '@samverkan/contracts';
import { alertPushPayload, directPushPayload, pushTopic } from './push-payloads';

const message: Message = {
  id: '0b6f7c1e-1111-4a2b-9c3d-123456789abc',
  channelId: '5d2e8a90-2222-4b3c-8d4e-abcdefabcdef',
  seq: 7,
  clientId: '7a1b2c3d-3333-4c4d-9e5f-0123456789ab',
  authorId: '9f8e7d6c-4444-4d5e-8f60-fedcba987654',
  authorName: 'Kim Karlsson',
  organisationId: '1a2b3c4d-5555-4e6f-8a7b-0a1b2c3d4e5f',
  body: 'Överdos vid Möllan, ambulans på väg',
  priority: 'urgent',
  createdAt: '2026-12-07T04:00:00.000Z',
};

describe('push payloads', () => {
  it('an alert carries its text, its channel and message, the path to open and a tag per alert', () => {
    expect(alertPushPayload(message)).toEqual({
      kind: 'alert',
      channelId: message.channelId,
      messageId: message.id,
      authorName: 'Kim Karlsson',
      body: 'Överdos vid Möllan, ambulans på väg',
      truncated: false,
      createdAt: message.createdAt,
      url: `/#/chat/${message.channelId}`,
      tag: `alert:${message.id}`,
    });
    expect(alertPushPayload(message, { step: 2, of: 3 })).toMatchObject({ escalation: { step: 2, of: 3 }, tag: `alert:${message.id}` });
  });

  it("an alert's long text is cut to fit a push message, on a code point", () => {
    const payload = alertPushPayload({ ...message, body: '😀'.repeat(4000) });
    expect(Array.from(payload.body)).toHaveLength(PUSH_LIMITS.maxBodyCodePoints);
    expect(payload.truncated).toBe(true);
    expect(payload.body.endsWith('😀')).toBe(true);
    // Web Push messages hold 4096 bytes encrypted; the JSON stays well below.
    expect(Buffer.byteLength(JSON.stringify(payload))).toBeLessThan(3500);
  });

  it('a direct message says who wrote, never what', () => {
    const payload = directPushPayload({ ...message, priority: 'normal' });
    expect(payload).toEqual({
      kind: 'direct',
      channelId: message.channelId,
      messageId: message.id,
      authorId: message.authorId,
      authorName: 'Kim Karlsson',
      createdAt: message.createdAt,
      url: `/#/chat/${message.channelId}`,
      tag: `direct:${message.channelId}`,
    });
    expect(JSON.stringify(payload)).not.toContain('Möllan');
  });

  it('topics are at most 32 URL-safe characters', () => {
    expect(pushTopic(message.id)).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});
