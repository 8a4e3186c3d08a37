package io.github.mitchprotocol.mitch;

/**
 * A provider found for a query, and how sure the registry is.
 *
 * @param provider the provider
 * @param confidence 1.0 for an exact hit, else the fuzzy score
 */
public record ProviderMatch(Provider provider, double confidence) {}
