// The plans of a space: listing, creating, renaming, hiding and duplicating them (their bodies are in
// plan-body.ts).
import * as Y from 'yjs';
import { LIMITS } from '../limits';
import { planBody, replaceBody, snapshotPlanBody } from './plan-body';
import { deviceOf, entries, insert, mapOf, newId, PLANS, str, timeOf } from './plan-doc';

export interface PlanInfo {
  id: string;
  title: string;
  createdAt: number;
  /** Hex device key of the author. */
  createdBy: string;
}

function readPlan(id: string, m: Y.Map<unknown>): PlanInfo | null {
  if (m.get('deleted') === true) return null;
  const title = str(m.get('title'), LIMITS.plans.titleMaxChars);
  const createdAt = timeOf(m.get('createdAt'));
  const createdBy = deviceOf(m.get('createdBy'));
  if (title === null || createdAt === null || !createdBy) return null;
  return { id, title, createdAt, createdBy };
}

export function listPlans(doc: Y.Doc): PlanInfo[] {
  return entries(doc, PLANS, readPlan).sort(
    (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1),
  );
}

export function getPlan(doc: Y.Doc, planId: string): PlanInfo | null {
  const m = mapOf(doc, PLANS).get(planId);
  return m instanceof Y.Map ? readPlan(planId, m) : null;
}

export function createPlan(
  doc: Y.Doc,
  plan: { title: string; by: string; at: number; id?: string },
): string {
  const id = plan.id ?? newId();
  insert(doc, PLANS, id, {
    title: plan.title.slice(0, LIMITS.plans.titleMaxChars),
    createdAt: plan.at,
    createdBy: plan.by,
  });
  return id;
}

export function renamePlan(doc: Y.Doc, planId: string, title: string): void {
  mapOf(doc, PLANS).get(planId)?.set('title', title.slice(0, LIMITS.plans.titleMaxChars));
}

/** Hides the plan; its body and history stay in the document (nothing is ever rewritten). */
export function deletePlan(doc: Y.Doc, planId: string): void {
  mapOf(doc, PLANS).get(planId)?.set('deleted', true);
}

/**
 * A new plan with the same body (a template); tasks and comments stay with the original. Null when
 * the body is too long to copy as one edit (LIMITS.plans.copyMaxBytes).
 */
export function duplicatePlan(
  doc: Y.Doc,
  planId: string,
  copy: { title: string; by: string; at: number },
): string | null {
  if (snapshotPlanBody(doc, planId).length > LIMITS.plans.copyMaxBytes) return null;
  let id = '';
  doc.transact(() => {
    id = createPlan(doc, copy);
    replaceBody(planBody(doc, id), planBody(doc, planId));
  });
  return id;
}
