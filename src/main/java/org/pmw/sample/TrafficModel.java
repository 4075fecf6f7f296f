package org.pmw.sample;

import java.util.Random;

/**
 * Site-wide concurrency, minute by minute: a daily curve (low at night, peaks late morning, early
 * afternoon and evening, plus the short spike of Monday's newsletter mailing) with slow random
 * wander. Concurrency is the number of busy Apache worker slots across the three web VMs; by
 * Little's law it is the request rate times the time each request holds a slot, which with
 * KeepAlive on is dominated by the 15 s keep-alive timeout. So request rate = concurrency / 15 s.
 * <p>
 * The scale factor multiplies the number of requests written, not the concurrency: the story
 * (when bursts happen and how bad they are) stays the same at any scale.
 */
final class TrafficModel {

    static final double HOLD_SECONDS = 15.0;

    /** Hours since Sunday 9 Oct 00:00 local, and concurrency there; linear in between. */
    private static final double[][] CURVE = {
            {0, 30}, {2, 14}, {4, 8}, {6, 6}, {8, 13}, {10, 28}, {12, 40}, {14, 47}, {16, 50},
            {18, 56}, {19.5, 66}, {20.5, 84}, {21.25, 89}, {22, 80}, {22.75, 63}, {23.5, 42},
            {24, 32}, {25, 20}, {27, 10}, {29, 8}, {31, 20}, {32.5, 45}, {33.5, 62}, {34.5, 80},
            {35.25, 89}, {36, 77}, {36.75, 62}, {37.25, 63}, {37.75, 76}, {38.5, 83}, {39.25, 74},
            {40, 62}, {40.67, 57}, {41.5, 58}, {42, 64}, {43, 78}, {43.75, 91}, {44.5, 88}, {45, 82}};

    /** Monday's newsletter went out at 16:45: a short, sharp spike (hours since Sunday 00:00). */
    private static final double SPIKE_CENTRE = 40 + 58.0 / 60;
    private static final double SPIKE_WIDTH = 7.0 / 60;
    private static final double SPIKE_HEIGHT = 24;

    private final long startEpoch;
    private final long midnightEpoch;
    private final double[] perMinute;

    TrafficModel(long seed) {
        startEpoch = Story.LOG_START.toEpochSecond();
        midnightEpoch = Story.LOG_START.toLocalDate().atStartOfDay(Story.ZONE).toEpochSecond();
        int minutes = (int) ((Story.LOG_END.toEpochSecond() - startEpoch) / 60);
        perMinute = new double[minutes];
        Random random = new Random(seed ^ 0x7A11C0DEL);
        double wander = 0;
        for (int m = 0; m < minutes; m++) {
            wander = 0.85 * wander + 0.03 * random.nextGaussian();
            double hours = (startEpoch + m * 60L - midnightEpoch) / 3600.0;
            perMinute[m] = baseline(hours) * StrictMath.exp(wander);
        }
    }

    int minutes() {
        return perMinute.length;
    }

    long minuteStart(int minute) {
        return startEpoch + minute * 60L;
    }

    double concurrency(int minute) {
        return perMinute[minute];
    }

    /** Requests per second at scale 1. */
    double requestRate(int minute) {
        return perMinute[minute] / HOLD_SECONDS;
    }

    static double baseline(double hours) {
        double value = CURVE[CURVE.length - 1][1];
        for (int i = 1; i < CURVE.length; i++) {
            if (hours <= CURVE[i][0]) {
                double[] a = CURVE[i - 1];
                double[] b = CURVE[i];
                value = a[1] + (b[1] - a[1]) * (hours - a[0]) / (b[0] - a[0]);
                break;
            }
        }
        double z = (hours - SPIKE_CENTRE) / SPIKE_WIDTH;
        return value + SPIKE_HEIGHT * StrictMath.exp(-0.5 * z * z);
    }
}
