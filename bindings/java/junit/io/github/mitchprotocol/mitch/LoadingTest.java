package io.github.mitchprotocol.mitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading in fresh JVMs: MITCH_LIBRARY first, the glue from the jar or beside the library. */
class LoadingTest {
  /** Run in a child JVM: tries the library twice and prints what happened. */
  public static final class Probe {
    public static void main(String[] args) {
      for (int i = 0; i < 2; i++) {
        try {
          System.out.println("loaded " + Library.version() + " from " + Library.path());
        } catch (LibraryLoadException e) {
          System.out.println("LibraryLoadException: " + e.getMessage());
        } catch (Throwable e) {
          System.out.println("unexpected " + e);
        }
      }
    }
  }

  record Run(int status, String output) {}

  static Run probe(String classPath, Map<String, String> env, String... jvmOptions)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(TestEnv.java());
    command.addAll(List.of(jvmOptions));
    command.add("-cp");
    command.add(classPath);
    command.add(Probe.class.getName());
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().remove("MITCH_LIBRARY");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM finished");
    return new Run(p.exitValue(), out);
  }

  /** Where this test's classes and the library's classes come from. */
  static String ownClassPath() {
    return TestEnv.classPath(Native.class, LoadingTest.class);
  }

  @Test
  void aMissingMitchLibraryIsAClearErrorListingWhatWasTried() throws Exception {
    Run run = probe(ownClassPath(), Map.of("MITCH_LIBRARY", "/nonexistent/libmitch.so.1"),
        "-Dmitch.jni=");
    assertEquals(0, run.status(), run.output());
    String[] lines = run.output().split("\n");
    assertTrue(lines[0].startsWith("LibraryLoadException: libmitch could not be loaded."),
        run.output());
    assertTrue(run.output().contains("MITCH_LIBRARY=/nonexistent/libmitch.so.1: "),
        run.output());
    assertTrue(run.output().contains("nothing else was tried"), run.output());
    assertTrue(run.output().contains("Fix: install libmitch"), run.output());
    assertTrue(!run.output().contains("unexpected"), "the second call says the same: "
        + run.output());
    assertEquals(2, run.output().split("LibraryLoadException: ", -1).length - 1);
  }

  @Test
  void withoutMitchLibraryTheSystemsCopyOrAList() throws Exception {
    Run run = probe(ownClassPath(), Map.of("LD_LIBRARY_PATH", ""), "-Dmitch.jni=");
    if (run.output().startsWith("loaded ")) {
      // An installed libmitch: it must not be this build tree's.
      assertTrue(!run.output().contains(TestEnv.library().getParent().toString()), run.output());
    } else {
      assertTrue(run.output().startsWith("LibraryLoadException: libmitch could not be loaded"),
          run.output());
      assertTrue(run.output().contains("MITCH_LIBRARY: not set"), run.output());
      assertTrue(run.output().contains("libmitch.so.1"), run.output());
    }
  }

  @Test
  void theGlueBesideTheLibraryIsFound(@TempDir Path dir) throws Exception {
    Path classes = dir.resolve("classes");
    copyClassesWithoutGlue(classes);
    Path lib = Files.createDirectories(dir.resolve("lib"));
    Files.copy(TestEnv.library(), lib.resolve("libmitch.so.1"));
    try (InputStream glue = glue()) {
      Files.copy(glue, lib.resolve(System.mapLibraryName("mitch-jni")),
          StandardCopyOption.REPLACE_EXISTING);
    }
    Run run = probe(classes.toString(), Map.of("MITCH_LIBRARY",
        lib.resolve("libmitch.so.1").toString()), "-Dmitch.jni=");
    assertTrue(run.output().startsWith("loaded "), run.output());
    assertTrue(run.output().contains(lib.toString()), "the copy beside: " + run.output());

    Files.delete(lib.resolve(System.mapLibraryName("mitch-jni")));
    Run missing = probe(classes.toString(), Map.of("MITCH_LIBRARY",
        lib.resolve("libmitch.so.1").toString()), "-Dmitch.jni=");
    assertTrue(missing.output().contains("the glue inside the jar"), missing.output());
    assertTrue(missing.output().contains("beside MITCH_LIBRARY: " + lib), missing.output());
    assertTrue(missing.output().contains("System.loadLibrary(\"mitch-jni\")"),
        missing.output());
  }

  /** The glue this JVM could load: the jar's copy, else -Dmitch.jni. */
  static InputStream glue() throws IOException {
    InputStream in = NativeLoader.class.getResourceAsStream(NativeLoader.glueResource());
    if (in != null) {
      return in;
    }
    return Files.newInputStream(Paths.get(System.getProperty(NativeLoader.GLUE_PROPERTY)));
  }

  /** The library's and the tests' classes, without a glue resource. */
  static void copyClassesWithoutGlue(Path into) throws IOException, URISyntaxException {
    for (Class<?> c : new Class<?>[] {Native.class, LoadingTest.class}) {
      Path source = Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(source)) {
        try (Stream<Path> files = Files.walk(source)) {
          for (Path f : (Iterable<Path>) files::iterator) {
            Path target = into.resolve(source.relativize(f).toString());
            if (Files.isDirectory(f)) {
              Files.createDirectories(target);
            } else if (f.toString().endsWith(".class")) {
              Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
            }
          }
        }
      } else {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(source))) {
          for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
            if (e.getName().endsWith(".class")) {
              Path target = into.resolve(e.getName());
              Files.createDirectories(target.getParent());
              Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
            }
          }
        }
      }
    }
  }
}
