import { z } from 'zod';
import { trimText, withoutControlCharacters } from '../domain/shared/text';

export const PROPOSAL_LIMITS = { proposalMaxChars: 2000, itemMaxChars: 400, minItems: 1, maxItems: 6 } as const;

/**
 * Model text as the group will read it: no control characters, trimmed of white space and of
 * characters that take no room on a screen, so a text that looks empty counts as empty.
 */
const modelText = (max: number) => z.preprocess((v) => (typeof v === 'string' ? trimText(withoutControlCharacters(v)) : v), z.string().min(1).max(max));
const item = modelText(PROPOSAL_LIMITS.itemMaxChars);
const items = z.array(item).min(PROPOSAL_LIMITS.minItems).max(PROPOSAL_LIMITS.maxItems);

/** The gate every model answer passes before the group sees it. */
export const proposalDraftSchema = z
  .object({
    proposal: modelText(PROPOSAL_LIMITS.proposalMaxChars),
    assumptions: items,
    risks: items,
    questionsToCheck: items,
  })
  .strict();

export const PROPOSAL_SCHEMA_NAME = 'improvement_proposal';

const itemsRule = `${PROPOSAL_LIMITS.minItems} to ${PROPOSAL_LIMITS.maxItems} items, each at most ${PROPOSAL_LIMITS.itemMaxChars} characters.`;

/**
 * The same shape for Azure OpenAI structured output. Strict mode rejects length and count
 * keywords (maxLength, minItems, ...) with a 400, so those limits are stated in `description`
 * for the model and enforced only by the zod schema above.
 */
export const proposalDraftJsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['proposal', 'assumptions', 'risks', 'questionsToCheck'],
  properties: {
    proposal: {
      type: 'string',
      description: `One concrete improvement proposal, at most ${PROPOSAL_LIMITS.proposalMaxChars} characters.`,
    },
    assumptions: {
      type: 'array',
      items: { type: 'string' },
      description: `Assumptions the proposal rests on. ${itemsRule}`,
    },
    risks: {
      type: 'array',
      items: { type: 'string' },
      description: `Risks or weak spots of the proposal. ${itemsRule}`,
    },
    questionsToCheck: {
      type: 'array',
      items: { type: 'string' },
      description: `Questions the group should check before accepting it. ${itemsRule}`,
    },
  },
} as const;
