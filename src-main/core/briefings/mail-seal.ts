// One mail item's plaintext: the payload as JSON, signed by the sending device (domain-separated),
// then sealed to the recipient's box key. Opening checks the seal, the signature and the schema;
// what the payload claims (sender, recipient, space) is checked against the relay's item here too.
import { fromHex } from '../../../src-shared/protocol/bytes';
import { MailPayload } from '../../../src-shared/briefings/briefing-model';
import { sealToBoxKey, verify } from '../crypto/sodium';

const DOMAIN = 'suviaz/briefing-mail/v1\n';
const encoder = new TextEncoder();
const signedBytes = (payload: string): Uint8Array => encoder.encode(DOMAIN + payload);

/** Why an item was refused: shown to the user as a warning, like a tampered update. */
export type MailProblem = 'unreadable' | 'bad-signature' | 'misaddressed';

/** The sealed bytes for MAIL_PUT. */
export function sealMail(
  payload: MailPayload,
  recipientBoxKey: Uint8Array,
  sign: (message: Uint8Array) => Uint8Array,
): Uint8Array {
  const text = JSON.stringify(payload);
  const signature = Buffer.from(sign(signedBytes(text))).toString('base64');
  return sealToBoxKey(
    recipientBoxKey,
    encoder.encode(JSON.stringify({ payload: text, signature })),
  );
}

export interface MailEnvelope {
  spaceHex: string;
  briefingHex: string;
  senderHex: string;
  meHex: string;
  kind: MailPayload['kind'];
}

/**
 * The payload when the item opens, is signed by the device the relay says sent it, and names this
 * space, this briefing, that sender and this device; otherwise why not.
 */
export function openMail(
  sealed: Uint8Array,
  openSealed: (sealed: Uint8Array) => Uint8Array,
  expect: MailEnvelope,
): MailPayload | MailProblem {
  let text: string;
  let signature: Uint8Array;
  let payload: MailPayload;
  try {
    const outer = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(openSealed(sealed)));
    if (typeof outer?.payload !== 'string' || typeof outer?.signature !== 'string') {
      return 'unreadable';
    }
    text = outer.payload;
    signature = new Uint8Array(Buffer.from(outer.signature, 'base64'));
    const parsed = MailPayload.safeParse(JSON.parse(text));
    if (!parsed.success) return 'unreadable';
    payload = parsed.data;
  } catch {
    return 'unreadable';
  }
  if (!verify(fromHex(payload.from), signedBytes(text), signature)) return 'bad-signature';
  const addressed =
    payload.from === expect.senderHex &&
    payload.to === expect.meHex &&
    payload.space === expect.spaceHex &&
    payload.id === expect.briefingHex &&
    payload.kind === expect.kind;
  return addressed ? payload : 'misaddressed';
}
