import { z } from 'zod';

/**
 * The didactic framework as data: questions and the default day agendas, one file per language.
 * Organisations may rephrase or replace questions; these rules keep a replacement workable.
 */
export const questionSchema = z.object({
  id: z.number().int().positive(),
  phase: z.string().min(1).max(60),
  text: z.string().min(1).max(300),
  intent: z.string().min(1).max(500),
  /** group: one shared answer for the whole group; personal: private to each member. */
  scope: z.enum(['group', 'personal']),
  /** text: a written answer; aiProposal: the AI drafts, the group comments; validation: members judge, the group decides. */
  kind: z.enum(['text', 'aiProposal', 'validation']).default('text'),
});

export const dayAgendaSchema = z.object({
  day: z.number().int().min(1).max(4),
  title: z.string().min(1).max(80),
  questionIds: z.array(z.number().int().positive()).min(1),
});

export const frameworkSchema = z
  .object({
    language: z.enum(['nl', 'en']),
    questions: z.array(questionSchema).min(1).max(20),
    days: z.array(dayAgendaSchema).length(4),
  })
  .superRefine((f, ctx) => {
    const ids = new Set<number>();
    for (const q of f.questions) {
      if (ids.has(q.id)) ctx.addIssue({ code: 'custom', message: `question id ${q.id} appears twice` });
      ids.add(q.id);
    }
    f.days.forEach((d, i) => {
      if (d.day !== i + 1) ctx.addIssue({ code: 'custom', message: `days must be listed 1 to 4 in order (found day ${d.day} at position ${i + 1})` });
      for (const id of d.questionIds) {
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', message: `day ${d.day} names unknown question ${id}` });
      }
    });
    const byKind = (k: string) => f.questions.filter((q) => q.kind === k);
    if (byKind('aiProposal').length > 1 || byKind('validation').length > 1) {
      ctx.addIssue({ code: 'custom', message: 'at most one aiProposal and one validation question' });
    }
    for (const q of f.questions) {
      if (q.kind !== 'text' && q.scope !== 'group') ctx.addIssue({ code: 'custom', message: `question ${q.id}: ${q.kind} questions are answered by the group` });
    }
  });

export type Question = z.infer<typeof questionSchema>;
export type DayAgenda = z.infer<typeof dayAgendaSchema>;
export type Framework = z.infer<typeof frameworkSchema>;
export type Language = Framework['language'];
export const LANGUAGES: readonly Language[] = ['nl', 'en'];

export function findQuestion(framework: Framework, id: number): Question | undefined {
  return framework.questions.find((q) => q.id === id);
}

/** Questions that come before the AI proposal and feed it. */
export function questionsBeforeProposal(framework: Framework): Question[] {
  const ai = framework.questions.find((q) => q.kind === 'aiProposal');
  if (!ai) return [];
  return framework.questions.filter((q) => q.scope === 'group' && q.kind === 'text' && q.id < ai.id);
}
