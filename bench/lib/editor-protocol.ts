// Messages between the human-rate scenario and its editor workers (editor-worker.ts).
import type { Stamp } from './keystroke-latency';

export type EditorRequest =
  | { type: 'start' }
  | { type: 'createSpace'; members: string[] }
  | { type: 'join'; spaceId: string; docId: string }
  | { type: 'ready' }
  | { type: 'type'; seconds: number; keysPerSecond: number }
  | { type: 'text' }
  | { type: 'results' }
  | { type: 'stop' };

export type EditorReply =
  | { type: 'started'; deviceCode: string }
  | { type: 'space'; spaceId: string; docId: string }
  | { type: 'text'; text: string }
  | { type: 'results'; typed: Stamp[]; seen: Stamp[] }
  | { type: 'ok' }
  | { type: 'error'; message: string };
