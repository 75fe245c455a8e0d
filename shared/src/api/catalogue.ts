// The catalogue in the studio: products, categories, quick phrases and the lexicon edited like scenarios.
// Saving makes a 草稿 (draft version); 发布 makes it the catalogue that practice, drills and the judge use,
// accepted only when every scenario of the library still proves against it (the server proves again the
// scenarios the change can affect).
import { z } from 'zod';

/** A saved catalogue version that is not published (yet). */
export const CatalogueDraftSchema = z.object({
  path: z.string(),
  text: z.string(),
  /** Content hash of the text. */
  version: z.string(),
  savedAt: z.number(),
  /** The display name of who saved it. */
  savedBy: z.string(),
});
export type CatalogueDraft = z.infer<typeof CatalogueDraftSchema>;

export const SaveCatalogueBodySchema = z
  .object({
    /** A catalogue file of the library: products/…, categories/…, phrases/… or lexicon.yaml. */
    path: z.string().min(1).max(300),
    text: z.string().min(1, '文件内容为空').max(500_000, '文件过大（最多 500,000 字）'),
  })
  .strict();
export type SaveCatalogueBody = z.infer<typeof SaveCatalogueBodySchema>;
export const SaveCatalogueResponseSchema = z.object({
  path: z.string(),
  version: z.string(),
  /** False when this exact text was already saved. */
  created: z.boolean(),
});
export type SaveCatalogueResponse = z.infer<typeof SaveCatalogueResponseSchema>;

export const PublishCatalogueBodySchema = z
  .object({ path: z.string().min(1).max(300), version: z.string().min(1).max(40) })
  .strict();
export type PublishCatalogueBody = z.infer<typeof PublishCatalogueBodySchema>;
export const PublishCatalogueResponseSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('published'),
    /** The catalogue version now in use (new practice, drills and judgements use it). */
    catalogueVersion: z.string(),
    /**
     * The scenarios the change can affect (their proof reads what it changed), in id order: each proves
     * against the new catalogue. The others read nothing it changed.
     */
    affected: z.array(z.string()),
    /** Of those, the ones proven by this request; the rest had a kept verdict of the very same content. */
    proved: z.array(z.string()),
  }),
  /**
   * Long work is done in steps: the server proved some of the scenarios affected (it keeps their verdicts)
   * and asks to be asked again with the same body, which goes on where it stopped. Nothing is published yet.
   */
  z.object({
    status: z.literal('proving'),
    /** Scenarios affected with a verdict so far, of `total`. */
    done: z.number(),
    total: z.number(),
  }),
]);
export type PublishCatalogueResponse = z.infer<typeof PublishCatalogueResponseSchema>;

export const CatalogueHistoryQuerySchema = z.object({ path: z.string().min(1).max(300) });
export const CatalogueVersionSchema = z.object({
  version: z.string(),
  /** shipped: the library's own file (the first version); draft: saved, never published; published. */
  status: z.enum(['shipped', 'draft', 'published']),
  /** When it was saved (0 for the shipped file) and, once published, when that was. */
  savedAt: z.number(),
  savedBy: z.string().nullable(),
  publishedAt: z.number().nullable(),
  publishedBy: z.string().nullable(),
  /** The version in use now. */
  current: z.boolean(),
  text: z.string(),
});
export type CatalogueVersion = z.infer<typeof CatalogueVersionSchema>;
export const CatalogueHistoryResponseSchema = z.object({ versions: z.array(CatalogueVersionSchema) });
export type CatalogueHistoryResponse = z.infer<typeof CatalogueHistoryResponseSchema>;
