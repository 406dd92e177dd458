// Run by tests/unit/relay-signature-rules.test.ts under another Node (the system's, e.g. v20 with
// OpenSSL 3.0): reads signature vectors as JSON on stdin and prints what the relay's verifyEd25519,
// node:crypto alone and libsodium say of each, with the Node and OpenSSL versions.
import { verifyEd25519, verifyEd25519OpensslOnly } from '../../server/crypto';
import {
  libsodiumVerdict,
  loadSodium,
  vectorBytes,
  type SignatureVector,
} from './signature-vectors';

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const vectors = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SignatureVector[];
const sodium = await loadSodium();
const result = {
  node: process.version,
  openssl: process.versions.openssl,
  relay: vectors.map((v) => {
    const { publicKey, message, signature } = vectorBytes(v);
    return verifyEd25519(publicKey, message, signature);
  }),
  opensslOnly: vectors.map((v) => {
    const { publicKey, message, signature } = vectorBytes(v);
    return verifyEd25519OpensslOnly(publicKey, message, signature);
  }),
  libsodium: vectors.map((v) => libsodiumVerdict(sodium, v)),
};
process.stdout.write(JSON.stringify(result));
