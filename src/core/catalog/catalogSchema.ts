import { z } from 'zod';

/** Software stack a chip needs; moving a workload across families needs a port. */
export const SILICON_FAMILIES = ['CUDA', 'ROCm', 'Neuron', 'TPU', 'Maia'] as const;

export const SiliconSpecSchema = z.object({
  name: z.string().trim().min(1),
  aliases: z.array(z.string().trim().min(1)).default([]),
  vendor: z.string().trim().min(1),
  family: z.string().trim().min(1),
  /** Dense BF16 peak per chip; null where the vendor publishes none. */
  denseBf16Tflops: z.number().positive().nullable(),
  hbmGb: z.number().positive().nullable(),
});

export const OfferingSchema = z.object({
  silicon: z.string().trim().min(1),
  /** Regions known to offer it; absent when the catalog does not know where (never warns). */
  regions: z.array(z.string().trim().min(1)).optional(),
  /** What one chip-hour of this silicon costs at this provider, in the catalog's one currency; absent: unpriced. */
  pricePerChipHour: z.number().positive().finite().optional(),
});

export const ProviderSpecSchema = z.object({
  name: z.string().trim().min(1),
  aliases: z.array(z.string().trim().min(1)).default([]),
  regions: z.array(z.string().trim().min(1)).default([]),
  /** Free-text regions (self-built clusters, clouds whose regions the catalog does not list). */
  anyRegion: z.boolean().default(false),
  offerings: z.array(OfferingSchema).default([]),
});

export const CatalogDataSchema = z.object({
  silicon: z.array(SiliconSpecSchema),
  providers: z.array(ProviderSpecSchema),
});

/** What a workbook's Catalog sheet or `--catalog file.json` adds to the default catalog. */
export const CatalogExtensionSchema = z
  .object({
    silicon: z
      .array(SiliconSpecSchema.partial({ vendor: true, family: true, denseBf16Tflops: true, hbmGb: true }))
      .default([]),
    // No anyRegion default: a merge must keep Self-built free-text, and a new provider without regions takes free text.
    providers: z.array(ProviderSpecSchema.extend({ anyRegion: z.boolean().optional() })).default([]),
  })
  .strict();

export type SiliconSpec = z.infer<typeof SiliconSpecSchema>;
export type Offering = z.infer<typeof OfferingSchema>;
export type ProviderSpec = z.infer<typeof ProviderSpecSchema>;
export type CatalogData = z.infer<typeof CatalogDataSchema>;
export type CatalogExtension = z.infer<typeof CatalogExtensionSchema>;
export type CatalogExtensionInput = z.input<typeof CatalogExtensionSchema>;
