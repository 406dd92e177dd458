// Device codes: what a person copies between devices. Round trip, and every way a paste goes wrong
// gives its own clear error.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  generateBoxKeyPair,
  generateSigningKeyPair,
  sodiumReady,
} from '../../src-main/core/crypto/sodium';
import {
  DeviceCodeError,
  encodeDeviceCode,
  parseDeviceCode,
  type DeviceKeys,
} from '../../src-main/core/groups/device-code';

let keys: DeviceKeys;
let code: string;
beforeAll(async () => {
  await sodiumReady();
  keys = { signingKey: generateSigningKeyPair().publicKey, boxKey: generateBoxKeyPair().publicKey };
  code = encodeDeviceCode(keys);
});

function problemOf(input: string): string {
  try {
    parseDeviceCode(input);
    return 'parsed';
  } catch (error) {
    expect(error).toBeInstanceOf(DeviceCodeError);
    expect((error as DeviceCodeError).code).toBe('invalid-args');
    expect((error as Error).message.length).toBeGreaterThan(20);
    return (error as DeviceCodeError).problem;
  }
}

describe('device codes', () => {
  it('round-trips, tolerating whitespace and line breaks from chat apps', () => {
    expect(code.startsWith('suviaz1:')).toBe(true);
    expect(parseDeviceCode(code)).toEqual(keys);
    const wrapped = ` ${code.slice(0, 30)}\n${code.slice(30)} `;
    expect(parseDeviceCode(wrapped)).toEqual(keys);
  });

  it('names each problem', () => {
    expect(problemOf('hello')).toBe('not-a-device-code');
    expect(problemOf('')).toBe('not-a-device-code');
    expect(problemOf(code.replace('suviaz1:', 'suviaz2:'))).toBe('newer-version');
    expect(problemOf(`${code.slice(0, -3)}!!!`)).toBe('bad-characters');
    expect(problemOf(code.slice(0, -4))).toBe('incomplete');
    expect(problemOf(`${code}AAAA`)).toBe('incomplete');
    const body = code.slice('suviaz1:'.length);
    const typo = `suviaz1:${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`;
    expect(problemOf(typo)).toBe('typo');
  });
});
