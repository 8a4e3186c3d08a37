package io.github.mitchprotocol.mitch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the tests find the vectors, the mitch tool and the library (make check and ci-extra.sh set them). */
final class TestEnv {
  private TestEnv() {}

  static String require(String name) {
    String value = System.getenv(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException(name + " is not set: run the tests through make check"
          + " or bindings/java/ci-extra.sh");
    }
    return value;
  }

  static Path vectors() {
    return Paths.get(require("MITCH_VECTORS_DIR"));
  }

  /** MITCH_TOOL, defaulting to the build tree's tools/mitch. */
  static Path tool() {
    String tool = System.getenv("MITCH_TOOL");
    if (tool == null || tool.isEmpty()) {
      tool = require("MITCH_TOP_BUILDDIR") + "/tools/mitch";
    }
    Path path = Paths.get(tool);
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException("MITCH_TOOL " + path + " is not an executable");
    }
    return path;
  }

  static Path library() {
    return Paths.get(require("MITCH_LIBRARY"));
  }

  /**
   * A class path for a child JVM: where each class was loaded from (the
   * test runners load the tests through class loaders of their own, so
   * java.class.path does not say).
   */
  static String classPath(Class<?>... classes) {
    java.util.LinkedHashSet<String> entries = new java.util.LinkedHashSet<>();
    for (Class<?> c : classes) {
      try {
        entries.add(Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString());
      } catch (java.net.URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  /** The library, the tests and JUnit's API (for child JVMs running test code). */
  static String testClassPath() {
    return classPath(Native.class, TestEnv.class, org.junit.jupiter.api.Assertions.class,
        org.opentest4j.AssertionFailedError.class);
  }

  /** The java launcher of the running JVM. */
  static String java() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }
}
