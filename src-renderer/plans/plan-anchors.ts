// Places in a plan's body that outlive edits: ProseMirror positions turned into Yjs relative
// positions (base64, as tasks and comments store them) and back, through y-prosemirror's mapping.
import type { EditorState } from '@tiptap/pm/state';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from 'y-prosemirror';
import * as Y from 'yjs';
import { toBase64 } from '../shared-doc/base64';
import { decodeRelativePosition } from './presence-awareness';

type Mapping = Parameters<typeof absolutePositionToRelativePosition>[2];

interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Mapping } | null;
}

/** The sync plugin's binding, once it has rendered the body (before that positions mean nothing). */
function syncState(state: EditorState): (SyncState & { binding: { mapping: Mapping } }) | null {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
  if (!sync?.binding || sync.binding.mapping.size === 0) return null;
  return { ...sync, binding: sync.binding };
}

export function anchorAt(state: EditorState, pos: number): string | null {
  const sync = syncState(state);
  if (!sync) return null;
  try {
    const relative = absolutePositionToRelativePosition(pos, sync.type, sync.binding.mapping);
    return toBase64(Y.encodeRelativePosition(relative));
  } catch {
    return null;
  }
}

/** Where an anchor is now; null when it is malformed or its text is gone from this plan. */
export function positionOf(state: EditorState, anchor: string): number | null {
  const sync = syncState(state);
  if (!sync) return null;
  const relative = decodeRelativePosition(anchor, sync.doc);
  if (!relative) return null;
  try {
    const pos = relativePositionToAbsolutePosition(
      sync.doc,
      sync.type,
      relative,
      sync.binding.mapping,
    );
    return pos === null ? null : Math.min(Math.max(pos, 0), state.doc.content.size);
  } catch {
    return null;
  }
}
