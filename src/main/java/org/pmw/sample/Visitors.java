package org.pmw.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The site's visitors of autumn 2005: home broadband and AOL users with the browsers of the day,
 * and the three big crawlers. Each visitor sticks to one web VM (DNS round robin answers are cached).
 */
final class Visitors {

    record Visitor(String ip, String userAgent, boolean bot, int vm) {
    }

    private static final String[][] BROWSERS = {
            // weight, user agent
            {"30", "Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1; SV1)"},
            {"16", "Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1; SV1; .NET CLR 1.1.4322)"},
            {"9", "Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1)"},
            {"5", "Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.0)"},
            {"2", "Mozilla/4.0 (compatible; MSIE 5.5; Windows 98; Win 9x 4.90)"},
            {"3", "Mozilla/4.0 (compatible; MSIE 6.0; AOL 9.0; Windows NT 5.1)"},
            {"11", "Mozilla/5.0 (Windows; U; Windows NT 5.1; en-US; rv:1.7.12) Gecko/20050915 Firefox/1.0.7"},
            {"3", "Mozilla/5.0 (Windows; U; Windows NT 5.1; en-US; rv:1.7.10) Gecko/20050716 Firefox/1.0.6"},
            {"2", "Mozilla/5.0 (X11; U; Linux i686; en-US; rv:1.7.12) Gecko/20050922 Fedora/1.0.7-1.1.fc4 Firefox/1.0.7"},
            {"2", "Mozilla/5.0 (Macintosh; U; PPC Mac OS X Mach-O; en-US; rv:1.7.12) Gecko/20050915 Firefox/1.0.7"},
            {"4", "Mozilla/5.0 (Macintosh; U; PPC Mac OS X; en) AppleWebKit/412.6 (KHTML, like Gecko) Safari/412.2"},
            {"2", "Mozilla/5.0 (Macintosh; U; PPC Mac OS X; en) AppleWebKit/416.12 (KHTML, like Gecko) Safari/416.13"},
            {"1", "Opera/8.50 (Windows NT 5.1; U; en)"},
            {"1", "Mozilla/5.0 (Windows; U; Windows NT 5.1; en-US; rv:1.7.5) Gecko/20041107 Firefox/1.0"},
    };

    private static final String[][] BOTS = {
            {"66.249.66.", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"},
            {"66.249.65.", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"},
            {"68.142.249.", "Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)"},
            {"207.46.98.", "msnbot/1.0 (+http://search.msn.com/msnbot.htm)"},
    };

    /** First octets of US broadband and dial-up ranges of the time (cable, DSL, AOL proxies). */
    private static final int[][] HOME_PREFIXES = {
            {24, 0}, {68, 0}, {69, 0}, {70, 0}, {71, 0}, {65, 0}, {66, 0}, {67, 0}, {72, 0}, {151, 0},
            {205, 188}, {64, 12}, {12, 0}, {4, 0}, {209, 0}, {216, 0}, {63, 0}, {75, 0}, {81, 0}, {82, 0}};

    private final List<Visitor> people = new ArrayList<>();
    private final List<Visitor> bots = new ArrayList<>();
    private final int browserTotal;

    Visitors(Random random, int size) {
        int total = 0;
        for (String[] b : BROWSERS) {
            total += Integer.parseInt(b[0]);
        }
        browserTotal = total;
        for (int i = 0; i < size; i++) {
            int[] prefix = HOME_PREFIXES[random.nextInt(HOME_PREFIXES.length)];
            String ip = prefix[0] + "." + (prefix[1] != 0 ? prefix[1] : 1 + random.nextInt(254)) + "."
                    + random.nextInt(256) + "." + (1 + random.nextInt(254));
            String agent = prefix[0] == 205 ? "Mozilla/4.0 (compatible; MSIE 6.0; AOL 9.0; Windows NT 5.1)"
                    : pickBrowser(random);
            people.add(new Visitor(ip, agent, false, random.nextInt(Story.WEB_VMS.size())));
        }
        for (String[] bot : BOTS) {
            for (int i = 0; i < 6; i++) {
                bots.add(new Visitor(bot[0] + (10 + random.nextInt(240)), bot[1], true,
                        random.nextInt(Story.WEB_VMS.size())));
            }
        }
    }

    /** A visitor for the next page view: about one in twelve is a crawler. */
    Visitor next(Random random) {
        if (random.nextInt(12) == 0) {
            return bots.get(random.nextInt(bots.size()));
        }
        // A few heavy users make many page views, as in any real log.
        int index = (int) (people.size() * StrictMath.pow(random.nextDouble(), 1.6));
        return people.get(Math.min(index, people.size() - 1));
    }

    private String pickBrowser(Random random) {
        int r = random.nextInt(browserTotal);
        for (String[] b : BROWSERS) {
            r -= Integer.parseInt(b[0]);
            if (r < 0) {
                return b[1];
            }
        }
        return BROWSERS[0][1];
    }
}
