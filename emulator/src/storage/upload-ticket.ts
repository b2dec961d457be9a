import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What `storage.getUploadMetadata` grants: one cloud path may be written until `expiresAt`. */
export interface UploadTicket {
  bucket: string;
  cloudPath: string;
  /** Sent back by the uploader in `x-cos-meta-fileid`, as with COS. */
  cosFileId: string;
  uploadedBy: string | null;
  /** Emulated-clock milliseconds. */
  expiresAt: number;
}

/** The two strings the SDK carries from the metadata response to the upload request. */
export interface SignedTicket {
  /** Sent back in `x-cos-security-token`. */
  token: string;
  /** Sent back in `Authorization` / `Signature`. */
  authorization: string;
}

const SIGNATURE_PREFIX = 'q-sign-algorithm=emulator-hmac-sha256&q-signature=';

/**
 * Issues and checks upload credentials, standing in for COS's temporary keys: the token carries the
 * ticket itself and the authorization is an HMAC over it, so no state is kept between the metadata
 * request and the upload. The key lives in memory: a restart only invalidates uploads in flight.
 */
export class UploadTickets {
  constructor(private readonly key: Buffer = randomBytes(32)) {}

  sign(ticket: UploadTicket): SignedTicket {
    const token = Buffer.from(JSON.stringify(ticket), 'utf8').toString('base64url');
    return { token, authorization: SIGNATURE_PREFIX + this.mac(token) };
  }

  /** The ticket a token/authorization pair proves, or undefined when they do not match. */
  verify(token: string | undefined, authorization: string | undefined): UploadTicket | undefined {
    if (!token || !authorization?.startsWith(SIGNATURE_PREFIX)) return undefined;
    const given = Buffer.from(authorization.slice(SIGNATURE_PREFIX.length), 'utf8');
    const expected = Buffer.from(this.mac(token), 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as UploadTicket;
  }

  private mac(token: string): string {
    return createHmac('sha256', this.key).update(token).digest('hex');
  }
}
