package io.github.mitchprotocol.mitch;

import java.util.List;

/**
 * A registry asset, with the registry's own spelling ("US Dollar", "S&amp;P 500").
 *
 * @param id the packed asset id: {@code (assetClass << 16) | classId}
 * @param classId the id inside the class
 * @param assetClass the class
 * @param name the registry name
 * @param symbol the primary symbol (first alias), "" if none
 * @param aliases every alias (immutable)
 */
public record Asset(long id, int classId, AssetClass assetClass, String name, String symbol,
    List<String> aliases) {
  /** Copies the aliases (none of them null). */
  public Asset {
    aliases = Check.listCopy("aliases", aliases);
  }
}
