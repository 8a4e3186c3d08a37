package io.github.mitchprotocol.mitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link CheckJniWorkload} in a JVM with -Xcheck:jni and fails on any
 * report of the JNI checker ("WARNING in native method", "WARNING: ...",
 * "Warning: ...", "FATAL ERROR"), on stdout or stderr.
 */
class CheckJniTest {
  static boolean checkerSpoke(String output) {
    for (String line : output.split("\n")) {
      if (line.contains("WARNING in native method") || line.startsWith("WARNING: JNI ")
          || (line.startsWith("Warning: ") && line.contains("JNI"))
          || line.contains("FATAL ERROR")) {
        return true;
      }
    }
    return false;
  }

  @Test
  void theCheckerWouldBeHeard() {
    assertTrue(checkerSpoke("WARNING in native method: JNI call made without checking"));
    assertTrue(checkerSpoke("x\nFATAL ERROR in native method: bad global or local ref"));
    assertTrue(checkerSpoke("Warning: Calling other JNI functions in the scope of ..."));
    assertTrue(checkerSpoke("WARNING: JNI local refs: 33, exceeds capacity: 32"));
    assertFalse(checkerSpoke("workload done"));
    // Not the checker: the JDK's own notices (e.g. native access, JDK 24+).
    assertFalse(checkerSpoke("WARNING: A restricted method in java.lang.System has been called"));
  }

  @Test
  void everyNativeMethodIsCleanUnderXcheckJni() throws Exception {
    ProcessBuilder pb = new ProcessBuilder(List.of(TestEnv.java(), "-Xcheck:jni",
        "-D" + NativeLoader.GLUE_PROPERTY + "=" + System.getProperty(NativeLoader.GLUE_PROPERTY,
            ""),
        "-cp", TestEnv.testClassPath(), CheckJniWorkload.class.getName(),
        TestEnv.vectors().toString())).redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertFalse(checkerSpoke(out), out);
    assertTrue(out.matches("(?s).*conformance [1-9][0-9]* passed, 0 failed.*"), out);
    assertTrue(out.contains("workload done"), out);
  }
}
