// A buyer scenario taken apart into the pieces cross-reference checks need, so a file with a schema error in
// one beat still gets its other beats, products and scripts checked in the same run.
import type { z } from 'zod';
import {
  type AgentStep,
  AgentStepSchema,
  type Beat,
  BeatSchema,
  type BuyerScenario,
  PersonaSchema,
} from './schema.ts';

export interface BuyerParts {
  products: readonly string[];
  /** The learning-path unit it names, if any. */
  unit: string | undefined;
  orderProducts: readonly (string | undefined)[];
  /** Index-aligned with the file's beats; undefined where a beat failed validation. */
  beats: readonly (Beat | undefined)[];
  modelAnswer: readonly (AgentStep | undefined)[];
  counterExampleScripts: readonly (readonly (AgentStep | undefined)[])[];
}

export function partsOf(buyer: BuyerScenario): BuyerParts {
  return {
    products: buyer.products,
    unit: buyer.unit,
    orderProducts: buyer.persona.orders.map((o) => o.product),
    beats: buyer.beats,
    modelAnswer: buyer.modelAnswer,
    counterExampleScripts: buyer.counterExamples.map((c) => c.script),
  };
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
const parsed = <T>(schema: z.ZodType<T>, value: unknown): T | undefined => {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
};
const orderProduct = PersonaSchema.shape.orders.unwrap().element.shape.product;

/** The valid pieces of a buyer file that failed validation as a whole (its errors are already reported). */
export function partsOfRaw(data: unknown): BuyerParts {
  const products = list(field(data, 'products')).filter((p): p is string => typeof p === 'string');
  const unit = field(data, 'unit');
  return {
    products,
    unit: typeof unit === 'string' ? unit : undefined,
    orderProducts: list(field(field(data, 'persona'), 'orders')).map((o) =>
      parsed(orderProduct, field(o, 'product')),
    ),
    beats: list(field(data, 'beats')).map((b) => parsed(BeatSchema, b)),
    modelAnswer: list(field(data, 'modelAnswer')).map((s) => parsed(AgentStepSchema, s)),
    counterExampleScripts: list(field(data, 'counterExamples')).map((c) =>
      list(field(c, 'script')).map((s) => parsed(AgentStepSchema, s)),
    ),
  };
}
