import { ConversationReference, TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { AdaptiveCardJson } from './cards/card-kit';
import { postCard, updateCard } from './card-response';

/**
 * Proactive messages into a conversation the app was installed in, from stored references.
 * Used by scheduled jobs and background work, outside any incoming turn.
 */
export class TeamsMessenger {
  constructor(private readonly adapter: TeamsAdapter, private readonly botAppId: string) {}

  private run(ref: Record<string, unknown>, logic: (ctx: TurnContext) => Promise<void>): Promise<void> {
    return this.adapter.continueConversationAsync(this.botAppId, ref as Partial<ConversationReference>, logic);
  }

  async post(ref: Record<string, unknown>, card: AdaptiveCardJson): Promise<string | undefined> {
    let id: string | undefined;
    await this.run(ref, async (ctx) => {
      id = await postCard(ctx, card);
    });
    return id;
  }

  async text(ref: Record<string, unknown>, text: string): Promise<void> {
    await this.run(ref, async (ctx) => {
      await ctx.sendActivity(text);
    });
  }

  async update(ref: Record<string, unknown>, activityId: string, card: AdaptiveCardJson): Promise<void> {
    await this.run(ref, (ctx) => updateCard(ctx, activityId, card));
  }
}
