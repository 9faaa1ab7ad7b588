package org.eimas.micro.flink;

/**
 * Number formatting of the project's CSV writer, so that this job's files equal the CLI's byte for
 * byte: integral doubles below 1e15 without a fraction (no "-0"), other doubles in Java's shortest
 * round-trip form, NaN as an empty cell.
 */
final class CsvText {
    private CsvText() {
    }

    static StringBuilder field(StringBuilder sb, double v) {
        if (sb.length() > 0) {
            sb.append(',');
        }
        if (Double.isNaN(v)) {
            return sb;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return sb.append((long) v); // (long) -0.0 is 0
        }
        return sb.append(v);
    }

    static StringBuilder field(StringBuilder sb, long v) {
        if (sb.length() > 0) {
            sb.append(',');
        }
        return sb.append(v);
    }

    static StringBuilder field(StringBuilder sb, String v) {
        if (sb.length() > 0) {
            sb.append(',');
        }
        return sb.append(v);
    }
}
