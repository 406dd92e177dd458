// Builders of a plan body's JSON nodes for export tests: text with its marks, and a paragraph.
import type { PlanJsonMark, PlanJsonNode } from '../../src-shared/plans/plan-export';

export const text = (value: string, ...marks: PlanJsonMark[]): PlanJsonNode => ({
  type: 'text',
  text: value,
  marks,
});

export const p = (...content: PlanJsonNode[]): PlanJsonNode => ({ type: 'paragraph', content });
