package org.eimas.micro.domain.strategy;

/**
 * The seed's OFI + VPIN strategy (section 11.3): long when OFI > threshold and VPIN is below the safe
 * level, short when OFI < -threshold and VPIN is below the safe level, flat otherwise, and always flat
 * when VPIN is above the danger level (crash risk). A NaN VPIN (not yet enough buckets) is treated as
 * unknown and keeps the strategy flat.
 */
public record OfiVpinStrategy(double ofiThreshold, double vpinSafe, double vpinDanger) {
    public OfiVpinStrategy {
        if (!(ofiThreshold >= 0)) {
            throw new IllegalArgumentException("ofi threshold must be >= 0, got " + ofiThreshold);
        }
        if (!(vpinSafe <= vpinDanger)) {
            throw new IllegalArgumentException("VPIN safe level " + vpinSafe + " must not exceed the danger level " + vpinDanger);
        }
    }

    /** The seed's defaults: OFI threshold 1000 shares, VPIN safe 0.6, danger 0.8. */
    public static OfiVpinStrategy seedDefaults() {
        return new OfiVpinStrategy(1000, 0.6, 0.8);
    }

    public double position(double ofi, double vpin) {
        if (Double.isNaN(vpin) || Double.isNaN(ofi) || vpin > vpinDanger || !(vpin < vpinSafe)) {
            return 0;
        }
        if (ofi > ofiThreshold) {
            return 1;
        }
        if (ofi < -ofiThreshold) {
            return -1;
        }
        return 0;
    }

    public double[] positions(double[] ofi, double[] vpin) {
        if (ofi.length != vpin.length) {
            throw new IllegalArgumentException(ofi.length + " OFI values but " + vpin.length + " VPIN values");
        }
        double[] p = new double[ofi.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = position(ofi[i], vpin[i]);
        }
        return p;
    }
}
