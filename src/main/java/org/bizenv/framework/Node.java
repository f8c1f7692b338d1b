package org.bizenv.framework;

/**
 * An aggregate of the tree: the index, a dimension or a sub-dimension.
 *
 * @param parent      null for the index (the one root)
 * @param weight      nominal weight within the parent (renormalised among siblings); NaN where the parent's
 *                    weighting is objective and no weight was given
 * @param aggregation how this node combines its children's scores
 * @param weighting   how this node's children are weighted (expert = the children's stated weights)
 */
public record Node(String code, String parent, Names name, double weight, MethodSpec aggregation,
                   MethodSpec weighting, int line) implements TreeElement {
}
