package io.github.mitchprotocol.mitch;

/**
 * An asset found for a query, and how sure the registry is.
 *
 * @param asset the asset
 * @param confidence 1.0 for an exact hit, else the fuzzy score
 */
public record AssetMatch(Asset asset, double confidence) {}
