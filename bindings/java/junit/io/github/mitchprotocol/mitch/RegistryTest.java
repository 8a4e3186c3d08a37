package io.github.mitchprotocol.mitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry as the library has it, with its own spelling. */
class RegistryTest {
  @Test
  void symbolsResolveToTheRegistrysAssets() {
    Ticker t = Registry.resolve("EURUSD.m");
    assertEquals(BodiesTest.EURUSD, t.id());
    assertEquals("Euro", t.base().name());
    assertEquals("US Dollar", t.quote().name());
    assertEquals(AssetClass.FOREX, t.base().assetClass());
    assertEquals(1.0, t.confidence());
    assertTrue(t.steps().contains(".m"), t.steps());
    assertEquals(InstrumentType.PERPETUAL_SWAP,
        Registry.resolve("BTC-USDT", InstrumentType.PERPETUAL_SWAP).instrumentType());
    assertThrows(NotFoundException.class, () -> Registry.resolve("USD"));
  }

  @Test
  void assetsAndProviders() {
    AssetMatch btc = Registry.findAsset("BTC");
    assertEquals("Bitcoin", btc.asset().name());
    assertEquals(AssetClass.CRYPTO, btc.asset().assetClass());
    assertEquals(btc.asset(), Registry.asset(AssetClass.CRYPTO, btc.asset().classId()));
    assertEquals(btc.asset(), Registry.asset(btc.asset().id()));
    assertTrue(btc.asset().aliases().contains("BTC"));
    AssetMatch fuzzy = Registry.findAsset("Etherium");
    assertEquals("Ethereum", fuzzy.asset().name());
    assertTrue(fuzzy.confidence() < 1.0 && fuzzy.confidence() >= 0.8);
    assertThrows(NotFoundException.class, () -> Registry.findAsset("BTC", AssetClass.FOREX,
        0.99));
    List<Asset> forex = Registry.assets(AssetClass.FOREX);
    assertTrue(forex.size() > 40, "forex has " + forex.size() + " assets");
    for (int i = 1; i < forex.size(); i++) {
      assertTrue(forex.get(i - 1).classId() < forex.get(i).classId(), "id order");
    }
    assertTrue(forex.stream().anyMatch(a -> a.name().equals("Polish Złoty")),
        "UTF-8 names arrive intact");

    ProviderMatch binance = Registry.findProvider("binance");
    assertEquals(101, binance.provider().id());
    assertEquals(binance.provider(), Registry.provider(101));
    List<Provider> all = Registry.providers();
    assertTrue(all.contains(binance.provider()));
    assertThrows(NotFoundException.class, () -> Registry.provider(65535));
  }

  @Test
  void theEnumsAreTheRegistrysClassesAndTypes() {
    for (AssetClass c : AssetClass.values()) {
      ClassInfo info = Registry.assetClass(c.code());
      assertFalse(info.reserved(), c + " is a registry class");
      assertEquals(c.code(), info.id());
    }
    for (InstrumentType t : InstrumentType.values()) {
      assertFalse(Registry.instrumentType(t.code()).reserved(), t.toString());
    }
    for (int reserved = AssetClass.values().length; reserved < 16; reserved++) {
      assertTrue(Registry.assetClass(reserved).reserved());
    }
    for (int reserved = InstrumentType.values().length; reserved < 16; reserved++) {
      assertTrue(Registry.instrumentType(reserved).reserved());
    }
    assertEquals("FX", Registry.assetClass(AssetClass.FOREX.code()).code());
  }

  @Test
  void keysAndSimilarity() {
    assertEquals("apple", Registry.nameKey("Apple Inc."));
    assertEquals(1.0, Registry.jaroWinkler("bitcoin", "bitcoin"));
    double s = Registry.jaroWinkler("etherium", "ethereum");
    assertTrue(s > 0.8 && s < 1.0);
  }

  @Test
  void recordsRefuseTheNullsTheirMethodsWouldDereference() {
    // Found by SweepTest: List.copyOf(null) inside the constructors, and
    // toString() / reserved() dereferencing a null component later.
    Asset usd = Registry.resolve("EURUSD").quote();
    assertEquals("aliases", assertThrows(NullPointerException.class,
        () -> new Asset(1, 1, AssetClass.FOREX, "x", "x", null)).getMessage());
    assertEquals("aliases[1]", assertThrows(NullPointerException.class,
        () -> new Asset(1, 1, AssetClass.FOREX, "x", "x", java.util.Arrays.asList("a", null)))
        .getMessage());
    assertEquals("abbreviations", assertThrows(NullPointerException.class,
        () -> new Provider(1, "x", null)).getMessage());
    assertEquals("code", assertThrows(NullPointerException.class,
        () -> new ClassInfo(1, "x", null)).getMessage());
    assertEquals("base", assertThrows(NullPointerException.class,
        () -> new Ticker(1, "x", InstrumentType.SPOT, null, usd, 1, "")).getMessage());
    assertEquals("quote", assertThrows(NullPointerException.class,
        () -> new Ticker(1, "x", InstrumentType.SPOT, usd, null, 1, "")).getMessage());
    assertTrue(new Ticker(1, "x", InstrumentType.SPOT, usd, usd, 1, "").toString()
        .contains("US Dollar"));
  }
}
