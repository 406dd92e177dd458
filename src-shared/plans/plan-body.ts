// A plan's rich-text body: the Yjs fragment the editor binds to, and whole copies of it (for
// versions, restores and duplicates).
import * as Y from 'yjs';

/** The XmlFragment name inside a version's own small document. */
export const PLAN_BODY_IN_VERSION = 'body';

/** The plan's rich-text body, bound to the editor through y-prosemirror. */
export function planBody(doc: Y.Doc, planId: string): Y.XmlFragment {
  return doc.getXmlFragment(`plan:${planId}`);
}

/**
 * Copies of a body's elements and texts. Anything else in it (a member's modified app can put any
 * Yjs value there) is left out, as Yjs's own XmlFragment.clone does, instead of throwing.
 */
function clonedBody(source: Y.XmlFragment): (Y.XmlElement | Y.XmlText)[] {
  return source
    .toArray()
    .flatMap((item) =>
      item instanceof Y.XmlElement || item instanceof Y.XmlText ? [item.clone()] : [],
    );
}

/** A copy of the body as it is now, in a document of its own (so it never changes afterwards). */
export function snapshotPlanBody(doc: Y.Doc, planId: string): Uint8Array {
  const copy = new Y.Doc();
  const target = copy.getXmlFragment(PLAN_BODY_IN_VERSION);
  const items = clonedBody(planBody(doc, planId));
  copy.transact(() => target.insert(0, items));
  const update = Y.encodeStateAsUpdate(copy);
  copy.destroy();
  return update;
}

export function replaceBody(target: Y.XmlFragment, source: Y.XmlFragment): void {
  // Copied before anything is deleted: nothing may leave the body empty half way.
  const items = clonedBody(source);
  target.delete(0, target.length);
  target.insert(0, items);
}
