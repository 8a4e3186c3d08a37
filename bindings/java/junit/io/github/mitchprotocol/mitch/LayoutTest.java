package io.github.mitchprotocol.mitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The records against the library's own description of every layout
 * ({@code mitch info --layouts --json}, found through MITCH_TOOL): field
 * names (camelCase of the protocol's), order and kinds; the enums against
 * the values the table names; the message types against the body layouts.
 * Java hands no struct to C (the glue is C, compiled against mitch.h), so
 * the records are what there is to check.
 */
class LayoutTest {
  static Map<String, Map<String, Object>> layouts;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void readTheTable() throws Exception {
    Process p = new ProcessBuilder(TestEnv.tool().toString(), "info", "--layouts", "--json")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), "mitch info --layouts --json failed");
    Map<String, Object> top = (Map<String, Object>) Json.parse(json);
    assertEquals(Library.version(), top.get("library_version"));
    layouts = new LinkedHashMap<>();
    for (Object l : (List<Object>) top.get("layouts")) {
      Map<String, Object> layout = (Map<String, Object>) l;
      layouts.put((String) layout.get("name"), layout);
    }
  }

  static final Map<String, Class<? extends Record>> RECORDS = new LinkedHashMap<>();

  static {
    RECORDS.put("header", Header.class);
    RECORDS.put("trade", Trade.class);
    RECORDS.put("order", Order.class);
    RECORDS.put("tick", Tick.class);
    RECORDS.put("index", Index.class);
    RECORDS.put("order_book", OrderBook.class);
    RECORDS.put("bin", Bin.class);
  }

  static String camel(String snake) {
    StringBuilder out = new StringBuilder();
    boolean up = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        out.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> fields(String layout) {
    Map<String, Object> l = layouts.get(layout);
    assertNotNull(l, "the library has no layout " + layout);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object f : (List<Object>) l.get("fields")) {
      Map<String, Object> field = (Map<String, Object>) f;
      if (!"padding".equals(field.get("kind"))) {
        out.add(field);
      }
    }
    return out;
  }

  /** The Java type a field of this kind has in a record. */
  static Type javaType(String layout, Map<String, Object> field) {
    String kind = (String) field.get("kind");
    String name = (String) field.get("name");
    if (name.equals("message_type")) {
      return MessageType.class;
    }
    if (ENUMS.containsKey(name)) {
      return ENUMS.get(name);
    }
    switch (kind) {
      case "u8": case "u16": case "i16": case "i32": case "i8":
        return int.class;
      case "u32": case "u48": case "u64":
        return long.class;
      case "f64":
        return double.class;
      case "bins":
        return List.class;
      default:
        throw new AssertionError(layout + "." + name + ": kind " + kind
            + " has no Java type in the records");
    }
  }

  /** The enumerated fields and their enums (the table names the values of the first two). */
  static final Map<String, Class<? extends Enum<?>>> ENUMS = Map.of("side", Side.class,
      "order_type", OrderType.class, "bin_aggregator", BinAggregator.class);

  static Class<? extends Enum<?>> enumFor(String field) {
    Class<? extends Enum<?>> e = ENUMS.get(field);
    if (e == null) {
      throw new AssertionError("no enum for the values of " + field);
    }
    return e;
  }

  @Test
  void everyRecordHasTheLayoutsFieldsInOrderWithTheirKinds() {
    for (Map.Entry<String, Class<? extends Record>> e : RECORDS.entrySet()) {
      List<Map<String, Object>> fields = fields(e.getKey());
      RecordComponent[] components = e.getValue().getRecordComponents();
      List<String> want = new ArrayList<>();
      List<String> have = new ArrayList<>();
      for (Map<String, Object> f : fields) {
        want.add(camel((String) f.get("name")) + ":" + javaType(e.getKey(), f).getTypeName());
      }
      for (RecordComponent c : components) {
        have.add(c.getName() + ":" + c.getType().getTypeName());
      }
      assertEquals(want, have, e.getKey() + " vs " + e.getValue().getSimpleName());
      for (RecordComponent c : components) {
        if (c.getType() == List.class) {
          Type element = ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
          assertEquals(Bin.class, element, c.getName() + " holds bins");
        }
      }
    }
  }

  @Test
  void theBinsAreAsManyAsTheLayoutSays() {
    for (Map<String, Object> f : fields("order_book")) {
      if ("bins".equals(f.get("kind"))) {
        assertEquals((long) OrderBook.BINS_PER_SIDE, f.get("count"));
        assertEquals("bin", f.get("nested"));
      }
    }
  }

  @Test
  void theEnumsHaveTheTablesValuesInCodeOrder() {
    Set<String> seen = new java.util.HashSet<>();
    for (String layout : RECORDS.keySet()) {
      for (Map<String, Object> f : fields(layout)) {
        String values = (String) f.get("values");
        String name = (String) f.get("name");
        if (values.isEmpty() || name.equals("message_type")) {
          continue;
        }
        List<String> constants = new ArrayList<>();
        for (Enum<?> c : enumFor(name).getEnumConstants()) {
          constants.add(c.name().toLowerCase(Locale.ROOT));
        }
        List<String> table = new ArrayList<>();
        for (String v : values.split("\\|")) {
          table.add(v.toLowerCase(Locale.ROOT).replaceFirst("^default_", ""));
        }
        assertEquals(table, constants, layout + "." + name);
        seen.add(name);
      }
    }
    assertEquals(Set.of("side", "order_type"), seen);
  }

  @Test
  void theAggregatorsAreTheLibrarysTables() {
    // The table names no values for bin_aggregator; the library names each table.
    for (BinAggregator a : BinAggregator.values()) {
      assertEquals("DEFAULT_" + a.name(), Bins.name(a));
    }
  }

  @Test
  void theMessageTypesAreTheBodyLayouts() {
    EnumSet<MessageType> found = EnumSet.noneOf(MessageType.class);
    for (Map<String, Object> l : layouts.values()) {
      Object type = l.get("message_type");
      if (type == null) {
        continue;
      }
      MessageType t = MessageType.fromCode(((String) type).charAt(0));
      assertEquals(((Number) l.get("wire_size")).intValue(), t.bodySize(), t.toString());
      assertEquals((long) t.code(), l.get("id"));
      assertTrue(RECORDS.containsKey(l.get("name")), "a record for " + l.get("name"));
      found.add(t);
    }
    assertEquals(EnumSet.allOf(MessageType.class), found);
    assertEquals((long) Header.SIZE, layouts.get("header").get("wire_size"));
  }
}
