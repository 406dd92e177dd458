// A briefing's title comes from its author's app: a received copy keeps it without the invisible
// characters that would make it look like another title, while the author's signature is still
// checked on the title as it was sent.
import { beforeAll, describe, expect, it } from 'vitest';
import { CopyPayload, type MailPayload } from '../../src-shared/briefings/briefing-model';
import { contentFromPlainText } from '../../src-shared/notes/note-content';
import { toHex } from '../../src-shared/protocol/bytes';
import { openMail, sealMail } from '../../src-main/core/briefings/mail-seal';
import { openSealedBox, sealToBoxKey, sodiumReady } from '../../src-main/core/crypto/sodium';
import { device, signer, type Device } from '../support/test-devices';

let author: Device, me: Device;
beforeAll(async () => {
  await sodiumReady();
  [author, me] = [device(), device()];
});

const SPACE = 'cd'.repeat(16);
const ID = 'ab'.repeat(16);

const copy = (title: string): MailPayload => ({
  v: 1,
  kind: 'copy',
  id: ID,
  space: SPACE,
  from: toHex(author.signing.publicKey),
  to: toHex(me.signing.publicKey),
  createdAt: 1,
  expiresAt: null,
  audience: [toHex(me.signing.publicKey)],
  wholeSpace: true,
  title,
  body: contentFromPlainText('Meet at the station.'),
  attachments: [],
  receipts: false,
});

const open = (sealed: Uint8Array) =>
  openMail(sealed, (s) => openSealedBox(me.box.publicKey, me.box.secretKey, s), {
    spaceHex: SPACE,
    briefingHex: ID,
    senderHex: toHex(author.signing.publicKey),
    meHex: toHex(me.signing.publicKey),
    kind: 'copy',
  });

/** The title as a copy sealed and signed by the author's app arrives here, or why it was refused. */
function titleReceived(title: string): string {
  const opened = open(sealMail(copy(title), me.box.publicKey, signer(author)));
  if (typeof opened === 'string') return opened;
  if (opened.kind !== 'copy') throw new Error('not a copy');
  // Read back from the vault, the kept payload is parsed again and stays the same.
  expect(CopyPayload.parse(JSON.parse(JSON.stringify(opened))).title).toBe(opened.title);
  return opened.title;
}

describe('the title of a received briefing', () => {
  it('loses bidi controls and zero-width characters, and its signature still verifies', () => {
    // Shown as "Meeting monday at noon" with the override.
    expect(titleReceived('Meeting \u202Eyadnom\u202C at noon')).toBe('Meeting yadnom at noon');
    expect(titleReceived('Mee\u200Bting at\u2060 noon\uFEFF')).toBe('Meeting at noon');
    expect(titleReceived('\u2067Arrests\u2069\u200E \u061Ctoday\u00AD')).toBe('Arrests today');
  });

  it('is never empty and keeps every visible character', () => {
    expect(titleReceived('\u202E\u200B')).toBe('_');
    expect(titleReceived(' \u200B Збор у 18:00 — плошча ✓ ')).toBe('Збор у 18:00 — плошча ✓');
  });

  it('is checked against the signature as sent: a title cleaned by someone else is refused', () => {
    let signature: Uint8Array = new Uint8Array();
    sealMail(copy('Meeting \u202Eyadnom'), me.box.publicKey, (message) => {
      signature = signer(author)(message);
      return signature;
    });
    const relabelled = JSON.stringify({
      payload: JSON.stringify(copy('Meeting yadnom')),
      signature: Buffer.from(signature).toString('base64'),
    });
    expect(open(sealToBoxKey(me.box.publicKey, new TextEncoder().encode(relabelled)))).toBe(
      'bad-signature',
    );
  });
});
