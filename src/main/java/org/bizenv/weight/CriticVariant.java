package org.bizenv.weight;

/**
 * How CRITIC handles indicator direction when min-max normalising. Published implementations
 * disagree (methodology.md, "Weights"). Direction matters: reversing a column leaves its standard
 * deviation unchanged but flips the sign of its correlations, hence its conflict Σ_k (1 − r_jk).
 */
public enum CriticVariant {

    /**
     * Normalise per direction: benefit (x − min)/(max − min), cost (max − x)/(max − min), as in
     * Diakoulaki et al. (1995), pyDecision {@code critic_method} and scikit-criteria {@code Critic}
     * ({@code cenit_distance}). <b>Default</b>: correlations are then computed between
     * "goodness" scores, consistent with how the indicators are aggregated.
     */
    DIRECTION_AWARE,

    /**
     * Normalise every column as a benefit column, ignoring {@code directions} (pymcdm
     * {@code critic_weights}, which calls min-max normalisation without criteria types).
     */
    IGNORE_DIRECTION;

    /** The default variant, {@link #DIRECTION_AWARE}. */
    public static final CriticVariant DEFAULT = DIRECTION_AWARE;
}
