package org.emajshell.parse;

/** Levenshtein distance, for "did you mean ...?". */
final class EditDistance {

    private EditDistance() {
    }

    static int between(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The candidate closest to {@code typed} (case-insensitive) if it is close enough to be a typo, else null. */
    static String suggest(String typed, Iterable<String> candidates) {
        if (typed == null || typed.length() < 2 || typed.length() > 40) {
            return null;
        }
        String upper = typed.toUpperCase(java.util.Locale.ROOT);
        int limit = Math.max(1, upper.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c.startsWith("<") || c.startsWith("'")) {
                continue;
            }
            int d = between(upper, c.toUpperCase(java.util.Locale.ROOT));
            if (d == 0) {
                return null; // it was typed right; the problem is elsewhere
            }
            if (d < bestDistance || (d == bestDistance && c.compareTo(best) < 0)) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= limit ? best : null;
    }
}
