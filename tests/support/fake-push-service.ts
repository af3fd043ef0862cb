import { createDecipheriv, createECDH, createHmac, ECDH, randomBytes, randomUUID } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PushPayload, PushSubscriptionRequest } from '@samverkan/contracts';
import { waitFor } from './wait';

/** A push message as the fake push service took it, decrypted as the browser would. */
export interface ReceivedPush {
  endpoint: string;
  headers: IncomingHttpHeaders;
  payload: PushPayload;
}

interface FakeBrowser {
  ecdh: ECDH;
  auth: Buffer;
}

const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

/**
 * A push service on 127.0.0.1 (http: the api takes such endpoints only with the test setting), holding the
 * browsers' private keys, so it decrypts what the api sends (RFC 8291, aes128gcm) and a test can read the
 * payload. An endpoint marked gone answers 410, as a real push service does for an expired subscription.
 */
export class FakePushService {
  readonly received: ReceivedPush[] = [];
  private readonly browsers = new Map<string, FakeBrowser>();
  private readonly gone = new Set<string>();

  private constructor(
    private readonly server: Server,
    private readonly baseUrl: string,
  ) {}

  static async start(): Promise<FakePushService> {
    let service: FakePushService | null = null;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const status = service!.take(request.url ?? '', request.headers, Buffer.concat(chunks));
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    service = new FakePushService(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return service;
  }

  /** A new browser's subscription, as `PushSubscription.toJSON()` gives it. */
  subscription(): PushSubscriptionRequest {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const auth = randomBytes(16);
    const endpoint = `${this.baseUrl}/push/${randomUUID()}`;
    this.browsers.set(endpoint, { ecdh, auth });
    return { endpoint, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } };
  }

  /** From now on this endpoint answers 410 Gone. */
  markGone(endpoint: string): void {
    this.gone.add(endpoint);
  }

  /** The first push taken (or to come) that matches. */
  next(what: string, match: (push: ReceivedPush) => boolean, timeoutMs = 10_000): Promise<ReceivedPush> {
    return waitFor(`a push: ${what}`, () => this.received.find(match), { timeoutMs });
  }

  to(endpoint: string): ReceivedPush[] {
    return this.received.filter((push) => push.endpoint === endpoint);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private take(path: string, headers: IncomingHttpHeaders, body: Buffer): number {
    const endpoint = `${this.baseUrl}${path}`;
    const browser = this.browsers.get(endpoint);
    if (!browser || this.gone.has(endpoint)) return 410;
    if (headers['content-encoding'] !== 'aes128gcm') return 400;
    this.received.push({ endpoint, headers, payload: JSON.parse(decrypt(browser, body)) as PushPayload });
    return 201;
  }
}

/** RFC 8291 (Message Encryption for Web Push) over RFC 8188's aes128gcm, one record. */
function decrypt(browser: FakeBrowser, body: Buffer): string {
  const salt = body.subarray(0, 16);
  const idLength = body[20];
  const serverPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  const ecdhSecret = browser.ecdh.computeSecret(serverPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), browser.ecdh.getPublicKey(), serverPublic, Buffer.from([1])]);
  const ikm = hmac(hmac(browser.auth, ecdhSecret), keyInfo);
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01')).subarray(0, 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(-16));
  const plain = Buffer.concat([decipher.update(ciphertext.subarray(0, -16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then padding zeros.
  let end = plain.length - 1;
  while (end >= 0 && plain[end] === 0) end--;
  return plain.subarray(0, end).toString('utf8');
}
