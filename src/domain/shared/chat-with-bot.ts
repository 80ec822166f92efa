/**
 * Whether a chat is someone's own 1:1 chat with the bot. Teams calls a 1:1 chat between two people
 * "personal" too (the bot's cards can land there), but its id, like that of every chat or channel
 * with people in it, is a thread's ("19:…"); the bot's own chat's is not ("a:…").
 */
export function isChatWithBot(conversationId: string | undefined): boolean {
  return !!conversationId && !conversationId.startsWith('19:');
}
