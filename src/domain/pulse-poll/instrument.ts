import { z } from 'zod';

/** The six aspects of the B3-spiegel. */
export const ASPECTS = ['werkzaamheden', 'werkbeleving', 'waardering', 'beloning', 'samenwerking', 'ontwikkelkansen'] as const;
/** Boeien, Binden, Behouden: engage, bind, retain. */
export const BS = ['boeien', 'binden', 'behouden'] as const;
export const ITEM_IDS = [...ASPECTS, ...BS] as const;

export type Aspect = (typeof ASPECTS)[number];
export type B = (typeof BS)[number];
export type ItemId = (typeof ITEM_IDS)[number];

/** Each B is built from its own statement and two aspects (the product's definition, not data). */
export const B_FROM: Readonly<Record<B, readonly [Aspect, Aspect]>> = {
  boeien: ['werkzaamheden', 'werkbeleving'],
  binden: ['samenwerking', 'waardering'],
  behouden: ['beloning', 'ontwikkelkansen'],
};

export const SCALE = [1, 2, 3, 4, 5] as const;
export type ScaleValue = (typeof SCALE)[number];

/**
 * The questionnaire as data, one file per language, so an organisation can rephrase it. The ids
 * are fixed: the scores are built from them.
 */
export const instrumentSchema = z
  .object({
    language: z.enum(['nl', 'en']),
    title: z.string().min(1).max(80),
    intro: z.string().min(1).max(400),
    anonymity: z.string().min(1).max(400),
    /** Labels of 1 to 5, from "strongly disagree" to "strongly agree". */
    scale: z.array(z.string().min(1).max(40)).length(5),
    items: z
      .array(
        z.object({
          id: z.enum(ITEM_IDS),
          /** The aspect's or B's name, as results show it. */
          label: z.string().min(1).max(40),
          statement: z.string().min(1).max(200),
        }),
      )
      .length(ITEM_IDS.length),
    open: z.object({ question: z.string().min(1).max(200), placeholder: z.string().max(120) }),
  })
  .superRefine((inst, ctx) => {
    const ids = new Set(inst.items.map((i) => i.id));
    for (const id of ITEM_IDS) if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['items'], message: `statement "${id}" is missing` });
  });

export type Instrument = z.infer<typeof instrumentSchema>;

/** The statements in the order a card shows them: the six aspects, then the three Bs. */
export function orderedItems(inst: Instrument): Instrument['items'] {
  return ITEM_IDS.map((id) => inst.items.find((i) => i.id === id)!);
}

export function labelOf(inst: Instrument, id: ItemId): string {
  return inst.items.find((i) => i.id === id)?.label ?? id;
}
