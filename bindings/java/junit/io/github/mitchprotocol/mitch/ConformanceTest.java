package io.github.mitchprotocol.mitch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mitchprotocol.mitch.conformance.Conformance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

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
}
