package org.bizenv.weight;

/**
 * How the entropy weight method treats zeros and turns entropies into weights. Published
 * implementations disagree (methodology.md, "Weights"); the engine names the variant it used.
 *
 * <p>All variants share p_ij = x_ij / Σ_i x_ij and E_j = −(1/ln n)·Σ_i p_ij ln p_ij.
 */
public enum EntropyVariant {

    /**
     * Textbook (Shannon; Zeleny 1982; Elsayed et al. 2017): 0·ln 0 = 0, w_j = (1 − E_j)/Σ_k (1 − E_k).
     * A constant column has E = 1 and weight 0. <b>Default</b>: it is the published method, the only
     * variant that reproduces the Elsayed et al. fixture, and it is continuous in the data (a value
     * moving from 0.001 to 0 barely changes the weights).
     */
    TEXTBOOK,

    /**
     * pymcdm ({@code pymcdm.weights.entropy_weights}): when any p_ij of column j is 0 the library sets
     * E_j = 0, so that column gets the maximal 1 − E_j = 1 regardless of its other values;
     * otherwise as {@link #TEXTBOOK}. Discontinuous at zero.
     */
    ZERO_ENTROPY_IF_ANY_ZERO,

    /**
     * scikit-criteria ({@code skcriteria.preprocessing.weighters.entropy_weights}): weights
     * proportional to the entropy itself, w_j = E_j/Σ_k E_k (0·ln 0 = 0). Inverts the textbook logic:
     * a constant column gets the largest weight.
     */
    PROPORTIONAL_TO_ENTROPY;

    /** The default variant, {@link #TEXTBOOK}. */
    public static final EntropyVariant DEFAULT = TEXTBOOK;
}
