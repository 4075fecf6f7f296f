package org.pmw.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDeterminismTest {

    private static final double SMALL = 0.05;

    @Test
    void sameSeedAndScaleWriteByteIdenticalFiles(@TempDir Path a, @TempDir Path b) throws IOException {
        SampleIncidentGenerator.generate(a, 7, SMALL);
        SampleIncidentGenerator.generate(b, 7, SMALL);
        List<String> filesA = relativeFiles(a);
        assertEquals(filesA, relativeFiles(b));
        assertTrue(filesA.contains("web1/access_log.gz"), filesA.toString());
        for (String file : filesA) {
            assertArrayEquals(Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file)),
                    "differs between two runs with the same seed: " + file);
        }
    }

    @Test
    void anotherSeedWritesOtherTraffic(@TempDir Path a, @TempDir Path b) throws IOException {
        SampleFacts first = SampleIncidentGenerator.generate(a, 1, SMALL);
        SampleFacts second = SampleIncidentGenerator.generate(b, 2, SMALL);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve("web1/access_log.gz")),
                Files.readAllBytes(b.resolve("web1/access_log.gz"))));
        // the story does not depend on the seed: same thresholds, same push, a clean evening
        assertEquals(first.thresholds().before(), second.thresholds().before());
        assertEquals(0, second.afterPush().segfaults());
        assertEquals(0, second.afterPush().connectionErrors());
    }

    @Test
    void scaleMultipliesTraffic(@TempDir Path a, @TempDir Path b) throws IOException {
        long small = SampleIncidentGenerator.generate(a, 3, SMALL).totalRequests();
        long bigger = SampleIncidentGenerator.generate(b, 3, SMALL * 4).totalRequests();
        double ratio = (double) bigger / small;
        assertTrue(ratio > 3.6 && ratio < 4.4, "4x scale gave " + ratio + "x requests");
    }

    @Test
    void rejectsANonsenseScale(@TempDir Path a) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SampleIncidentGenerator.generate(a, 1, 0));
        assertTrue(e.getMessage().contains("scale"), e.getMessage());
    }

    @Test
    void commandLineReportsBadArgumentsAndWritesTheSample(@TempDir Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, SampleIncidentGenerator.run(new String[]{}, o, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("OUT_DIR is missing"));
        assertEquals(2, SampleIncidentGenerator.run(new String[]{dir.toString(), "--scale", "lots"}, o, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--scale expects a number, got 'lots'"));
        assertEquals(0, SampleIncidentGenerator.run(new String[]{dir.toString(), "--seed", "5", "--scale", "0.02"}, o, e));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Wrote the sample incident to " + dir));
        assertTrue(Files.isRegularFile(dir.resolve("facts.json")));
    }

    private static List<String> relativeFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
