// English strings of "Host a relay on this computer" in Settings: the shape the other languages'
// catalogues of it follow (hooked into each main catalogue as `lanRelay`).
export const lanRelayEn = {
  title: 'Host a relay on this computer',
  intro:
    'Devices on the same network (an office, a meeting) can then sync their shared spaces through this computer, with no internet.',
  address: 'Network address to host on',
  addressHint:
    'Choose the network the other devices are on. Addresses of this computer only are for trying it out here.',
  reachable: 'Other devices on the network can reach',
  thisComputerOnly: 'Only this computer',
  noInterfaces: 'This computer has no network address to host a relay on. Connect it to a network.',
  port: 'Port',
  portHint: '0 takes any free port.',
  portInvalid: 'Enter 0 or a port number from 1024 to 65535.',
  start: 'Start the relay',
  starting: 'Starting…',
  stop: 'Stop the relay',
  stopping: 'Stopping…',
  lifetime:
    'It keeps running while Suviaz is open, even when the vault is locked, because other devices depend on it. It stops when Suviaz quits.',
  running: 'The relay is running on {{name}}.',
  stopped: 'The relay is stopped.',
  url: 'Relay address for the other devices',
  useIt:
    'Devices on this network can now enter this address as their relay in Settings. Compare the fingerprint with what they see, in person.',
  fingerprint: 'Relay fingerprint',
  fingerprintHint:
    'On the local network the connection is not encrypted by TLS: the fingerprint is what tells this relay from a look-alike on the same network. Everything synced stays end-to-end encrypted.',
  qr: 'QR code of the relay address with its fingerprint',
  qrHint: 'Scan it with another device to take the address and fingerprint together.',
  observer:
    'Someone watching this network still sees that devices talk to this computer, when, and how much — never what they write.',
};
