import type { TokenCredential } from '@azure/identity';

/**
 * The app's managed identity (DefaultAzureCredential), with @azure/identity loaded at the first
 * token asked for: its hundred and fifty modules serve only Azure, never local runs or tests,
 * which would otherwise load them at every start (and in every test file).
 */
export function entraCredential(): TokenCredential {
  let credential: Promise<TokenCredential> | undefined;
  return {
    async getToken(scopes, options) {
      credential ??= import('@azure/identity').then(({ DefaultAzureCredential }) => new DefaultAzureCredential());
      return (await credential).getToken(scopes, options);
    },
  };
}

/** A bearer token provider for one scope, as @azure/identity's getBearerTokenProvider makes it (refreshing included), loaded at first use. */
export function entraTokenProvider(scope: string): () => Promise<string> {
  let provider: Promise<() => Promise<string>> | undefined;
  return async () => {
    provider ??= import('@azure/identity').then(({ DefaultAzureCredential, getBearerTokenProvider }) => getBearerTokenProvider(new DefaultAzureCredential(), scope));
    return (await provider)();
  };
}
