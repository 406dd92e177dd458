// Every frame of the sync protocol v4, client to relay and relay to client (docs/protocol.md §2).
// Binary: [version][type][fields]. One import for both directions; the codecs live in
// client-frames.ts and relay-frames.ts, their shared preamble and caps in frame-codec.ts.
export { decodeClientFrame, encodeClientFrame, type ClientFrame } from './client-frames';
export { decodeRelayFrame, encodeRelayFrame, type RelayFrame } from './relay-frames';
export { authSigningBytes } from './handshake-codec';
