package org.pmw.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The shop's pages and static files, and what one page view asks for: the PHP page, then (for a
 * browser) the style sheet and images it has not cached yet.
 */
final class SiteCatalog {

    /** One request of a page view; {@code dynamic} requests run PHP and talk to MySQL. */
    record Request(int offsetSeconds, String method, String path, String protocol, int status, long bytes,
                   String referer, boolean dynamic, String script) {

        Request withFailure(int failedStatus, long failedBytes) {
            return new Request(offsetSeconds, method, path, protocol, failedStatus, failedBytes, referer, dynamic,
                    script);
        }
    }

    static final long BYTES_503 = 412;
    static final long BYTES_500 = 538;
    static final long BYTES_404 = 299;

    private static final String HOME = "http://" + Story.SITE;
    private static final String[] SEARCH_TERMS = {
            "ipod", "ipod+nano", "usb+drive", "wireless+router", "dvd+burner", "laptop+bag", "mp3+player",
            "digital+camera", "webcam", "keyboard", "flat+panel", "lcd+monitor", "psp", "xbox", "headphones",
            "memory+card", "sd+card", "printer+ink", "linksys", "firewire+cable", "1gb+ram", "mouse"};
    private static final String[] REFERRING_SEARCHES = {
            "http://www.google.com/search?hl=en&q=", "http://search.yahoo.com/search?p=",
            "http://search.msn.com/results.aspx?q=", "http://www.google.com/search?q="};
    private static final String[][] SHARED_STATICS = {
            {"/css/style.css", "4821"}, {"/css/print.css", "1187"}, {"/images/logo.gif", "3422"},
            {"/images/spacer.gif", "43"}, {"/images/nav_bg.gif", "611"}, {"/images/btn_cart.gif", "1288"},
            {"/images/btn_search.gif", "902"}};

    List<Request> pageView(Random random, boolean bot, boolean freshVisit, String previousPage) {
        List<Request> requests = new ArrayList<>();
        String referer = previousPage != null ? HOME + previousPage : externalReferer(random);
        int kind = random.nextInt(100);
        String path;
        String script;
        long bytes;
        String method = "GET";
        int status = 200;
        int productId = 0;
        if (kind < 22) {
            path = "/index.php";
            script = "index.php";
            bytes = 14200 + random.nextInt(1900);
            if (previousPage == null && random.nextInt(3) == 0) {
                path = "/";
            }
        } else if (kind < 60) {
            productId = 1 + (int) (480 * StrictMath.pow(random.nextDouble(), 1.8));
            path = "/product.php?id=" + productId;
            script = "product.php";
            bytes = 8900 + (productId * 37L) % 4100 + random.nextInt(60);
        } else if (kind < 72) {
            path = "/category.php?cat=" + (1 + random.nextInt(24));
            script = "category.php";
            bytes = 10100 + random.nextInt(7800);
        } else if (kind < 85 && !bot) {
            path = "/search.php?q=" + SEARCH_TERMS[random.nextInt(SEARCH_TERMS.length)];
            script = "search.php";
            bytes = 6100 + random.nextInt(13500);
        } else if (kind < 96 && !bot) {
            if (random.nextInt(3) == 0) {
                method = "POST";
                path = "/cart.php";
                status = 302;
                bytes = 5;
            } else {
                path = "/cart.php";
                bytes = 5200 + random.nextInt(2600);
            }
            script = "cart.php";
        } else if (!bot) {
            path = "/checkout.php";
            script = "checkout.php";
            bytes = 7040 + random.nextInt(900);
        } else {
            path = random.nextInt(4) == 0 ? "/robots.txt" : "/index.php";
            script = path.equals("/robots.txt") ? null : "index.php";
            bytes = path.equals("/robots.txt") ? 68 : 14200 + random.nextInt(1900);
            referer = "-";
        }
        if (bot) {
            referer = "-";
        }
        requests.add(new Request(0, method, path, "HTTP/1.1", status, bytes, referer, script != null, script));
        if ("POST".equals(method)) {
            requests.add(new Request(1, "GET", "/cart.php", "HTTP/1.1", 200, 5200 + random.nextInt(2600),
                    HOME + previousOr(previousPage), true, "cart.php"));
            path = "/cart.php";
        }
        if (bot) {
            return requests;
        }
        String pageUrl = HOME + path;
        if (freshVisit) {
            for (String[] s : SHARED_STATICS) {
                if (random.nextInt(20) < 11) {
                    requests.add(staticFile(random, s[0], Long.parseLong(s[1]), pageUrl, false));
                }
            }
            if (random.nextInt(12) == 0) {
                requests.add(new Request(1 + random.nextInt(2), "GET", "/favicon.ico", "HTTP/1.1", 404, BYTES_404,
                        "-", false, null));
            }
        } else if (random.nextInt(4) == 0) {
            String[] s = SHARED_STATICS[random.nextInt(SHARED_STATICS.length)];
            requests.add(staticFile(random, s[0], Long.parseLong(s[1]), pageUrl, true));
        }
        if (productId > 0) {
            requests.add(staticFile(random, "/images/products/p" + productId + ".gif",
                    2400 + (productId * 131L) % 9000, pageUrl, !freshVisit && random.nextBoolean()));
        }
        return requests;
    }

    private static String previousOr(String previousPage) {
        return previousPage != null ? previousPage : "/index.php";
    }

    private static Request staticFile(Random random, String path, long size, String referer, boolean revalidate) {
        int offset = random.nextInt(3);
        return revalidate
                ? new Request(offset, "GET", path, "HTTP/1.1", 304, 0, referer, false, null)
                : new Request(offset, "GET", path, "HTTP/1.1", 200, size, referer, false, null);
    }

    private static String externalReferer(Random random) {
        int r = random.nextInt(10);
        if (r < 5) {
            return "-";
        }
        if (r < 9) {
            return REFERRING_SEARCHES[random.nextInt(REFERRING_SEARCHES.length)]
                    + SEARCH_TERMS[random.nextInt(SEARCH_TERMS.length)];
        }
        return "http://www.dealnews.com/";
    }
}
