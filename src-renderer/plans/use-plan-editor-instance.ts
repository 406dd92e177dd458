// The live editor of one plan: a TipTap editor bound to the plan's body in the space's replica,
// with the presence adapter feeding other members' cursors in and this device's cursor out. It is
// made and destroyed with the plan (and the Awareness with it), and switches to read-only in place.
import { Editor } from '@tiptap/core';
import { useEffect, useRef, useState } from 'react';
import { planBody } from '../../src-shared/plans/plan-model';
import { call, onEvent } from '../bridge/call';
import type { DocReplica } from '../shared-doc/doc-replica';
import { planBinding, planContentExtensions } from './plan-extensions';
import { knownPeers } from './known-peers';
import { PresenceAwareness } from './presence-awareness';

interface PlanEditorOptions {
  replica: DocReplica;
  planId: string;
  editable: boolean;
  /** This device, so that main's list of peers does not show it as someone else. */
  myDeviceKey: string | null;
  /** The editor's accessible name. */
  label: string;
  /** The label of a member without a name, on their cursor. */
  unnamed: string;
  onComment: () => void;
  onLink: () => void;
}

export function usePlanEditorInstance(options: PlanEditorOptions): Editor | null {
  const { replica, planId, myDeviceKey, editable, label } = options;
  const [editor, setEditor] = useState<Editor | null>(null);
  // Read when needed, so new callbacks or texts do not rebuild the editor.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const { doc, docId } = replica;
    const presence = new PresenceAwareness({
      doc,
      myDeviceKey,
      unnamed: latest.current.unnamed,
      send: (cursor) => void call('docs.presence', { docId, cursor }),
    });
    presence.setPeers(knownPeers(docId));
    const offPresence = onEvent('docs.presence', (event) => {
      if (event.docId === docId) presence.setPeers(event.peers);
    });
    const created = new Editor({
      extensions: [
        ...planContentExtensions(),
        planBinding({
          body: planBody(doc, planId),
          awareness: presence.awareness,
          onComment: () => latest.current.onComment(),
          onLink: () => latest.current.onLink(),
        }),
      ],
      // Made read-only and switched by the effect below, so nothing can be typed before it is.
      editable: false,
      // TipTap's injected <style> would be refused by the renderer's CSP; plans.css has its rules.
      injectCSS: false,
    });
    // The editor must be destroyed with its effect, which only an effect guarantees; so it reaches
    // the render through state.
    setEditor(created);
    return () => {
      offPresence();
      created.destroy();
      presence.destroy();
    };
  }, [replica, planId, myDeviceKey]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setEditable(editable, false);
    editor.setOptions({
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          'aria-readonly': String(!editable),
        },
      },
    });
  }, [editor, editable, label]);

  return editor;
}
