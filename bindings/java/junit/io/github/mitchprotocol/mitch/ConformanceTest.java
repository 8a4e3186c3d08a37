package io.github.mitchprotocol.mitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mitchprotocol.mitch.conformance.Conformance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every row of the conformance vectors through the public API (the runner's code). */
class ConformanceTest {
  /** Data rows of the eleven files, counted from the files themselves. */
  private static int dataRows(Path vectors) throws IOException {
    int rows = 0;
    for (String dir : new String[] {"messages", "resolution"}) {
      try (Stream<Path> files = Files.list(vectors.resolve(dir))) {
        for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".tsv"))::iterator) {
          rows += (int) Files.readAllLines(f).stream().skip(1).filter(l -> !l.isEmpty()).count();
        }
      }
    }
    return rows;
  }

  @Test
  void everyRowPasses() throws IOException {
    Path vectors = TestEnv.vectors();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Conformance.Result result = Conformance.run(vectors,
        new PrintStream(log, true, StandardCharsets.UTF_8));
    assertEquals(0, result.failed(), log.toString(StandardCharsets.UTF_8));
    assertEquals(dataRows(vectors), result.passed());
  }

  @Test
  void aWrongVectorFails(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    // The runner can fail: one changed byte in one expected body is one failed row.
    Path vectors = TestEnv.vectors();
    for (String sub : new String[] {"messages", "resolution"}) {
      Files.createDirectories(dir.resolve(sub));
      try (Stream<Path> files = Files.list(vectors.resolve(sub))) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.copy(f, dir.resolve(sub).resolve(f.getFileName()));
        }
      }
    }
    Path trades = dir.resolve("messages/trade.tsv");
    String text = Files.readString(trades);
    int row = text.indexOf('\n') + 1;
    int expect = text.indexOf('\n', row) - 1;
    char last = text.charAt(expect);
    text = text.substring(0, expect) + (last == '0' ? '1' : '0') + text.substring(expect + 1);
    Files.writeString(trades, text);
    Conformance.Result result = Conformance.run(dir,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertEquals(1, result.failed());
    assertEquals(dataRows(vectors) - 1, result.passed());
  }

  // Damaged copies: each damaged file is one failure line naming it, the
  // rows before the damage and the other files still count, and the jar
  // still prints its closing line (exit 1).  Expected passes are counted
  // from the vector files, not by the runner.

  /** Data rows of one vector file: its non-empty lines after the header. */
  private static int rows(String name) throws IOException {
    return (int) Files.readAllLines(TestEnv.vectors().resolve(name)).stream().skip(1)
        .filter(l -> !l.isEmpty()).count();
  }

  /** A copy of the vectors in {@code dir}/vectors, for a test to damage. */
  private static Path copyVectors(Path dir) throws IOException {
    Path copy = dir.resolve("vectors");
    for (String sub : new String[] {"messages", "resolution"}) {
      Files.createDirectories(copy.resolve(sub));
      try (Stream<Path> files = Files.list(TestEnv.vectors().resolve(sub))) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.copy(f, copy.resolve(sub).resolve(f.getFileName()));
        }
      }
    }
    return copy;
  }

  /** {@code file}'s first {@code n} lines, then {@code insert}, then the rest (LF line ends). */
  private static byte[] insertAfter(Path file, int n, byte[] insert) throws IOException {
    byte[] text = Files.readAllBytes(file);
    int at = 0;
    for (int i = 0; i < n; i++) {
      while (text[at] != '\n') {
        at++;
      }
      at++;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(text, 0, at);
    out.write(insert);
    out.write(text, at, text.length - at);
    return out.toByteArray();
  }

  record Jar(int status, List<String> stdout, List<String> stderr) {}

  /** The runner's main on {@code args} in a child JVM (System.exit ends it). */
  private static Jar runMain(Path scratch, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(TestEnv.java(),
        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
        "-D" + NativeLoader.GLUE_PROPERTY + "=" + System.getProperty(NativeLoader.GLUE_PROPERTY,
            ""),
        "-cp", TestEnv.classPath(Native.class, Conformance.class), Conformance.class.getName()));
    command.addAll(List.of(args));
    Path stderr = scratch.resolve("stderr");
    Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM finished");
    return new Jar(p.exitValue(), out.lines().toList(),
        Files.readString(stderr, StandardCharsets.UTF_8).lines().toList());
  }

  /**
   * Runs the damaged copy twice: {@link Conformance#run} must log exactly
   * {@code lines} and count {@code passed} and {@code failed}; the runner's
   * main must print the same lines, close with the counts and exit 1.
   */
  private static void expect(Path scratch, Path vectors, List<String> lines, int passed,
      int failed) throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Conformance.Result result = Conformance.run(vectors,
        new PrintStream(log, true, StandardCharsets.UTF_8));
    List<String> logged = log.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(lines, logged);
    for (String line : logged) {
      assertTrue(line.length() <= 300, "a failure line of " + line.length() + " characters");
    }
    assertEquals(passed, result.passed(), "passed");
    assertEquals(failed, result.failed(), "failed");
    Jar jar = runMain(scratch, vectors.toString());
    assertEquals(List.of(passed + " passed, " + failed + " failed"), jar.stdout(),
        String.join("\n", jar.stderr()));
    assertEquals(lines, jar.stderr());
    assertEquals(1, jar.status(), "exit status");
  }

  @Test
  void anEmptyOrHeaderOnlyFileHasNoRows(@TempDir Path dir) throws Exception {
    Path vectors = copyVectors(dir);
    Files.write(vectors.resolve("messages/channel.tsv"), new byte[0]);
    Path index = vectors.resolve("messages/index.tsv");
    Files.writeString(index, Files.readAllLines(index).get(0) + "\n");
    expect(dir, vectors, List.of("messages/index.tsv: no rows", "messages/channel.tsv: no rows"),
        dataRows(TestEnv.vectors()) - rows("messages/channel.tsv") - rows("messages/index.tsv"),
        2);
  }

  @Test
  void aLineThatIsNotUtf8EndsItsFileOnly(@TempDir Path dir) throws Exception {
    // After the header and two rows: those two rows still pass.
    Path vectors = copyVectors(dir);
    Path ticks = vectors.resolve("messages/tick.tsv");
    Files.write(ticks, insertAfter(ticks, 3,
        new byte[] {(byte) 0xff, (byte) 0xfe, ' ', 'n', 'o', 't', '\n'}));
    expect(dir, vectors,
        List.of("messages/tick.tsv: unreadable after line 3: MalformedInputException:"
            + " Input length = 1"),
        dataRows(TestEnv.vectors()) - rows("messages/tick.tsv") + 2, 1);
  }

  @Test
  void aMissingFileOrADirectoryInItsPlaceIsOneFailure(@TempDir Path dir) throws Exception {
    Path vectors = copyVectors(dir);
    Path assets = vectors.resolve("resolution/assets.tsv");
    Files.delete(assets);
    Files.createDirectory(assets);
    Files.delete(vectors.resolve("resolution/providers.tsv"));
    // What the JDK says reading a directory ("Is a directory" on Linux).
    IOException reading = assertThrows(IOException.class, () -> Files.readAllBytes(assets));
    expect(dir, vectors,
        List.of("resolution/assets.tsv: unreadable after line 0: "
            + reading.getClass().getSimpleName() + ": " + reading.getMessage(),
            "resolution/providers.tsv: missing"),
        dataRows(TestEnv.vectors()) - rows("resolution/assets.tsv")
            - rows("resolution/providers.tsv"), 2);
    // A DIR that is not a directory is a usage error, not eleven missing files.
    Jar jar = runMain(dir, dir.resolve("nonexistent").toString());
    assertEquals(2, jar.status(), String.join("\n", jar.stderr()));
    assertEquals(List.of(), jar.stdout());
    assertEquals(List.of("mitch-conformance: " + dir.resolve("nonexistent")
        + " is not a directory"), jar.stderr());
  }

  @Test
  void aThreeMegabyteLineFailsItsRowWithABoundedLine(@TempDir Path dir) throws Exception {
    // Two damaged rows after line 3, the rows after them still checked: one
    // with a 3 MB timestamp (quoted in the failure, so cut short), one of a
    // single 3 MB cell (the wrong number of cells).
    Path vectors = copyVectors(dir);
    Path headers = vectors.resolve("messages/header.tsv");
    String digits = "7".repeat(3_000_000);
    Files.write(headers, insertAfter(headers, 3, ("T\t" + digits + "\t1\t00\n"
        + "x".repeat(3_000_000) + "\n").getBytes(StandardCharsets.UTF_8)));
    String parse = "java.lang.NumberFormatException: For input string: \"" + digits + "\"";
    expect(dir, vectors,
        List.of("FAIL messages/header.tsv:4: " + parse.substring(0, 200) + "... ("
            + parse.length() + " characters)",
            "FAIL messages/header.tsv:5: java.lang.AssertionError: 1 cells, the header has 4"),
        dataRows(TestEnv.vectors()), 2);
  }
}
