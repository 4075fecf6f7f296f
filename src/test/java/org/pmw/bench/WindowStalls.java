package org.pmw.bench;

import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How long the window stops answering while you use it. Not a test: run it by hand in place of {@code pmw}
 * (same arguments), use the window, and read the stalls on standard output. Every 20 ms it asks the JavaFX
 * thread to run an empty action and times how late it runs; while waiting it samples that thread's stack, so
 * each stall of 100 ms or more is printed with the code it was spent in (our frames, and the first few).
 */
public final class WindowStalls {

    private static final String FX_THREAD = "JavaFX Application Thread";
    private static final long REPORTED_MILLIS = 100;

    private WindowStalls() {
    }

    public static void main(String[] args) throws Exception {
        Thread probe = new Thread(WindowStalls::probe, "window-stalls");
        probe.setDaemon(true);
        probe.start();
        org.pmw.Main.main(args);
    }

    private static void probe() {
        while (true) {
            try {
                Thread fx = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(FX_THREAD))
                        .findFirst().orElse(null);
                if (fx == null) {
                    Thread.sleep(50);
                    continue;
                }
                CountDownLatch ran = new CountDownLatch(1);
                long asked = System.nanoTime();
                javafx.application.Platform.runLater(ran::countDown);
                Map<String, Integer> stacks = new LinkedHashMap<>();
                while (!ran.await(50, TimeUnit.MILLISECONDS)) {
                    stacks.merge(describe(fx.getStackTrace()), 1, Integer::sum);
                }
                long millis = (System.nanoTime() - asked) / 1_000_000;
                if (millis >= REPORTED_MILLIS) {
                    StringBuilder report = new StringBuilder(String.format("STALL %d ms from %s%n", millis,
                            LocalTime.now().minusNanos(millis * 1_000_000)));
                    stacks.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(3)
                            .forEach(e -> report.append("   x").append(e.getValue()).append(e.getKey()).append('\n'));
                    System.out.print(report);
                    System.out.flush();
                }
                Thread.sleep(20);
            } catch (IllegalStateException e) {
                // the toolkit is not started yet
                try {
                    Thread.sleep(50);
                } catch (InterruptedException stop) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The first frames of a stack and every one of ours below them. */
    private static String describe(StackTraceElement[] stack) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        // a thread parked is waiting for someone: show far enough down to see for whom
        int first = stack.length > 0 && stack[0].getMethodName().equals("park") ? 12 : 5;
        for (StackTraceElement frame : stack) {
            if (shown < first || frame.getClassName().startsWith("org.pmw")) {
                sb.append("\n      ").append(frame);
                shown++;
            }
            if (shown >= 30) {
                break;
            }
        }
        return sb.toString();
    }
}
