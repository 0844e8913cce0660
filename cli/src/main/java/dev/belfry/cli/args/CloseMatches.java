package dev.belfry.cli.args;

import java.util.ArrayList;
import java.util.List;

/** Python's {@code difflib.get_close_matches(word, possibilities, n=3, cutoff=0.8)}, best first. */
final class CloseMatches {
    private CloseMatches() {}

    static List<String> of(String word, List<String> possibilities) {
        List<double[]> scored = new ArrayList<>();
        for (int i = 0; i < possibilities.size(); i++) {
            double r = ratio(possibilities.get(i), word);
            if (r >= 0.8) {
                scored.add(new double[] {r, i});
            }
        }
        scored.sort((a, b) -> a[0] != b[0]
                ? Double.compare(b[0], a[0])
                : possibilities.get((int) b[1]).compareTo(possibilities.get((int) a[1])));
        List<String> out = new ArrayList<>();
        for (int k = 0; k < Math.min(3, scored.size()); k++) {
            out.add(possibilities.get((int) scored.get(k)[1]));
        }
        return out;
    }

    /** SequenceMatcher(None, a, b).ratio(): 2 * matches / total length, matches by longest common blocks. */
    static double ratio(String a, String b) {
        int total = a.length() + b.length();
        return total == 0 ? 1.0 : 2.0 * matches(a, 0, a.length(), b, 0, b.length()) / total;
    }

    private static int matches(String a, int alo, int ahi, String b, int blo, int bhi) {
        int bestI = alo;
        int bestJ = blo;
        int bestSize = 0;
        for (int i = alo; i < ahi; i++) {
            for (int j = blo; j < bhi; j++) {
                int k = 0;
                while (i + k < ahi && j + k < bhi && a.charAt(i + k) == b.charAt(j + k)) {
                    k++;
                }
                if (k > bestSize) {
                    bestI = i;
                    bestJ = j;
                    bestSize = k;
                }
            }
        }
        if (bestSize == 0) {
            return 0;
        }
        return bestSize
                + matches(a, alo, bestI, b, blo, bestJ)
                + matches(a, bestI + bestSize, ahi, b, bestJ + bestSize, bhi);
    }
}
