package io.github.mitchprotocol.mitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The JPMS module descriptor the library's classes carry (jar or class directory). */
class ModuleTest {
  @Test
  void theModuleExportsOnlyItsPackageAndNeedsOnlyJavaBase() throws Exception {
    Path where = Paths.get(Native.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    ModuleDescriptor d = ModuleFinder.of(where).find("io.github.mitchprotocol.mitch")
        .orElseThrow(() -> new AssertionError("no module io.github.mitchprotocol.mitch in "
            + where)).descriptor();
    assertEquals(Set.of("io.github.mitchprotocol.mitch"), d.exports().stream()
        .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
    assertTrue(d.exports().stream().allMatch(e -> !e.isQualified()));
    assertEquals(Set.of("java.base"), d.requires().stream().map(ModuleDescriptor.Requires::name)
        .collect(Collectors.toSet()));
    assertTrue(d.packages().contains("io.github.mitchprotocol.mitch"));
  }

  @Test
  void theJarCarriesTheGlueWhereTheLoaderLooks() {
    // make's mitch.jar carries it; Maven's test run takes it from -Dmitch.jni.
    boolean inJar = NativeLoader.class.getResource(NativeLoader.glueResource()) != null;
    String property = System.getProperty(NativeLoader.GLUE_PROPERTY, "");
    assertTrue(inJar || !property.isEmpty(), "neither the jar nor -Dmitch.jni has the glue");
    assertTrue(NativeLoader.glueResource().endsWith("/" + System.mapLibraryName("mitch-jni")));
  }
}
