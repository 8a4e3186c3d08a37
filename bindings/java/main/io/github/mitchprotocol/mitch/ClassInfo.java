package io.github.mitchprotocol.mitch;

/**
 * An asset class or instrument type as the registry names it.
 *
 * @param id 0..15
 * @param name e.g. "Forex", "Indices &amp; Index Products", "*Reserved*"
 * @param code e.g. "FX", "IP", "" for reserved ones
 */
public record ClassInfo(int id, String name, String code) {
  /** Checks that the code is not null ("" for a reserved one). */
  public ClassInfo {
    Check.notNull("code", code);
  }

  /** Whether the registry reserves this code (14 and 15). */
  public boolean reserved() {
    return code.isEmpty();
  }
}
