package io.github.mitchprotocol.mitch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads libmitch and the JNI glue, once, when {@link Native} is initialised.
 *
 * <p>Order (bindings.md, "Loading and versions"):
 * <ol>
 * <li>{@code MITCH_LIBRARY} (a full path), loaded with {@code System.load}
 *     when set. The glue links {@code libmitch.so.1} by its soname, and the
 *     dynamic loader reuses the copy already loaded under that soname. When
 *     it is set and fails, nothing else is tried.</li>
 * <li>The glue, first that loads: the system property {@code mitch.jni} (a
 *     path); the copy shipped inside the jar, extracted to a private
 *     temporary directory; {@code libmitch-jni} beside {@code MITCH_LIBRARY}
 *     (or in its {@code jni/} subdirectory); {@code System.loadLibrary}
 *     through {@code java.library.path} (Debian's {@code /usr/lib/<triplet>/jni}).</li>
 * <li>Without {@code MITCH_LIBRARY}, the glue's own dependency brings in the
 *     installed system library.</li>
 * </ol>
 * Then the major version is checked. Every failure becomes one message that
 * lists what was tried and how to fix it, thrown as
 * {@link LibraryLoadException} by the first call that needs the library.
 */
final class NativeLoader {
  private NativeLoader() {}

  /** The major version of libmitch this binding is written for. */
  static final int MAJOR = 1;
  /** Environment variable naming the library file. */
  static final String ENV = "MITCH_LIBRARY";
  /** System property naming the glue file. */
  static final String GLUE_PROPERTY = "mitch.jni";
  static final String GLUE_NAME = "mitch-jni";

  /**
   * Prints {@link #glueResource()}: the build puts the glue where the
   * loader will look for it by asking the loader.
   */
  public static void main(String[] args) {
    System.out.println(glueResource());
  }

  /** Where the jar carries the glue for this platform. */
  static String glueResource() {
    return "/io/github/mitchprotocol/mitch/native/" + platform() + "/"
        + System.mapLibraryName(GLUE_NAME);
  }

  /** "linux-x86_64", "linux-aarch64", "windows-x86_64", "macos-aarch64" ... */
  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    if (arch.equals("amd64")) {
      arch = "x86_64";
    }
    if (os.startsWith("windows")) {
      os = "windows";
    } else if (os.startsWith("mac")) {
      os = "macos";
    } else {
      os = os.replace(' ', '_');
    }
    return os + "-" + arch;
  }

  /** The library's versioned file name on this platform. */
  static String versionedName() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      return "libmitch-" + MAJOR + ".dll";
    }
    if (os.startsWith("mac")) {
      return "libmitch." + MAJOR + ".dylib";
    }
    return "libmitch.so." + MAJOR;
  }

  /** Loads everything; returns null on success, else the full explanation. */
  static String load() {
    List<String> tried = new ArrayList<>();
    String env = System.getenv(ENV);
    Path library = null;
    if (env != null && !env.isEmpty()) {
      library = Paths.get(env).toAbsolutePath();
      try {
        System.load(library.toString());
        tried.add(ENV + "=" + env + ": loaded");
      } catch (Throwable e) {
        tried.add(ENV + "=" + env + ": " + describe(e));
        return explain(tried, ENV + " is set, so nothing else was tried.");
      }
    } else {
      tried.add(ENV + ": not set (the glue's dependency " + versionedName()
          + " comes from the system's library search path)");
    }
    if (!loadGlue(library, tried)) {
      return explain(tried, null);
    }
    return checkVersion(tried);
  }

  private static boolean loadGlue(Path library, List<String> tried) {
    String property = System.getProperty(GLUE_PROPERTY);
    if (property != null && !property.isEmpty()) {
      if (tryLoad(Paths.get(property).toAbsolutePath(), "-D" + GLUE_PROPERTY, tried)) {
        return true;
      }
    }
    if (loadFromJar(tried)) {
      return true;
    }
    if (library != null && library.getParent() != null) {
      String file = System.mapLibraryName(GLUE_NAME);
      Path dir = library.getParent();
      if (tryLoad(dir.resolve(file), "beside " + ENV, tried)
          || tryLoad(dir.resolve("jni").resolve(file), "beside " + ENV, tried)) {
        return true;
      }
    }
    try {
      System.loadLibrary(GLUE_NAME);
      tried.add("System.loadLibrary(\"" + GLUE_NAME + "\"): loaded");
      return true;
    } catch (Throwable e) {
      tried.add("System.loadLibrary(\"" + GLUE_NAME + "\") with java.library.path="
          + System.getProperty("java.library.path") + ": " + describe(e));
    }
    return false;
  }

  private static boolean tryLoad(Path file, String how, List<String> tried) {
    if (!Files.isRegularFile(file)) {
      tried.add(how + ": " + file + ": no such file");
      return false;
    }
    try {
      System.load(file.toString());
      tried.add(how + ": " + file + ": loaded");
      return true;
    } catch (Throwable e) {
      tried.add(how + ": " + file + ": " + describe(e));
      return false;
    }
  }

  /** Extracts the jar's glue to a fresh private directory, loads it, deletes it. */
  private static boolean loadFromJar(List<String> tried) {
    String resource = glueResource();
    try (InputStream in = NativeLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        tried.add("the glue inside the jar (" + resource + "): not present");
        return false;
      }
      Path dir = Files.createTempDirectory("mitch-jni-");
      Path file = dir.resolve(System.mapLibraryName(GLUE_NAME));
      try {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        System.load(file.toString());
        tried.add("the glue inside the jar (" + resource + "): loaded");
        return true;
      } catch (Throwable e) {
        tried.add("the glue inside the jar (" + resource + "), extracted to " + file + ": "
            + describe(e));
        return false;
      } finally {
        // A loaded shared object stays mapped after its file is gone (POSIX);
        // where deleting fails (Windows), the JVM removes it at exit.
        deleteOrDefer(file);
        deleteOrDefer(dir);
      }
    } catch (IOException e) {
      tried.add("the glue inside the jar (" + resource + "): " + describe(e));
      return false;
    }
  }

  private static void deleteOrDefer(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      path.toFile().deleteOnExit();
    }
  }

  private static String checkVersion(List<String> tried) {
    int number;
    try {
      number = Native.versionNumber();
    } catch (Throwable e) {
      tried.add("mitch_get_version_number through the glue: " + describe(e));
      return explain(tried, null);
    }
    if (number >> 16 != MAJOR) {
      byte[] path = Native.libraryPath();
      String file = path == null ? "(unknown file)" : new String(path, StandardCharsets.UTF_8);
      return "the libmitch loaded from " + file + " is version " + (number >> 16) + "."
          + ((number >> 8) & 0xff) + "." + (number & 0xff) + ", but this Java binding needs "
          + MAJOR + ".x. Install libmitch " + MAJOR + ".x or point " + ENV + " at it.";
    }
    return null;
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static String explain(List<String> tried, String note) {
    StringBuilder text = new StringBuilder("libmitch could not be loaded. Tried, in order:");
    for (String step : tried) {
      text.append("\n  - ").append(step);
    }
    if (note != null) {
      text.append("\n").append(note);
    }
    text.append("\nFix: install libmitch (the libmitch1 package, or 'make install' and ")
        .append("'sudo ldconfig'), or set ").append(ENV).append(" to the full path of ")
        .append(versionedName()).append(" (in a build tree: lib/.libs/")
        .append(versionedName()).append("); the glue ")
        .append(System.mapLibraryName(GLUE_NAME))
        .append(" ships inside mitch.jar as built by make, or set -D").append(GLUE_PROPERTY)
        .append("=PATH.");
    return text.toString();
  }
}
