/**
 * The parts of @microsoft/teams-ai the app uses, each from its own module. The package's index
 * also loads its planners, prompt tokenizers (gpt-tokenizer's tables) and OpenAI client, none of
 * which the app uses: about a quarter of the package's modules, loaded at every process start and
 * in every test file. Teams AI v1 is archived, so these paths no longer move.
 */
export { Application } from '@microsoft/teams-ai/lib/Application';
export { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter';
export { TurnState } from '@microsoft/teams-ai/lib/TurnState';
