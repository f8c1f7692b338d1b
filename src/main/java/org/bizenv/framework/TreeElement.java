package org.bizenv.framework;

/** What nodes and indicators share: a place in the tree. */
public sealed interface TreeElement permits Node, Indicator {

    String code();

    String parent();

    Names name();

    double weight();

    int line();
}
