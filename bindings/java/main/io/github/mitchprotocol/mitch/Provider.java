package io.github.mitchprotocol.mitch;

import java.util.List;

/**
 * A market-data provider (exchange, broker, venue) of the registry.
 *
 * @param id the provider id (u16), as channels carry it
 * @param name the registry name, e.g. "New York Stock Exchange"
 * @param abbreviations e.g. "NYSE" (immutable)
 */
public record Provider(int id, String name, List<String> abbreviations) {
  /** Copies the abbreviations (none of them null). */
  public Provider {
    abbreviations = Check.listCopy("abbreviations", abbreviations);
  }
}
